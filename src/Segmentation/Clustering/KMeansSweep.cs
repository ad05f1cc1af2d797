namespace Segmentation.Clustering;

/// <summary>
/// Fits k-means for every k of the range with seeded restarts and measures each kept fit. Fits are independent
/// tasks run in parallel; each is single-threaded and seeded, and the kept one is chosen by (inertia, restart), so
/// the result is the same whatever the number of threads.
/// </summary>
internal static class KMeansSweep
{
    /// <param name="report">Told how far the fits and the stability resamples have come, in words.</param>
    public static SweepResult Run(double[][] features, ClusteringOptions options, Action<string>? report = null)
    {
        var n = features.Length;
        var ks = Range(features, options);
        var restarts = Math.Max(1, options.Restarts);
        var parallel = Parallelism.Of(options.Threads);

        var points = Flatten(features);
        var (fitRows, fitMethod) = options.FitSampleLimit is { } limit ? Sample(n, limit, limit, options.Seed + 1) : (null, new SampleMethod(false, n, null));
        var fitPoints = PointOrder.Of(fitRows is null ? points : Gather(points, fitRows));
        // Larger k first: their fits take longest, and a long task started last would leave a core idle at the end.
        var tasks = ks.Reverse().SelectMany(k => Enumerable.Range(0, restarts).Select(r => (K: k, Restart: r))).ToArray();
        // One seeding per restart and number of candidates, for the largest k that draws as many; the others take its
        // first centres (see KMeans.Trials). Made by the first fit that needs it; the largest k's fits run first.
        var seedings = ks.GroupBy(KMeans.Trials).SelectMany(g => Enumerable.Range(0, restarts).Select(r => (Trials: g.Key, Restart: r, K: g.Max())))
            .ToDictionary(s => (s.Trials, s.Restart), s => new Lazy<double[]>(() => fitPoints.Seed(s.K, options.Seed + s.Restart)));
        var kept = new KeptFits(fitPoints.Order.Length);
        var done = 0;
        Parallel.For(0, tasks.Length, parallel, t =>
        {
            var (k, restart) = tasks[t];
            kept.Offer(k, restart, fitPoints.Fit(seedings[(KMeans.Trials(k), restart)].Value[..(k * KMeans.Dim)], options.MaxIterations, kept.Labels()));
            report?.Invoke($"k-means for k = {ks[0]}..{ks[^1]}: {Interlocked.Increment(ref done)} of {tasks.Length} fits");
        });
        report?.Invoke($"measuring silhouette, Davies-Bouldin and Calinski-Harabasz for {ks.Length} k");

        var sample = Sample(n, options.SilhouetteExactLimit, options.SilhouetteSampleSize, options.Seed);
        var fits = new ClusterFit[ks.Length];
        var metrics = new KMetrics[ks.Length];
        Parallel.For(0, ks.Length, parallel, i =>
        {
            var k = ks[i];
            var (restart, result) = kept.Best(k);
            // A fit on a sample: every customer is then assigned to the nearest of its centres.
            var labels = fitRows is null ? result.Labels : Distances.NearestAll(points, result.Centres);
            fits[i] = Canonical(k, options.Seed + restart, result.Centres, labels, features);
            var f = fits[i];
            // The indices measure the partition, as scikit-learn's do: from its clusters' means, which differ from
            // the centres by the last assignment's moves (or by the sample, when the fits saw one).
            var (silhouette, daviesBouldin, calinskiHarabasz) = ClusterQuality.Indices(features, f.Labels, k,
                Distances.Means(features, f.Labels, f.Centroids), sample.Indices, threads: 1);
            metrics[i] = new KMetrics(k, f.Inertia, silhouette, daviesBouldin, calinskiHarabasz, restart, options.Seed + restart);
        });
        if (options.StabilityResamples > 0)
        {
            report?.Invoke($"stability: {options.StabilityResamples} resamples of each of {ks.Length} k");
            var stability = Stability.Measure(points, fits, options.StabilityResamples, options.Seed, options.MaxIterations, parallel);
            for (var i = 0; i < metrics.Length; i++) metrics[i] = metrics[i] with { Stability = stability[i] };
        }
        return new SweepResult(metrics, fits, sample.Method, fitMethod, restarts, options.Seed);
    }

    /// <summary>
    /// The k of the sweep: the options' range, capped at the number of distinct customers (no method can place more
    /// groups than there are distinct points).
    /// </summary>
    /// <remarks>
    /// The count stops at the most points any k asks for: above it the range is the options' (and at 1.3M customers
    /// a full count took 0.3 s before the fits could start). Below it the count is exact, for the message.
    /// </remarks>
    internal static int[] Range(double[][] features, ClusteringOptions options)
    {
        var enough = Math.Max(options.KMax, options.K ?? 0);
        var seen = new HashSet<(double, double, double)>();
        foreach (var f in features)
        {
            if (seen.Add((f[0], f[1], f[2])) && seen.Count >= enough) break;
        }
        var distinct = seen.Count;
        var kMax = Math.Min(options.KMax, distinct);
        var kMin = Math.Min(options.KMin, kMax);
        if (kMax < 2) throw new TooFewDistinctCustomersException(features.Length, distinct);
        if (options.K is { } forced && forced > distinct) throw new TooFewDistinctCustomersException(features.Length, distinct, forced);
        return Enumerable.Range(kMin, kMax - kMin + 1).ToArray();
    }

    /// <summary>The fit with its clusters renumbered canonically (see <see cref="CanonicalOrder"/>).</summary>
    private static ClusterFit Canonical(int k, int seed, double[] centres, int[] labels, double[][] features)
    {
        var raw = Enumerable.Range(0, k).Select(c => centres.AsSpan(c * KMeans.Dim, KMeans.Dim).ToArray()).ToArray();
        var perm = CanonicalOrder.Of(raw);
        var centroids = new double[k][];
        for (var c = 0; c < k; c++) centroids[perm[c]] = raw[c];
        var canonical = labels.Select(l => perm[l]).ToArray();
        return new ClusterFit(k, seed, centroids, canonical, Distances.Inertia(features, canonical, centroids));
    }

    /// <summary>Rows of three features as one row-major array, the layout <see cref="KMeans"/> reads.</summary>
    internal static double[] Flatten(double[][] features)
    {
        var flat = new double[features.Length * KMeans.Dim];
        for (var i = 0; i < features.Length; i++) features[i].AsSpan(0, KMeans.Dim).CopyTo(flat.AsSpan(i * KMeans.Dim));
        return flat;
    }

    /// <summary>The given rows of row-major <paramref name="points"/>, in the given order (repeats allowed).</summary>
    internal static double[] Gather(double[] points, int[] rows)
    {
        var gathered = new double[rows.Length * KMeans.Dim];
        for (var i = 0; i < rows.Length; i++) points.AsSpan(rows[i] * KMeans.Dim, KMeans.Dim).CopyTo(gathered.AsSpan(i * KMeans.Dim));
        return gathered;
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
