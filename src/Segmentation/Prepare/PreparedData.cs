
namespace Segmentation.Prepare;

/// <summary>What ingest, cleaning and RFM produce from one input: the account of the rows, the RFM table and the sales summary.</summary>
public sealed record PreparedData(DataQualityAccount Quality, RfmTable Rfm, SalesSummary Sales, IReadOnlyList<StageTiming> Timings)
{
    /// <summary>Each customer's purchase days and their values, when <see cref="PrepareOptions.PurchaseDays"/> asked for them; else empty.</summary>
    public IReadOnlyList<PurchaseDay> PurchaseDays { get; init; } = [];

    /// <summary>The bytes a database server sent for this preparation (the pushed-down statement's result), where counted.</summary>
    public long? SourceBytes { get; init; }
}
