namespace Segmentation.Clustering;

/// <summary>
/// The kept fit at one k, whichever method made it: its centres and each customer's group. Labels and centroids are
/// canonical (cluster 0 is the most valuable, see <see cref="CanonicalOrder"/>), not the order a fit happened to find
/// them in. For a Gaussian mixture the centroids are the components' means; for DBSCAN they are the clusters' means,
/// and the customers in no cluster form the last group (<see cref="DensityParameters.NoiseCluster"/>).
/// </summary>
internal sealed record ClusterFit(int K, int Seed, double[][] Centroids, int[] Labels, double Inertia)
{
    /// <summary>Gaussian mixture: each customer's probability of its group (its responsibility); null for the other methods.</summary>
    public double[]? Probabilities { get; init; }

    /// <summary>Gaussian mixture: the fitted components, in canonical order.</summary>
    public MixtureParameters? Mixture { get; init; }

    /// <summary>DBSCAN: what a new customer is assigned by.</summary>
    public DensityParameters? Density { get; init; }
}

/// <summary>
/// A fixed order of clusters derived from their centroids: by value, -recency + frequency + monetary in the
/// scaled space, highest first; exact ties by the centroid's coordinates. It makes ids stable across seeds
/// and runs where a fit's own numbering is not.
/// </summary>
internal static class CanonicalOrder
{
    public static double Value(ReadOnlySpan<double> centroid) => -centroid[0] + centroid[1] + centroid[2];

    /// <summary>perm[old] = new id.</summary>
    public static int[] Of(double[][] centroids)
    {
        var order = Enumerable.Range(0, centroids.Length)
            .OrderByDescending(c => Value(centroids[c]))
            .ThenBy(c => centroids[c][0]).ThenBy(c => centroids[c][1]).ThenBy(c => centroids[c][2])
            .ToArray();
        var perm = new int[centroids.Length];
        for (var rank = 0; rank < order.Length; rank++) perm[order[rank]] = rank;
        return perm;
    }
}
