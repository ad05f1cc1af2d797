using Segmentation.Clustering;
using Segmentation.Pipeline;

namespace Segmentation.Output;

/// <summary>metrics.json: the sweep, the chosen k and why, the seed and the versions. No timestamps: the same run gives the same bytes.</summary>
internal sealed record RunMetrics(
    string Source,
    int Customers,
    DateTime Snapshot,
    int Seed,
    int Restarts,
    bool Log1p,
    double[] ScalerMean,
    double[] ScalerStdDev,
    SampleMethod Silhouette,
    SampleMethod FitOn,
    IReadOnlyList<KMetrics> Sweep,
    KChoice Choice,
    RunMode Mode,
    IReadOnlyList<MetricsSegment> Segments,
    IReadOnlyDictionary<string, string> Versions)
{
    public ClusteringMethod Method { get; init; } = ClusteringMethod.KMeans;

    /// <summary>DBSCAN's parameters and findings; null for the other methods.</summary>
    public DensitySummary? Density { get; init; }

    /// <summary>The methods compared on these customers (<c>--compare-methods</c>); null when not asked.</summary>
    public IReadOnlyList<MethodSummary>? Methods { get; init; }

    public static RunMetrics From(SegmentationRun run) => new(
        run.Quality.Source, run.Rfm.Count, run.Rfm.Snapshot, run.Sweep.Seed, run.Sweep.Restarts, run.Scaler.Log1p,
        run.Scaler.Mean, run.Scaler.StdDev, run.Sweep.Silhouette, run.Sweep.FitOn, run.Sweep.Metrics, run.Choice, run.Mode,
        run.Profiles.Select(p => new MetricsSegment(p.Cluster, p.Segment, p.Customers)).ToArray(), run.Model.Versions)
    {
        Method = run.Sweep.Method,
        Density = run.Sweep.Density,
        Methods = run.Methods,
    };
}

/// <summary>A segment as metrics.json names it: its id, its name and its size.</summary>
internal sealed record MetricsSegment(int Cluster, string Name, int Customers);
