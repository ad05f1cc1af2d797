namespace Segmentation.Clustering.Segments;

/// <summary>
/// The business segments: the 11 standard RFM segments (../shared/reference/rfm_segments.md) and Big
/// Spenders, a name that clusters need and score codes do not (high value at average recency). Names,
/// meanings and actions are shared by the cluster naming and the RFM score segments: one strategy table.
/// </summary>
internal static class SegmentCatalogue
{
    public const string Champions = "Champions";
    public const string Loyal = "Loyal";
    public const string PotentialLoyalist = "Potential Loyalist";
    public const string NewCustomers = "New Customers";
    public const string Promising = "Promising";
    public const string NeedAttention = "Need Attention";
    public const string AboutToSleep = "About To Sleep";
    public const string AtRisk = "At Risk";
    public const string CantLoseThem = "Can't Lose Them";
    public const string Hibernating = "Hibernating";
    public const string Lost = "Lost";
    public const string BigSpenders = "Big Spenders";

    /// <summary>In order of value to the business, best first.</summary>
    public static IReadOnlyList<SegmentDefinition> All { get; } =
    [
        new(Champions, "Bought recently, buy often and spend the most.", "Reward them; offer early access to new products; ask for reviews and referrals.", "High", 1.0, 1.5),
        new(Loyal, "Spend well and often, and respond to promotions.", "Upsell higher-value products; enrol them in the loyalty programme; ask for reviews.", "High", 0.4, 1.0),
        new(BigSpenders, "Spend far above average, but buy no more recently than the average customer.", "Offer premium products and bundles; give them a personal account manager; invite them back before they drift.", "High", 0.0, 1.2),
        new(PotentialLoyalist, "Recent customers with average frequency and spend.", "Offer membership or a loyalty programme; recommend related products.", "Medium", 0.8, 0.2),
        new(NewCustomers, "Bought most recently, but not often yet.", "Onboard them well; make the first weeks a success; build the relationship.", "Medium", 1.2, -0.8),
        new(Promising, "Recent shoppers who have not spent much yet.", "Build brand awareness; offer free trials and entry-level bundles.", "Medium", 0.7, -0.4),
        new(NeedAttention, "Above-average recency, frequency and spend, but slipping.", "Send limited-time offers; recommend from their purchase history.", "Medium", 0.0, 0.3),
        new(AboutToSleep, "Below-average recency and frequency.", "Share popular products and useful content; reconnect before they lapse.", "Low", -0.4, -0.4),
        new(AtRisk, "Spent big and often, but a long time ago.", "Send personalised win-back emails; offer renewals; share helpful resources.", "High", -0.8, 0.6),
        new(CantLoseThem, "Made the biggest and most frequent purchases, but long ago.", "Win them back with new products; call or talk to them; do not lose them to a competitor.", "High", -1.0, 1.4),
        new(Hibernating, "Last purchase long ago, low spend and few orders.", "Offer relevant products and special discounts; otherwise keep costs low.", "Low", -0.9, -0.6),
        new(Lost, "Lowest recency, frequency and spend.", "Try one reactivation campaign; otherwise stop spending on them.", "Low", -1.4, -1.2),
    ];

    /// <summary>
    /// DBSCAN's noise: customers in no dense group. Not in <see cref="All"/>: no cluster is named it by its centre.
    /// </summary>
    public static SegmentDefinition Unclustered { get; } = new("Unclustered",
        "Customers unlike any dense group: unusual mixes of recency, frequency and spend, often the extremes.",
        "Look at them one by one before any campaign: the biggest and the oddest customers are here.", "Medium", 0, 0);

    public static SegmentDefinition Get(string name) =>
        All.FirstOrDefault(s => s.Name == name) ?? throw new ArgumentException($"Unknown segment '{name}'.", nameof(name));
}
