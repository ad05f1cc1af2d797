using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Segmentation.Clustering;

namespace Segmentation.Benchmarks;

/// <summary>
/// The sweep as it was before our own k-means (commit dc7e1f2): ML.NET's trainer fitted once per (k, restart), each on
/// one thread, in parallel, the best restart kept, labels from ML.NET's prediction, the same four indices. Kept here
/// only as the baseline the benchmark measures the sweep against, on the same features in the same process.
/// </summary>
internal static class MlNetSweep
{
    public static IReadOnlyList<(int K, double Inertia)> Run(double[][] features, ClusteringOptions options)
    {
        var data = MlNetKMeans.DataView(features);
        var ks = Enumerable.Range(options.KMin, options.KMax - options.KMin + 1).ToArray();
        var tasks = ks.SelectMany(k => Enumerable.Range(0, options.Restarts).Select(r => (K: k, Restart: r))).ToArray();
        var results = new (ITransformer Model, double Inertia)[tasks.Length];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Threads ?? Environment.ProcessorCount };
        Parallel.For(0, tasks.Length, parallel, t =>
        {
            var (k, r) = tasks[t];
            var model = new MLContext(options.Seed + r).Clustering.Trainers.KMeans(new KMeansTrainer.Options
            {
                FeatureColumnName = "Features",
                NumberOfClusters = k,
                InitializationAlgorithm = KMeansTrainer.InitializationAlgorithm.KMeansPlusPlus,
                NumberOfThreads = 1,
                MaximumNumberOfIterations = options.MaxIterations,
                OptimizationTolerance = 1e-7f,
            }).Fit(data);
            VBuffer<float>[] centres = [];
            model.Model.GetClusterCentroids(ref centres, out var count);
            var centroids = centres.Take(count).Select(c => c.DenseValues().Select(v => (double)v).ToArray()).ToArray();
            var labels = features.Select(x => Distances.Nearest(x, centroids)).ToArray();
            results[t] = (model, Distances.Inertia(features, labels, Distances.Means(features, labels, centroids)));
        });
        var sample = KMeansSweep.Sample(features.Length, options.SilhouetteExactLimit, options.SilhouetteSampleSize, options.Seed);
        var kept = new (int K, double Inertia)[ks.Length];
        Parallel.For(0, ks.Length, parallel, i =>
        {
            var best = Enumerable.Range(0, tasks.Length).Where(t => tasks[t].K == ks[i]).OrderBy(t => results[t].Inertia).ThenBy(t => tasks[t].Restart).First();
            var labels = MlNetKMeans.Predict(results[best].Model, features);
            var means = Distances.Means(features, labels, Enumerable.Range(0, ks[i]).Select(_ => new double[3]).ToArray());
            _ = ClusterQuality.Silhouette(features, labels, ks[i], sample.Indices, threads: 1);
            _ = ClusterQuality.DaviesBouldin(features, labels, means);
            _ = ClusterQuality.CalinskiHarabasz(features, labels, means);
            kept[i] = (ks[i], Distances.Inertia(features, labels, means));
        });
        return kept;
    }
}
