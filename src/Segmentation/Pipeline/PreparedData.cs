using Segmentation.Cleaning;
using Segmentation.Features;

namespace Segmentation.Pipeline;

/// <summary>What ingest, cleaning and RFM produce from one input: the account of the rows, the RFM table and the sales summary.</summary>
public sealed record PreparedData(DataQualityAccount Quality, RfmTable Rfm, SalesSummary Sales, IReadOnlyList<StageTiming> Timings);
