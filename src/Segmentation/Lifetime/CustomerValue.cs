namespace Segmentation.Lifetime;

/// <summary>
/// What the models say of one customer: P(alive) now, P(no purchase) and expected purchases in the next
/// <see cref="ClvOptions.WindowDays"/>, the expected value of a purchase, lifetime value over the horizon with its
/// 80% interval from the parameters' uncertainty (NaN-free: the point itself when no interval was drawn), and the
/// lifetime value's percentile rank among all customers (0-100).
/// </summary>
public sealed record CustomerValue(
    string CustomerId,
    double ProbabilityAlive,
    double ProbabilityNoPurchase,
    double ExpectedPurchases,
    double ExpectedAverageValue,
    double Clv,
    double ClvLow,
    double ClvHigh,
    double ClvPercentile)
{
    /// <summary>A customer of high value whose P(alive) is low, by the result's <see cref="ClvResult.AtRisk"/> rule.</summary>
    public bool AtRiskOfLeaving { get; init; }

    /// <summary>
    /// The first day on which the chance of at least one purchase since the calibration end reaches one half; null
    /// when it does not within a hundred years (the customer is more likely gone). See README, "Expected next purchase".
    /// </summary>
    public DateTime? ExpectedNextPurchase { get; init; }

    /// <summary>P(at least one purchase within 30, 60 and 90 days of the calibration end), in that order.</summary>
    public IReadOnlyList<double> PurchaseWithin { get; init; } = [];
}

/// <summary>
/// Lifetime value for a source: the summary, both fits, every customer's value, and the holdout check when there was
/// one (in a run, from a second fit on the purchases to the calibration end: the values come from the whole history).
/// </summary>
public sealed record ClvResult(ClvOptions Options, BtydSummary Summary, PurchaseModelFit Purchases, GammaGammaFit Spend, IReadOnlyList<CustomerValue> Customers,
    HoldoutValidation? Validation)
{
    /// <summary>Who is at risk of leaving: the rule in force, its threshold and how many it flags.</summary>
    public required AtRiskRule AtRisk { get; init; }

    /// <summary>The purchase models compared, when <see cref="ClvOptions.Model"/> is <see cref="PurchaseModel.Auto"/>.</summary>
    public ModelComparison? Comparison { get; init; }

    /// <summary>
    /// The purchase model's diagnostic plots as numbers: on the calibration period and its holdout when the model was
    /// checked on one, else on the summary it was fitted on.
    /// </summary>
    public Diagnostics.PurchaseDiagnostics? Diagnostics { get; init; }
}
