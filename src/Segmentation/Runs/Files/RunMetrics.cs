using Segmentation.Clustering;

namespace Segmentation.Runs.Files;

/// <summary>metrics.json: the sweep, the chosen k and why, the seed and the versions. No timestamps: the same run gives the same bytes.</summary>
internal sealed record RunMetrics
{
    public string Source { get; init; } = "";
    public int Customers { get; init; }
    public DateTime Snapshot { get; init; }
    public int Seed { get; init; }
    public int Restarts { get; init; }
    public bool Log1p { get; init; }
    public double[] ScalerMean { get; init; } = [];
    public double[] ScalerStdDev { get; init; } = [];
    public required SampleMethod Silhouette { get; init; }
    public required SampleMethod FitOn { get; init; }
    public IReadOnlyList<KMetrics> Sweep { get; init; } = [];
    public required KChoice Choice { get; init; }
    public required RunMode Mode { get; init; }
    public IReadOnlyList<MetricsSegment> Segments { get; init; } = [];
    public required IReadOnlyDictionary<string, string> Versions { get; init; }

    public ClusteringMethod Method { get; init; } = ClusteringMethod.KMeans;

    /// <summary>DBSCAN's parameters and findings; null for the other methods.</summary>
    public DensitySummary? Density { get; init; }

    /// <summary>The methods compared on these customers (<c>--compare-methods</c>); null when not asked.</summary>
    public IReadOnlyList<MethodSummary>? Methods { get; init; }

    /// <summary>Lifetime value's settings and fits (<c>--clv</c>); left out of the file when not asked.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public ValueMetrics? Value { get; init; }

    public static RunMetrics From(SegmentationRun run) => new()
    {
        Source = run.Quality.Source,
        Customers = run.Rfm.Count,
        Snapshot = run.Rfm.Snapshot,
        Seed = run.Sweep.Seed,
        Restarts = run.Sweep.Restarts,
        Log1p = run.Scaler.Log1p,
        ScalerMean = run.Scaler.Mean,
        ScalerStdDev = run.Scaler.StdDev,
        Silhouette = run.Sweep.Silhouette,
        FitOn = run.Sweep.FitOn,
        Sweep = run.Sweep.Metrics,
        Choice = run.Choice,
        Mode = run.Mode,
        Segments = run.Profiles.Select(p => new MetricsSegment(p.Cluster, p.Segment, p.Customers)).ToArray(),
        Versions = run.Model.Versions,
        Method = run.Sweep.Method,
        Density = run.Sweep.Density,
        Methods = run.Methods,
        Value = run.Value is { } v ? ValueMetrics.From(v) : null,
    };
}

/// <summary>A segment as metrics.json names it: its id, its name and its size.</summary>
internal sealed record MetricsSegment(int Cluster, string Name, int Customers);
