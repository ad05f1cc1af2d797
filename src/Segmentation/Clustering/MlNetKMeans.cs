using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Segmentation.Clustering;

/// <summary>
/// One ML.NET k-means fit: k-means++ initialisation from the given seed, one thread, so that a fit is a pure
/// function of (data, k, seed). Restarts and parallelism live above this, in <see cref="KMeansSweep"/>.
/// </summary>
internal static class MlNetKMeans
{
    public const int Dimensions = 3;

    /// <summary>Features as ML.NET reads them (float32, as its trainer computes), in one column named "Features".</summary>
    public static IDataView DataView(double[][] features) => new FeatureDataView(features, Dimensions);

    public static (ITransformer Model, double[][] Centroids) Fit(IDataView data, int k, int seed, int maxIterations)
    {
        var ml = new MLContext(seed);
        var trainer = ml.Clustering.Trainers.KMeans(new KMeansTrainer.Options
        {
            FeatureColumnName = FeatureDataView.Column,
            NumberOfClusters = k,
            InitializationAlgorithm = KMeansTrainer.InitializationAlgorithm.KMeansPlusPlus,
            NumberOfThreads = 1,
            MaximumNumberOfIterations = maxIterations,
            OptimizationTolerance = 1e-7f,
        });
        var model = trainer.Fit(data);
        VBuffer<float>[] centroids = [];
        model.Model.GetClusterCentroids(ref centroids, out var count);
        var result = new double[count][];
        for (var c = 0; c < count; c++)
        {
            var dense = centroids[c].DenseValues().ToArray();
            result[c] = dense.Select(v => (double)v).ToArray();
        }
        return (model, result);
    }

    /// <summary>
    /// One fit and prediction on a few made-up points, for its side effect: ML.NET's trainer code gets compiled.
    /// Run on a spare thread while the file is read, it takes that compilation off the sweep.
    /// </summary>
    public static void WarmUp()
    {
        var points = Enumerable.Range(0, 16).Select(i => new double[] { i % 4, i / 4 % 2, i % 3 }).ToArray();
        var (model, _) = Fit(DataView(points), 2, seed: 0, maxIterations: 5);
        Predict(model, points);
    }

    /// <summary>ML.NET's assignment (0-based, in ML.NET's cluster order) of each row.</summary>
    public static int[] Predict(ITransformer model, double[][] features)
    {
        var predictions = model.Transform(DataView(features));
        // Read through a cursor: CreateEnumerable builds its row mapper by emitting code, which a cursor does without.
        var column = predictions.Schema["PredictedLabel"];
        using var cursor = predictions.GetRowCursor([column]);
        var getter = cursor.GetGetter<uint>(column);
        var labels = new int[features.Length];
        uint label = 0;
        for (var i = 0; cursor.MoveNext(); i++)
        {
            getter(ref label);
            labels[i] = (int)label - 1;
        }
        return labels;
    }
}
