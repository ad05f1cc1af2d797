using System.Globalization;

namespace Segmentation.Clustering;

/// <summary>
/// DBSCAN as a segmentation: eps from the user or from the knee of the k-distance curve, the clusters renumbered
/// canonically, the customers in no cluster kept apart as a group of their own (the last), never forced into a
/// segment. The four indices measure the clusters without the noise, as they would be read for any method.
/// </summary>
internal static class DensityClustering
{
    /// <summary>Points of the k-distance curve kept for the report's plot.</summary>
    public const int CurvePoints = 400;

    public static SweepResult Run(double[][] features, ClusteringOptions options)
    {
        var n = features.Length;
        var minSamples = Math.Min(options.MinSamples, n);
        var points = KMeansSweep.Flatten(features);
        var kDistances = Dbscan.KDistances(points, minSamples, options.Threads);
        Array.Sort(kDistances);
        var knee = Knee(kDistances);
        var eps = options.Eps ?? knee;
        var result = Dbscan.Fit(points, eps, minSamples, options.Threads);
        if (result.Clusters == 0)
        {
            throw new OptionException(OptionNames.Eps, string.Create(CultureInfo.InvariantCulture,
                $"DBSCAN found no dense group at eps {eps:G4} and min-samples {minSamples}: every customer is noise. Raise {OptionException.Ref(OptionNames.Eps)} or lower {OptionException.Ref(OptionNames.MinSamples)} (the knee of the k-distance curve is at eps {knee:G4})"));
        }

        var c = result.Clusters;
        var noise = c;
        var clustered = Enumerable.Range(0, n).Where(i => result.Labels[i] != Dbscan.Noise).ToArray();
        var x = clustered.Select(i => features[i]).ToArray();
        // DBSCAN leaves no cluster empty: the fallback centres are never used.
        var clusterMeans = Distances.Means(x, clustered.Select(i => result.Labels[i]).ToArray(), Origins(c));
        var perm = CanonicalOrder.Of(clusterMeans);
        var labels = result.Labels.Select(l => l == Dbscan.Noise ? noise : perm[l]).ToArray();
        var y = clustered.Select(i => labels[i]).ToArray();
        var centroids = new double[c + 1][];
        for (var j = 0; j < c; j++) centroids[perm[j]] = clusterMeans[j];
        var unclustered = Enumerable.Range(0, n).Where(i => labels[i] == noise).Select(i => features[i]).ToArray();
        var noisePoints = unclustered.Length;
        centroids[noise] = Distances.Means(unclustered, new int[noisePoints], Origins(1))[0];

        var inner = centroids[..c];
        var sample = KMeansSweep.Sample(x.Length, options.SilhouetteExactLimit, options.SilhouetteSampleSize, options.Seed);
        var (silhouette, daviesBouldin, calinskiHarabasz) = ClusterQuality.Indices(x, y, c, inner, sample.Indices, options.Threads);
        var metrics = new KMetrics(c + 1, Distances.Inertia(x, y, inner), silhouette, daviesBouldin, calinskiHarabasz, 0, options.Seed);

        var core = Enumerable.Range(0, n).Where(i => result.Core[i]).ToArray();
        var density = new DensityParameters(eps, minSamples, noise, core.Select(i => features[i][..KMeans.Dim]).ToArray(), core.Select(i => labels[i]).ToArray());
        var fit = new ClusterFit(c + 1, options.Seed, centroids, labels, metrics.Inertia) { Density = density };
        var curve = Thin(kDistances, CurvePoints);
        return new SweepResult([metrics], [fit], sample.Method, new SampleMethod(false, n, null), 1, options.Seed)
        {
            Density = new DensitySummary(eps, options.Eps is null, minSamples, c, noisePoints, knee, curve),
        };
    }

    /// <summary>
    /// The knee of the ascending k-distance curve (Kneedle: the point farthest below the chord from the first to the
    /// last point of the normalised curve), where the distances start to rise steeply: the customers beyond it are
    /// far from any dense group.
    /// </summary>
    public static double Knee(double[] ascending)
    {
        var n = ascending.Length;
        double min = ascending[0], max = ascending[^1];
        if (n < 3 || max <= min) return max > 0 ? max : 1e-9;
        var best = 0;
        var bestGap = double.NegativeInfinity;
        for (var i = 0; i < n; i++)
        {
            var gap = i / (double)(n - 1) - (ascending[i] - min) / (max - min);
            if (gap > bestGap) { bestGap = gap; best = i; }
        }
        return ascending[best];
    }

    /// <summary><paramref name="count"/> points of the curve evenly spaced by rank, for a plot: largest first, the smallest last.</summary>
    private static double[] Thin(double[] ascending, int count)
    {
        var n = ascending.Length;
        if (n <= count) return ascending.Reverse().ToArray();
        return Enumerable.Range(0, count).Select(i => ascending[n - 1 - (int)Math.Round(i * (n - 1) / (double)(count - 1))]).ToArray();
    }

    /// <summary><paramref name="k"/> points at the origin of the scaled space (the average customer).</summary>
    private static double[][] Origins(int k) => Enumerable.Range(0, k).Select(_ => new double[KMeans.Dim]).ToArray();
}
