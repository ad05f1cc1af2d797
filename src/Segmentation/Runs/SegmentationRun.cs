using Segmentation.Clustering;
using Segmentation.Clustering.Methods;
using Segmentation.Clustering.Model;
using Segmentation.Clustering.Segments;
using Segmentation.Lifetime;
using Segmentation.Prepare;

namespace Segmentation.Runs;

/// <summary>How a run's segments came about.</summary>
public enum RunMode
{
    /// <summary>k-means fitted on this run's customers (a run, or a refresh that refits).</summary>
    Fitted,

    /// <summary>The previous run's model applied to this run's customers, nothing refitted (refresh --score-only).</summary>
    Scored,
}

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
    public DataQualityAccount Quality => Prepared.Quality;
    public KMetrics ChosenMetrics => Sweep.At(Choice.K);

    public RunMode Mode { get; init; } = RunMode.Fitted;

    /// <summary>
    /// Whether another k of the sweep can be taken without refitting (<c>SegmentationApp.AtK</c>, the web page's
    /// slider): a fitted run of a method that sweeps k. The one place that decides it.
    /// </summary>
    public bool KCanChange => Mode == RunMode.Fitted && ClusteringMethods.Of(Sweep.Method).SweepsK;

    /// <summary>Every method's answer on these customers, side by side (<c>--compare-methods</c>); null when not asked.</summary>
    public IReadOnlyList<MethodSummary>? Methods { get; init; }

    /// <summary>Lifetime value (SegmentationOptions.Clv): the summary, the fits and every customer's value; null when not asked.</summary>
    public ClvResult? Value { get; init; }
}
