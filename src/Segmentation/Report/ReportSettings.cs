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

    public static ReportSettings Default { get; } = new();
}
