namespace Segmentation.Report;

/// <summary>What the reports say about themselves.</summary>
public sealed record ReportSettings
{
    public string Title { get; init; } = "Customer segmentation";

    /// <summary>
    /// The ISO 4217 code of the amounts (GBP, EUR, USD...); null: the currency of the country with the most revenue,
    /// when it is known (the UCI data: GBP).
    /// </summary>
    public string? CurrencyCode { get; init; }

    /// <summary>Symbol put before amounts; null: the code's (£ for GBP, € for EUR; "" when no currency is known).</summary>
    public string? Currency { get; init; }

    /// <summary>The date printed on every page. Fixed by the caller so that a report can be reproduced.</summary>
    public DateTime RunDate { get; init; } = DateTime.Today;

    /// <summary>
    /// The most customers a point chart draws (the scatter charts of both reports, the HTML's 3D view): beyond it a
    /// seeded random sample of this many, each segment in proportion, and the caption says so.
    /// </summary>
    public int PlottedCustomers { get; init; } = 20_000;

    /// <summary>
    /// The most customers the HTML report lists in its table and embeds as its download: beyond it, neither, and the
    /// report points to the customer file (listed, embedded as the download and drawn in two charts, 949,000 customers made 311 MB of HTML).
    /// </summary>
    public int ListedCustomers { get; init; } = 200_000;

    public static ReportSettings Default { get; } = new();
}
