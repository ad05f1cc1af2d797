namespace Segmentation.Clustering;

/// <summary>
/// Fits a Gaussian mixture for every k of the range and measures each: BIC and AIC beside the four indices of the
/// hard partition (each customer in its most likely component). Every EM run (a k, an initialisation) is an
/// independent task, single-threaded and seeded, so the result does not depend on the number of threads.
/// </summary>
/// <remarks>
/// RFM features are not continuous: a third of a typical customer base has exactly one order, so one log1p frequency.
/// A component can shrink onto such a point mass, its variance there falling to the regularisation (1e-6), its density
/// and so the likelihood growing without bound: scikit-learn's BIC on the UCI customers keeps falling to k = 10 that
/// way, with 7 of 10 components collapsed. A count of orders stands for an interval, so here each axis that holds a
/// point mass gets a variance floor: the variance of a uniform spread over the gap to the nearest other value
/// (<see cref="PointMassFloor"/>, Sheppard's correction). BIC then measures segments, not point masses.
/// </remarks>
internal static class MixtureSweep
{
    /// <summary>A value held by at least this share of customers is a point mass.</summary>
    public const double PointMassShare = 0.01;

    public static SweepResult Run(double[][] features, ClusteringOptions options)
    {
        var n = features.Length;
        var points = KMeansSweep.Flatten(features);
        var floor = PointMassFloor(features);
        var mixture = new GaussianMixture.Options(Initialisations: Math.Max(1, options.Restarts), VarianceFloor: floor);
        var ks = KMeansSweep.Range(features, options);
        var parallel = Parallelism.Of(options.Threads);
        var columns = new PointColumns(points);
        // Every (k, initialisation) is a task, larger k first (their fits take longest); each k keeps its best run as
        // runs finish, by a rule that does not depend on the order in which they do.
        var runs = ks.AsEnumerable().Reverse().SelectMany(k => Enumerable.Range(0, mixture.Initialisations).Select(init => (K: k, Initialisation: init))).ToArray();
        var results = new GaussianMixture.Result?[ks.Length];
        Parallel.For(0, runs.Length, parallel, t =>
        {
            var (k, init) = runs[t];
            var fit = GaussianMixture.FitOnce(points, columns, k, options.Seed, init, mixture);
            var i = Array.IndexOf(ks, k);
            lock (results)
            {
                if (GaussianMixture.Better(fit, results[i])) results[i] = fit;
            }
        });

        var sample = KMeansSweep.Sample(n, options.SilhouetteExactLimit, options.SilhouetteSampleSize, options.Seed);
        var fits = new ClusterFit[ks.Length];
        var metrics = new KMetrics[ks.Length];
        Parallel.For(0, ks.Length, parallel, i =>
        {
            var r = results[i]!;
            var fit = Canonical(r, options.Seed, features);
            fits[i] = fit;
            var (silhouette, daviesBouldin, calinskiHarabasz) = ClusterQuality.Indices(features, fit.Labels, r.K,
                Distances.Means(features, fit.Labels, fit.Centroids), sample.Indices, threads: 1);
            metrics[i] = new KMetrics(r.K, fit.Inertia, silhouette, daviesBouldin, calinskiHarabasz, r.Initialisation, options.Seed + r.Initialisation,
                Bic: r.Bic(n), Aic: r.Aic(n), HeldAtFloor: GaussianMixture.HeldAtFloor(r, floor));
        });
        return new SweepResult(metrics, fits, sample.Method, new SampleMethod(false, n, null), Math.Max(1, options.Restarts), options.Seed);
    }

    /// <summary>
    /// Per axis, (gap^2) / 12 for the widest gap next to a point mass (a value held by at least
    /// <see cref="PointMassShare"/> of the points: the variance of a uniform over an interval of that width); 0 on an
    /// axis without one.
    /// </summary>
    public static double[] PointMassFloor(double[][] features)
    {
        var n = features.Length;
        var floor = new double[KMeans.Dim];
        for (var j = 0; j < KMeans.Dim; j++)
        {
            var counts = features.GroupBy(f => f[j]).Select(g => (Value: g.Key, Count: g.Count())).OrderBy(g => g.Value).ToArray();
            for (var v = 0; v < counts.Length; v++)
            {
                if (counts[v].Count < PointMassShare * n) continue;
                var gap = Math.Min(
                    v > 0 ? counts[v].Value - counts[v - 1].Value : double.PositiveInfinity,
                    v < counts.Length - 1 ? counts[v + 1].Value - counts[v].Value : double.PositiveInfinity);
                if (double.IsFinite(gap)) floor[j] = Math.Max(floor[j], gap * gap / 12);
            }
        }
        return floor;
    }

    /// <summary>The fit with its components renumbered canonically (by their means, as k-means centres are).</summary>
    private static ClusterFit Canonical(GaussianMixture.Result r, int seed, double[][] features)
    {
        const int D = KMeans.Dim;
        var k = r.K;
        var means = Enumerable.Range(0, k).Select(c => r.Means.AsSpan(c * D, D).ToArray()).ToArray();
        var perm = CanonicalOrder.Of(means);
        var weights = new double[k];
        var centroids = new double[k][];
        var covariances = new double[k][];
        for (var c = 0; c < k; c++)
        {
            weights[perm[c]] = r.Weights[c];
            centroids[perm[c]] = means[c];
            covariances[perm[c]] = r.Covariances.AsSpan(c * D * D, D * D).ToArray();
        }
        var labels = r.Labels.Select(l => perm[l]).ToArray();
        return new ClusterFit(k, seed + r.Initialisation, centroids, labels, Distances.Inertia(features, labels, centroids))
        {
            Probabilities = r.Probabilities,
            Mixture = new MixtureParameters(weights, centroids, covariances),
        };
    }
}
