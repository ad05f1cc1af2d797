namespace Segmentation.Report;

/// <summary>What the reports say about themselves.</summary>
public sealed record ReportSettings
{
    public string Title { get; init; } = "Customer segmentation";

    /// <summary>Symbol put before amounts (the UCI retailer sells in pounds sterling).</summary>
    public string Currency { get; init; } = "£";

    /// <summary>The date printed on every page. Fixed by the caller so that a report can be reproduced.</summary>
    public DateTime RunDate { get; init; } = DateTime.Today;

    public static ReportSettings Default { get; } = new();
}
