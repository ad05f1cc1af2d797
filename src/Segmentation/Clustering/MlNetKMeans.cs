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

    internal sealed class Row
    {
        [VectorType(Dimensions)]
        public float[] Features { get; set; } = [];
    }

    internal sealed class Prediction
    {
        [ColumnName("PredictedLabel")]
        public uint Label { get; set; }
    }

    /// <summary>Features as ML.NET reads them (float32, as its trainer computes).</summary>
    public static IDataView DataView(MLContext ml, double[][] features) =>
        ml.Data.LoadFromEnumerable(features.Select(f => new Row { Features = f.Select(v => (float)v).ToArray() }).ToArray());

    public static (ITransformer Model, double[][] Centroids) Fit(IDataView data, int k, int seed, int maxIterations)
    {
        var ml = new MLContext(seed);
        var trainer = ml.Clustering.Trainers.KMeans(new KMeansTrainer.Options
        {
            FeatureColumnName = nameof(Row.Features),
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

    /// <summary>ML.NET's assignment (0-based, in ML.NET's cluster order) of each row.</summary>
    public static int[] Predict(ITransformer model, double[][] features)
    {
        var ml = new MLContext(0);
        var predictions = model.Transform(DataView(ml, features));
        return ml.Data.CreateEnumerable<Prediction>(predictions, reuseRowObject: false).Select(p => (int)p.Label - 1).ToArray();
    }
}
