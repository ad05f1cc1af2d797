namespace Segmentation.Clustering;

/// <summary>The k sweep and the k-means fits. Defaults follow scikit-learn's KMeans (k-means++, 10 restarts).</summary>
public sealed record ClusteringOptions
{
    public int KMin { get; init; } = 2;
    public int KMax { get; init; } = 10;

    /// <summary>Use this k instead of the rule's choice (it must lie in the sweep range, which is widened if not).</summary>
    public int? K { get; init; }

    /// <summary>Seeded k-means++ initialisations per k (scikit-learn's n_init); the lowest inertia is kept.</summary>
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

    /// <summary>Log1p before standardising (recommended: RFM is skewed).</summary>
    public bool Log1p { get; init; } = true;

    public static ClusteringOptions Default { get; } = new();
}
