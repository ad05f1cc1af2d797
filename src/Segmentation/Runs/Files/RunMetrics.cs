using Segmentation.Clustering;
using Segmentation.Lifetime;

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

/// <summary>
/// What metrics.json says of lifetime value: the settings behind the columns of customer_segments.csv (window,
/// horizon, discount, the at-risk rule), both fits with their diagnostics (the purchase model named), the models
/// compared when the model was chosen, and the totals. Standard errors that are not defined are null, never NaN.
/// </summary>
internal sealed record ValueMetrics(
    TimeUnit Unit,
    DateTime CalibrationEnd,
    int WindowDays,
    int HorizonMonths,
    double MonthlyDiscountRate,
    double AtRiskTopShare,
    double AtRiskAliveBelow,
    bool AtRiskRelative,
    string PurchaseModel,
    ValueFit Purchases,
    ValueFit GammaGamma,
    double FrequencySpendCorrelation,
    double TotalClv,
    int AtRiskOfLeaving)
{
    /// <summary>The purchase models compared (<see cref="Lifetime.PurchaseModel.Auto"/>), with the holdout's errors; null when one was asked for.</summary>
    public ModelComparison? Comparison { get; init; }

    /// <summary>The check of the model kept on the holdout: totals, mean absolute and root mean squared error, overall and by calibration frequency; null without a holdout.</summary>
    public HoldoutValidation? Holdout { get; init; }

    public static ValueMetrics From(ClvResult r)
    {
        var b = r.Purchases;
        var g = r.Spend;
        var purchases = b.Parameters.ToDictionary(p => p.Name, p => p.Value);
        var gammaGamma = new Dictionary<string, double?> { ["p"] = g.Parameters.P, ["q"] = g.Parameters.Q, ["gamma"] = g.Parameters.Gamma };
        return new ValueMetrics(r.Summary.Unit, r.Summary.CalibrationEnd, r.Options.WindowDays, r.Options.HorizonMonths, r.Options.MonthlyDiscountRate,
            r.AtRisk.TopShare, r.AtRisk.AliveBelow, r.AtRisk.Relative, b.Model, ValueFit.From(purchases, b.Diagnostics), ValueFit.From(gammaGamma, g.Diagnostics),
            g.FrequencySpendCorrelation, r.Customers.Sum(c => c.Clv), r.AtRisk.Customers)
        {
            Comparison = r.Comparison,
            Holdout = r.Validation,
        };
    }
}

/// <summary>A fit as metrics.json gives it.</summary>
internal sealed record ValueFit(IReadOnlyDictionary<string, double?> Parameters, IReadOnlyList<double?> StandardErrors, double LogLikelihood,
    double GradientNorm, IReadOnlyList<string> Boundary, int Customers, int Patterns)
{
    public static ValueFit From(IReadOnlyDictionary<string, double?> parameters, FitDiagnostics d) => new(parameters,
        d.StandardErrors.Select(se => double.IsFinite(se) ? se : (double?)null).ToList(), d.LogLikelihood, d.GradientNorm, d.Boundary, d.Customers, d.Patterns);
}

/// <summary>A segment as metrics.json names it: its id, its name and its size.</summary>
internal sealed record MetricsSegment(int Cluster, string Name, int Customers);
