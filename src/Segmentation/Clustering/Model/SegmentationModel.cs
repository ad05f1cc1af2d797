using System.Text.Json.Serialization;
using Microsoft.ML;
using Segmentation.Clustering.Methods;
using Segmentation.Clustering.Segments;
using Segmentation.Prepare;

namespace Segmentation.Clustering.Model;

/// <summary>
/// Everything needed to put a new customer into a segment without refitting: the scaler, the method's own part (for
/// k-means the ML.NET k-means model and the map from ML.NET's cluster numbers to our canonical ids; for a Gaussian
/// mixture its components; for DBSCAN its core customers and eps), and the segments' names and strategies. The
/// method's parts are fields of this record because model.json has kept them so since format 2; only the method's
/// estimator (<see cref="Methods.IClusteringMethod"/>) makes, reads and uses them.
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

    /// <summary>The value fits of a run with lifetime value, so that scoring values customers too; null without.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Lifetime.ValueModel? Value { get; init; }

    /// <summary>The window and the feature distributions the model was fitted on; null in a model written before they were kept.</summary>
    public TrainingProfile? Training { get; init; }

    /// <summary>Canonical cluster of each row of scaled features (k-means: by ML.NET's own prediction).</summary>
    internal int[] Assign(double[][] features) => AssignWithProbability(features).Labels;

    /// <summary>Canonical cluster of each row of scaled features, with its probability for a Gaussian mixture (null otherwise).</summary>
    internal (int[] Labels, double[]? Probabilities) AssignWithProbability(double[][] features) => ClusteringMethods.Of(Method).Assign(this, features);

    /// <summary>The profile of each segment for customers assigned with this model (centres shown in days, orders and money).</summary>
    public IReadOnlyList<SegmentProfile> Profiles(IReadOnlyList<CustomerSegment> customers) =>
        SegmentBuilder.Profiles(customers, Segments, Centres());

    /// <summary>Each segment's centre in days, orders and money (the scaled centroids taken back through the scaler).</summary>
    public double[][] Centres() => Centroids.Select(c => Scaler.Inverse(c)).ToArray();

    /// <summary>Scales <paramref name="rfm"/> with the saved scaler and assigns each customer.</summary>
    public int[] Assign(RfmTable rfm) => Assign(FeatureScaler.Apply(Scaler, rfm));

    internal static MLContext Context() => new(0);
}
