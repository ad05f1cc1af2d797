namespace Segmentation.Clustering;

/// <summary>The quality of the best of the restarts at one k.</summary>
public sealed record KMetrics(int K, double Inertia, double Silhouette, double DaviesBouldin, double CalinskiHarabasz, int BestRestart, int BestSeed);

/// <summary>How the silhouette was computed: on everybody, or on a seeded sample.</summary>
public sealed record SilhouetteMethod(bool Sampled, int SampleSize, int? Seed);

/// <summary>What the k-means fits saw: every customer, or a seeded sample (every customer is assigned all the same).</summary>
public sealed record FitMethod(bool Sampled, int SampleSize, int? Seed);

/// <summary>Every k of the sweep, with the fitted partitions kept so that any k can be named and used.</summary>
public sealed record SweepResult(IReadOnlyList<KMetrics> Metrics, IReadOnlyList<KMeansFit> Fits, SilhouetteMethod Silhouette, FitMethod FitOn, int Restarts, int Seed)
{
    public KMeansFit Fit(int k) => Fits.Single(f => f.K == k);
    public KMetrics At(int k) => Metrics.Single(m => m.K == k);
}
