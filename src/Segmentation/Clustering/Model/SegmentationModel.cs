using System.Text.Json.Serialization;
using Microsoft.ML;
using Segmentation.Clustering.Segments;
using Segmentation.Prepare;

namespace Segmentation.Clustering.Model;

/// <summary>
/// Everything needed to put a new customer into a segment without refitting: the scaler, the method's own part (for
/// k-means the ML.NET k-means model and the map from ML.NET's cluster numbers to our canonical ids; for a Gaussian
/// mixture its components; for DBSCAN its core customers and eps), and the segments' names and strategies.
/// </summary>
public sealed record SegmentationModel(
    int FormatVersion,
    string[] Features,
    ScalerParameters Scaler,
    int K,
    int Seed,
    int[] MlNetToCanonical,
    double[][] Centroids,
    IReadOnlyList<SegmentDefinition> Segments,
    IReadOnlyDictionary<string, string> Versions,
    ClusteringMethod Method = ClusteringMethod.KMeans,
    MixtureParameters? Mixture = null,
    DensityParameters? Density = null)
{
    /// <summary>2 added the method and its parts; a format 1 file is a k-means model and reads as one.</summary>
    public const int CurrentFormat = 2;

    public static bool Reads(int format) => format is 1 or CurrentFormat;

    [JsonIgnore]
    internal ITransformer? MlNetModel { get; init; }

    /// <summary>The window and the feature distributions the model was fitted on; null in a model written before they were kept.</summary>
    public TrainingProfile? Training { get; init; }

    /// <summary>Canonical cluster of each row of scaled features (k-means: by ML.NET's own prediction).</summary>
    internal int[] Assign(double[][] features) => AssignWithProbability(features).Labels;

    /// <summary>Canonical cluster of each row of scaled features, with its probability for a Gaussian mixture (null otherwise).</summary>
    internal (int[] Labels, double[]? Probabilities) AssignWithProbability(double[][] features)
    {
        switch (Method)
        {
            case ClusteringMethod.Gmm:
                var (labels, probabilities) = GaussianMixture.Predict(KMeansSweep.Flatten(features), Mixture ?? throw new InvalidOperationException("The model has no mixture."));
                return (labels, probabilities);
            case ClusteringMethod.Dbscan:
                return (Dbscan.Assign(KMeansSweep.Flatten(features), Density ?? throw new InvalidOperationException("The model has no DBSCAN part.")), null);
            default:
                var model = MlNetModel ?? throw new InvalidOperationException("The model has no ML.NET part loaded.");
                return (MlNetKMeans.Predict(model, features).Select(l => MlNetToCanonical[l]).ToArray(), null);
        }
    }

    internal static SegmentationModel From(ClusterFit fit, ScalerParameters scaler, IReadOnlyList<SegmentDefinition> segments, ClusteringMethod method)
    {
        if (method != ClusteringMethod.KMeans)
        {
            return new(CurrentFormat, ScalerParameters.FeatureNames, scaler, fit.K, fit.Seed, [], fit.Centroids, segments, RunVersions.Current,
                method, fit.Mixture, fit.Density);
        }
        var (mlNet, map) = MlNetKMeans.FromCentroids(fit.Centroids);
        return new(CurrentFormat, ScalerParameters.FeatureNames, scaler, fit.K, fit.Seed, map, fit.Centroids, segments, RunVersions.Current)
        {
            MlNetModel = mlNet,
        };
    }

    /// <summary>The profile of each segment for customers assigned with this model (centres shown in days, orders and money).</summary>
    public IReadOnlyList<SegmentProfile> Profiles(IReadOnlyList<CustomerSegment> customers) =>
        SegmentBuilder.Profiles(customers, Segments, Centres());

    /// <summary>Each segment's centre in days, orders and money (the scaled centroids taken back through the scaler).</summary>
    public double[][] Centres() => Centroids.Select(c => Scaler.Inverse(c)).ToArray();

    /// <summary>Scales <paramref name="rfm"/> with the saved scaler and assigns each customer.</summary>
    public int[] Assign(RfmTable rfm) => Assign(FeatureScaler.Apply(Scaler, rfm));

    internal static MLContext Context() => new(0);
}
