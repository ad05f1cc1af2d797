namespace Segmentation.Clustering;

/// <summary>
/// The quality of the best of the restarts at one k. <see cref="Stability"/>: the mean adjusted Rand index of fits on
/// bootstrap resamples against the fit on everyone (1: the same segments whichever customers are drawn); null when
/// not measured (a scored run, resamples turned off, or a method other than k-means). <see cref="Bic"/> and
/// <see cref="Aic"/> (lower is better) and <see cref="HeldAtFloor"/> (components whose variance on some axis is held at
/// the floor of <see cref="MixtureSweep"/>) are a Gaussian mixture's; null for the other methods.
/// </summary>
public sealed record KMetrics(int K, double Inertia, double Silhouette, double DaviesBouldin, double CalinskiHarabasz, int BestRestart, int BestSeed,
    double? Stability = null, double? Bic = null, double? Aic = null, int? HeldAtFloor = null);

/// <summary>
/// A DBSCAN run: its parameters, where eps came from, what it found, and the sorted k-distance curve (every
/// customer's distance to its min-samples-th nearest, largest first, thinned for plotting) eps is read from.
/// </summary>
public sealed record DensitySummary(double Eps, bool EpsFromKnee, int MinSamples, int Clusters, int Noise, double KneeEps, IReadOnlyList<double> KDistanceCurve);

/// <summary>
/// Which customers a step of the sweep looked at: all of them, or a seeded sample. The silhouette is computed
/// on it; the k-means fits are fitted on it (every customer is assigned all the same).
/// </summary>
public sealed record SampleMethod(bool Sampled, int SampleSize, int? Seed);

/// <summary>Every k of the sweep, with the fitted partitions kept so that any k can be named and used.</summary>
public sealed record SweepResult(IReadOnlyList<KMetrics> Metrics, SampleMethod Silhouette, SampleMethod FitOn, int Restarts, int Seed)
{
    internal SweepResult(IReadOnlyList<KMetrics> metrics, IReadOnlyList<ClusterFit> fits, SampleMethod silhouette, SampleMethod fitOn, int restarts, int seed)
        : this(metrics, silhouette, fitOn, restarts, seed) => Fits = fits;

    /// <summary>The kept fit of every k (labels of every customer: not part of the public surface).</summary>
    internal IReadOnlyList<ClusterFit> Fits { get; init; } = [];

    public ClusteringMethod Method { get; init; } = ClusteringMethod.KMeans;

    /// <summary>DBSCAN's parameters and findings; null for the other methods.</summary>
    public DensitySummary? Density { get; init; }

    internal ClusterFit Fit(int k) => Fits.Single(f => f.K == k);
    public KMetrics At(int k) => Metrics.Single(m => m.K == k);
}
