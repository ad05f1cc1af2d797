using Segmentation.Clustering;
using Segmentation.Clustering.Segments;
using Segmentation.Lifetime;
using Segmentation.Lifetime.Diagnostics;
using Segmentation.Prepare;
using Segmentation.Runs;
using Segmentation.Runs.Refresh;

namespace Segmentation.Report;

/// <summary>
/// Everything a report says, computed once and renderer-neutral: the PDF, the HTML, the CLI summary, the web app
/// and the notebooks render it and compute nothing of their own. Numbers stay numbers (each renderer formats
/// them through <see cref="Formatting.Display"/>); sentences are finished here.
/// </summary>
public sealed record ReportModel(
    ReportSettings Settings,
    string Source,
    RunMode Mode,
    Headline Headline,
    IReadOnlyList<SegmentProfile> Profiles,
    RfmStatistics Overall,
    ModelQuality Quality,
    IReadOnlyList<ScoreSegmentProfile> ScoreSegments,
    CrossTab ScoreSegmentsByCluster,
    IReadOnlyList<FeatureBoxes> Distributions,
    Changes? Changes,
    DataQualityAccount DataQuality,
    IReadOnlyList<string> Method,
    IReadOnlyList<CustomerSegment> Customers)
{
    /// <summary>Every method's answer on these customers, side by side (<c>--compare-methods</c>); null when not asked.</summary>
    public IReadOnlyList<MethodSummary>? Methods { get; init; }

    /// <summary>The comparison in a sentence: which methods agree with the run's segments, and how far.</summary>
    public string? MethodsVerdict { get; init; }

    /// <summary>
    /// How far to trust each label: the share of customers whose cluster segment and score segment agree, the
    /// borderline customers, and those whose own recency contradicts their segment's name, by segment.
    /// </summary>
    public string LabelsNote { get; init; } = "";

    /// <summary>Lifetime value, when the run estimated it (<c>--clv</c>); null otherwise.</summary>
    public ValueReport? Value { get; init; }

    /// <summary>
    /// The customers the point charts draw: every one, or a sample of <see cref="ReportSettings.PlottedCustomers"/>
    /// (see <see cref="PlotSample"/>).
    /// </summary>
    public IReadOnlyList<CustomerSegment> Plotted { get => _plotted ?? Customers; init => _plotted = value; }

    private readonly IReadOnlyList<CustomerSegment>? _plotted;

    /// <summary>The plotted customers of one segment.</summary>
    public IEnumerable<CustomerSegment> PlottedIn(int cluster) => Plotted.Where(c => c.Cluster == cluster);

    /// <summary>Whom the point charts draw, as their captions begin: "Every customer", or the sample and how it was drawn.</summary>
    public string PlottedWho => Plotted.Count == Customers.Count
        ? "Every customer"
        : $"A random {Formatting.Display.Count(Plotted.Count)} of the {Formatting.Display.Count(Customers.Count)} customers (each segment in proportion, seed {Quality.Seed})";

    /// <summary>Whether the HTML report lists every customer (<see cref="ReportSettings.ListedCustomers"/>).</summary>
    public bool ListsCustomers => Customers.Count <= Settings.ListedCustomers;
}

/// <summary>The executive summary's figures and sentences.</summary>
public sealed record Headline(
    int Customers,
    long Orders,
    decimal Revenue,
    DateTime? FirstDate,
    DateTime? LastDate,
    DateTime Snapshot,
    int K,
    string KReasoning,
    string Overview,
    string TopSegment);

/// <summary>Mean and median of recency, frequency and monetary over all customers: the yardstick of every profile.</summary>
public sealed record RfmStatistics(double MeanRecency, double MedianRecency, double MeanFrequency, double MedianFrequency, double MeanMonetary, double MedianMonetary);

/// <summary>The sweep, the choice of k and how each index was computed.</summary>
public sealed record ModelQuality(
    IReadOnlyList<KMetrics> Sweep,
    KChoice Choice,
    SampleMethod Silhouette,
    SampleMethod FitOn,
    int Restarts,
    int Seed,
    string SamplingNote)
{
    public KMetrics Chosen => Sweep.Single(m => m.K == Choice.K);

    public ClusteringMethod Method { get; init; } = ClusteringMethod.KMeans;

    /// <summary>DBSCAN's parameters, findings and k-distance curve; null for the other methods.</summary>
    public DensitySummary? Density { get; init; }

    /// <summary>The method as people call it ("k-means").</summary>
    public string MethodName { get; init; } = "";

    /// <summary>The sweep in one line: the method, its restarts or parameters, its seed, how the silhouette was computed.</summary>
    public string SweepLine { get; init; } = "";

    /// <summary>Whether the sweep has a Gaussian mixture's BIC and AIC to show.</summary>
    public bool HasInformationCriteria => Sweep.Any(m => m.Bic is not null);
}

/// <summary>Counts of a table: <see cref="Counts"/>[row][column].</summary>
public sealed record CrossTab(IReadOnlyList<string> Rows, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<int>> Counts);

/// <summary>One box of a box plot, in the feature's own units: the box is the middle half, the whiskers <see cref="FeatureBoxes.WhiskerRule"/>.</summary>
public sealed record BoxStatistics(int Cluster, string Segment, int Count, double Low, double Q1, double Median, double Q3, double High);

/// <summary>The boxes of one feature by segment, with the one whisker rule both renderers draw.</summary>
public sealed record FeatureBoxes(string Feature, string Unit, bool LogScale, string WhiskerRule, IReadOnlyList<BoxStatistics> Boxes)
{
    public const double LowQuantile = 0.05;
    public const double HighQuantile = 0.95;
    public const string Rule = "boxes span the middle half of customers (25% to 75%), the line is the median, whiskers reach from 5% to 95%";
}

/// <summary>
/// The report's lifetime-value section: the fits in words, the total, the customers worth most and those of high
/// value at risk of leaving (each list highest value first), the holdout check when there was one, and the purchase
/// models compared when the model was chosen.
/// </summary>
public sealed record ValueReport(string Reading, double TotalClv, int HorizonMonths, IReadOnlyList<CustomerSegment> Top, IReadOnlyList<CustomerSegment> AtRisk,
    HoldoutValidation? Validation)
{
    /// <summary>The purchase models compared on the calibration period (--btyd-model auto), the one kept and why; null otherwise.</summary>
    public ModelComparison? Comparison { get; init; }

    /// <summary>Fewer than 1% of customers are more likely gone than not: P(alive) says little of who is leaving, and the reading says so.</summary>
    public bool SeesLittleChurn { get; init; }

    /// <summary>The purchase model's diagnostic plots as numbers: what every renderer draws.</summary>
    public PurchaseDiagnostics? Diagnostics { get; init; }
}

/// <summary>A drift measure with how it reads.</summary>
public sealed record DriftReading(string Measure, double Value, string Reading);

/// <summary>"What changed since the last run" of a refresh.</summary>
public sealed record Changes(
    string Verdict,
    IReadOnlyList<string> Movements,
    IReadOnlyList<DriftReading> Drift,
    IReadOnlyList<SegmentMatch> Segments,
    SegmentMigration Migration);
