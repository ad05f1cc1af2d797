namespace Segmentation.Clustering;

/// <summary>The method, the k sweep and the fits. Defaults follow scikit-learn's KMeans (k-means++, 10 restarts).</summary>
public sealed record ClusteringOptions
{
    public ClusteringMethod Method { get; init; } = ClusteringMethod.KMeans;

    /// <summary>DBSCAN's neighbourhood radius in the scaled space; null: the knee of the k-distance curve at <see cref="MinSamples"/>.</summary>
    public double? Eps { get; init; }

    /// <summary>DBSCAN: customers within eps (itself included) that make a customer a core customer.</summary>
    public int MinSamples { get; init; } = 10;

    /// <summary>
    /// The most segments a run makes: every segment gets a name, a description and an action a person acts on,
    /// and beyond twenty they stop being read (and the sweep's cost grows with k).
    /// </summary>
    public const int MaxSegments = 20;

    public int KMin { get; init; } = 2;
    public int KMax { get; init; } = 10;

    /// <summary>Use this k instead of the rule's choice (it must lie in the sweep range, which is widened if not).</summary>
    public int? K { get; init; }

    /// <summary>Seeded initialisations per k (scikit-learn's n_init): the lowest inertia (k-means) or highest likelihood (mixture) is kept.</summary>
    public int Restarts { get; init; } = 10;

    /// <summary>The one source of randomness of a run; written into every output.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Fits run in parallel on this many threads (null: all cores). The result does not depend on it.</summary>
    public int? Threads { get; init; }

    public int MaxIterations { get; init; } = 300;

    /// <summary>Silhouette is exact up to this many customers (O(n^2)), sampled above.</summary>
    public int SilhouetteExactLimit { get; init; } = 10_000;

    /// <summary>Customers in the silhouette sample when it is sampled.</summary>
    public int SilhouetteSampleSize { get; init; } = 5_000;

    /// <summary>
    /// Null (the default): every fit sees every customer. Set, above this many customers each k-means fit runs on a
    /// seeded sample of this size and every customer is then assigned to the nearest centre, for customer bases
    /// beyond what the sweep fits in the time one has.
    /// </summary>
    public int? FitSampleLimit { get; init; }

    /// <summary>
    /// Bootstrap resamples behind each k's stability (see <see cref="Stability"/>); 0 leaves stability out.
    /// </summary>
    public int StabilityResamples { get; init; } = 20;

    /// <summary>Also run the other methods on the same customers and compare them in the report (the run's segments stay its own method's).</summary>
    public bool CompareMethods { get; init; }

    /// <summary>Log1p before standardising (recommended: RFM is skewed).</summary>
    public bool Log1p { get; init; } = true;

    public static ClusteringOptions Default { get; } = new();
}
