using Segmentation.Clustering;
using Segmentation.Features;
using Segmentation.Model;
using Segmentation.Segments;

namespace Segmentation.Pipeline;

/// <summary>
/// One run, start to end, as one immutable value: the outputs, the report and the notebooks all read it.
/// </summary>
public sealed record SegmentationRun(
    SegmentationOptions Options,
    PreparedData Prepared,
    ScalerParameters Scaler,
    double[][] Features,
    SweepResult Sweep,
    KChoice Choice,
    SegmentationModel Model,
    IReadOnlyList<CustomerSegment> Customers,
    IReadOnlyList<SegmentProfile> Profiles,
    IReadOnlyList<ScoreSegmentProfile> ScoreProfiles,
    IReadOnlyList<StageTiming> Timings)
{
    public RfmTable Rfm => Prepared.Rfm;
    public Cleaning.DataQualityAccount Quality => Prepared.Quality;
    public KMetrics ChosenMetrics => Sweep.At(Choice.K);
}
