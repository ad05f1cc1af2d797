using Microsoft.ML;

namespace Segmentation.Clustering;

/// <summary>
/// Fits k-means for every k of the range with seeded restarts and measures each kept fit. Fits are
/// independent tasks run in parallel; each is single-threaded and seeded, and the kept one is chosen by
/// (inertia, restart), so the result is the same whatever the number of threads.
/// </summary>
internal static class KMeansSweep
{
    public static SweepResult Run(double[][] features, ClusteringOptions options)
    {
        var n = features.Length;
        // k-means cannot place more centroids than there are distinct points (as ML.NET sees them, in float32).
        var distinct = features.Select(f => ((float)f[0], (float)f[1], (float)f[2])).Distinct().Count();
        var kMax = Math.Min(options.KMax, distinct);
        var kMin = Math.Min(options.KMin, kMax);
        if (kMax < 2) throw new TooFewDistinctCustomersException(n, distinct);
        if (options.K is { } forced && forced > distinct) throw new TooFewDistinctCustomersException(n, distinct, forced);
        var ks = Enumerable.Range(kMin, kMax - kMin + 1).ToArray();
        var restarts = Math.Max(1, options.Restarts);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Threads ?? Environment.ProcessorCount };

        var (fitRows, fitMethod) = Sample(n, options.FitSampleLimit, options.FitSampleLimit, options.Seed + 1);
        var fitFeatures = fitRows is null ? features : fitRows.Select(i => features[i]).ToArray();
        // One view, read by every fit: rows come straight from a float array (see FeatureDataView).
        var data = MlNetKMeans.DataView(fitFeatures);
        var tasks = ks.SelectMany(k => Enumerable.Range(0, restarts).Select(r => (K: k, Restart: r))).ToArray();
        var results = new (ITransformer Model, double[][] Centroids, double Inertia)[tasks.Length];
        Parallel.For(0, tasks.Length, parallel, t =>
        {
            var (k, r) = tasks[t];
            var (model, centroids) = MlNetKMeans.Fit(data, k, options.Seed + r, options.MaxIterations);
            // Restarts are compared on what they were fitted on; the kept one is then applied to everybody.
            var labels = fitFeatures.Select(x => Distances.Nearest(x, centroids)).ToArray();
            results[t] = (model, centroids, Distances.Inertia(fitFeatures, labels, Distances.Means(fitFeatures, labels, centroids)));
        });

        var sample = Sample(n, options.SilhouetteExactLimit, options.SilhouetteSampleSize, options.Seed);
        var fits = new KMeansFit[ks.Length];
        var metrics = new KMetrics[ks.Length];
        Parallel.For(0, ks.Length, parallel, i =>
        {
            var k = ks[i];
            var best = Enumerable.Range(0, tasks.Length).Where(t => tasks[t].K == k)
                .OrderBy(t => results[t].Inertia).ThenBy(t => tasks[t].Restart).First();
            fits[i] = Canonical(k, options.Seed + tasks[best].Restart, results[best].Model, features);
            var f = fits[i];
            metrics[i] = new KMetrics(k, f.Inertia,
                ClusterQuality.Silhouette(features, f.Labels, k, sample.Indices, threads: 1),
                ClusterQuality.DaviesBouldin(features, f.Labels, f.Centroids),
                ClusterQuality.CalinskiHarabasz(features, f.Labels, f.Centroids),
                tasks[best].Restart, options.Seed + tasks[best].Restart);
        });
        return new SweepResult(metrics, fits, sample.Method, fitMethod, restarts, options.Seed);
    }

    /// <summary>Labels from ML.NET's own prediction, renumbered canonically; centroids are the clusters' means.</summary>
    internal static KMeansFit Canonical(int k, int seed, ITransformer model, double[][] features)
    {
        var raw = MlNetKMeans.Predict(model, features);
        var rawMeans = Distances.Means(features, raw, new double[k][].Select(_ => new double[MlNetKMeans.Dimensions]).ToArray());
        var perm = CanonicalOrder.Of(rawMeans);
        var labels = raw.Select(l => perm[l]).ToArray();
        var centroids = new double[k][];
        for (var c = 0; c < k; c++) centroids[perm[c]] = rawMeans[c];
        return new KMeansFit(k, seed, model, perm, centroids, labels, Distances.Inertia(features, labels, centroids));
    }

    /// <summary>Everybody up to <paramref name="limit"/> customers; above it, a seeded sample of <paramref name="size"/>, in row order.</summary>
    internal static (int[]? Indices, SampleMethod Method) Sample(int n, int limit, int size, int seed)
    {
        if (n <= limit) return (null, new SampleMethod(false, n, null));
        size = Math.Min(size, n);
        var random = new Random(seed);
        var indices = Enumerable.Range(0, n).ToArray();
        random.Shuffle(indices);
        var sample = indices[..size];
        Array.Sort(sample);
        return (sample, new SampleMethod(true, size, seed));
    }
}
