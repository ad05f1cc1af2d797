using System.Text.Json.Serialization;
using Microsoft.ML;
using Segmentation.Clustering;
using Segmentation.Features;
using Segmentation.Segments;

namespace Segmentation.Model;

/// <summary>
/// Everything needed to put a new customer into a segment without refitting: the scaler, the ML.NET k-means
/// model, the map from ML.NET's cluster numbers to our canonical ids, and the segments' names and strategies.
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
    IReadOnlyDictionary<string, string> Versions)
{
    public const int CurrentFormat = 1;

    [JsonIgnore]
    internal ITransformer? MlNetModel { get; init; }

    /// <summary>Canonical cluster of each row of scaled features, by ML.NET's own prediction.</summary>
    internal int[] Assign(double[][] features)
    {
        var model = MlNetModel ?? throw new InvalidOperationException("The model has no ML.NET part loaded.");
        return MlNetKMeans.Predict(model, features).Select(l => MlNetToCanonical[l]).ToArray();
    }

    internal static SegmentationModel From(KMeansFit fit, ScalerParameters scaler, IReadOnlyList<SegmentDefinition> segments)
    {
        var (mlNet, map) = MlNetKMeans.FromCentroids(fit.Centroids);
        return new(CurrentFormat, ScalerParameters.FeatureNames, scaler, fit.K, fit.Seed, map, fit.Centroids, segments, RunVersions.Current)
        {
            MlNetModel = mlNet,
        };
    }

    /// <summary>The profile of each segment for customers assigned with this model (centres shown in days, orders and money).</summary>
    public IReadOnlyList<SegmentProfile> Profiles(IReadOnlyList<CustomerSegment> customers) =>
        SegmentBuilder.Profiles(customers, Segments, Centroids.Select(c => Scaler.Inverse(c)).ToArray());

    /// <summary>Scales <paramref name="rfm"/> with the saved scaler and assigns each customer.</summary>
    public int[] Assign(RfmTable rfm) => Assign(FeatureScaler.Apply(Scaler, rfm));

    internal static MLContext Context() => new(0);
}
