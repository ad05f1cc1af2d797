namespace Segmentation.Prepare;

/// <summary>Revenue over one period, group or product.</summary>
public sealed record RevenueLine(string Key, decimal Revenue, long Lines, long Quantity);

/// <summary>
/// What exploration looks at beside RFM, aggregated from the cleaned rows in the same statement as RFM (so a
/// file of any size is summarised without being held): revenue by month, by country and by product.
/// </summary>
public sealed record SalesSummary(IReadOnlyList<RevenueLine> Months, IReadOnlyList<RevenueLine> Countries, IReadOnlyList<RevenueLine> TopProducts)
{
    /// <summary>How many products <see cref="TopProducts"/> lists.</summary>
    public const int TopProductCount = 20;

    /// <summary>The country of a customer or a line whose country is missing, in the sales by country and the segments' top countries.</summary>
    internal const string UnknownCountry = "(unknown)";
}
