
namespace Segmentation.Prepare;

/// <summary>What ingest, cleaning and RFM produce from one input: the account of the rows, the RFM table and the sales summary.</summary>
public sealed record PreparedData(DataQualityAccount Quality, RfmTable Rfm, SalesSummary Sales, IReadOnlyList<StageTiming> Timings)
{
    /// <summary>Each customer's purchase days and their values, when <see cref="PrepareOptions.PurchaseDays"/> asked for them; else empty.</summary>
    public IReadOnlyList<PurchaseDay> PurchaseDays { get; init; } = [];
}
