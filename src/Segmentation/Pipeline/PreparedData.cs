using Segmentation.Cleaning;
using Segmentation.Features;

namespace Segmentation.Pipeline;

/// <summary>What ingest, cleaning and RFM produce from one input: the account of the rows and the RFM table.</summary>
public sealed record PreparedData(DataQualityAccount Quality, RfmTable Rfm, IReadOnlyList<StageTiming> Timings);
