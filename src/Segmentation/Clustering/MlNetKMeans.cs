using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Segmentation.Clustering;

/// <summary>
/// The saved model's ML.NET part: an ML.NET k-means model whose centres are the sweep's, so that <c>score</c>,
/// <c>refresh</c> and the notebooks load a standard ML.NET model. ML.NET cannot be handed centres, so its trainer is
/// run on the centres themselves, k points for k clusters: k-means++ picks every point once (a picked point has
/// distance 0 and is never drawn again) and each cluster's mean is its one point, so the trained centres are ours
/// in float32, exactly (checked on every build). The fitting itself is <see cref="KMeans"/>'s.
/// </summary>
internal static class MlNetKMeans
{
    public const int Dimensions = KMeans.Dim;

    /// <summary>Features as ML.NET reads them (float32, as its model computes), in one column named "Features".</summary>
    public static IDataView DataView(double[][] features) => new FeatureDataView(features, Dimensions);

    /// <summary>The ML.NET model of <paramref name="centroids"/>, and the map from its cluster numbers to their index in <paramref name="centroids"/>.</summary>
    public static (ITransformer Model, int[] MlNetToCanonical) FromCentroids(double[][] centroids)
    {
        var k = centroids.Length;
        var ml = new MLContext(0);
        var trainer = ml.Clustering.Trainers.KMeans(new KMeansTrainer.Options
        {
            FeatureColumnName = FeatureDataView.Column,
            NumberOfClusters = k,
            InitializationAlgorithm = KMeansTrainer.InitializationAlgorithm.KMeansPlusPlus,
            NumberOfThreads = 1,
        });
        var model = trainer.Fit(DataView(centroids));
        VBuffer<float>[] trained = [];
        model.Model.GetClusterCentroids(ref trained, out var count);
        var map = new int[k];
        Array.Fill(map, -1);
        for (var j = 0; j < count; j++)
        {
            var values = trained[j].DenseValues().ToArray();
            var c = Array.FindIndex(centroids, x => x.Select(v => (float)v).SequenceEqual(values));
            if (c < 0 || map.Contains(c)) throw new InvalidOperationException($"ML.NET's k-means moved centre {j} while taking over the fitted centres");
            map[j] = c;
        }
        if (count != k) throw new InvalidOperationException($"ML.NET's k-means kept {count} of the {k} fitted centres");
        return (model, map);
    }

    /// <summary>
    /// One model built and applied to a few made-up points, for its side effect: ML.NET's code gets compiled. Run on
    /// a spare thread while the file is read, it takes that compilation off the sweep.
    /// </summary>
    public static void WarmUp()
    {
        double[][] points = [[0, 0, 0], [1, 0, 0], [0, 1, 1]];
        var (model, _) = FromCentroids(points);
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
