using Segmentation.Clustering.Model;
using Segmentation.Clustering.Segments;

namespace Segmentation.Clustering.Methods;

/// <summary>
/// k-means (k-means++ and Lloyd, as scikit-learn): every customer to the nearest of k centres; k by the elbow and
/// the silhouette. Its saved part is an ML.NET k-means model with our centres.
/// </summary>
internal sealed class KMeansMethod : IClusteringMethod
{
    private const string MlNetEntry = "mlnet.zip";

    public ClusteringMethod Id => ClusteringMethod.KMeans;
    public string Name => "k-means";
    public bool SweepsK => true;

    public void Validate(ClusteringOptions options)
    {
        if (options.Eps is not null) throw new OptionException(OptionNames.Eps, $"applies to {OptionException.Ref(OptionNames.Method)} dbscan only");
    }

    public ClusteringOptions Adopt(ClusteringOptions options) => options with { Method = Id, Eps = null };

    public SweepResult Sweep(double[][] features, ClusteringOptions options, Action<string>? report) => KMeansSweep.Run(features, options, report) with { Method = Id };

    public KChoice Choose(SweepResult sweep, int? forced, KSource source) => KSelection.Choose(sweep.Metrics, forced, source);

    public SegmentationModel Model(ClusterFit fit, ScalerParameters scaler, IReadOnlyList<SegmentDefinition> segments)
    {
        var (mlNet, map) = MlNetKMeans.FromCentroids(fit.Centroids);
        return new(SegmentationModel.CurrentFormat, ScalerParameters.FeatureNames, scaler, fit.K, fit.Seed, map, fit.Centroids, segments, RunVersions.Current)
        {
            MlNetModel = mlNet,
        };
    }

    public (int[] Labels, double[]? Probabilities) Assign(SegmentationModel model, double[][] features)
    {
        var mlNet = model.MlNetModel ?? throw new InvalidOperationException("The model has no ML.NET part loaded.");
        return (MlNetKMeans.Predict(mlNet, features).Select(l => model.MlNetToCanonical[l]).ToArray(), null);
    }

    public void WriteParts(SegmentationModel model, Func<string, Stream> create)
    {
        var ml = SegmentationModel.Context();
        using var entry = create(MlNetEntry);
        var schema = MlNetKMeans.DataView([new double[MlNetKMeans.Dimensions]]).Schema;
        using var buffer = new MemoryStream();
        ml.Model.Save(model.MlNetModel ?? throw new InvalidOperationException("No ML.NET model to save."), schema, buffer);
        buffer.Position = 0;
        buffer.CopyTo(entry);
    }

    public SegmentationModel ReadParts(SegmentationModel model, Func<string, Stream?> open, string path)
    {
        using var buffer = new MemoryStream();
        using (var s = open(MlNetEntry) ?? throw new InputException(path, $"this is not a segmentation model: it has no {MlNetEntry}")) s.CopyTo(buffer);
        buffer.Position = 0;
        return model with { MlNetModel = SegmentationModel.Context().Model.Load(buffer, out _) };
    }

    public string SweepLine(SweepResult sweep, string silhouette) =>
        $"k sweep ({sweep.Restarts} restarts per k, seed {sweep.Seed}; {silhouette}" +
        (sweep.FitOn.Sampled ? $"; fitted on a sample of {Formatting.Display.Count(sweep.FitOn.SampleSize)}, seed {sweep.FitOn.Seed}, every customer assigned)" : ")");

    public string MethodText(SweepResult sweep) =>
        $"Segments come from k-means clustering (k-means++ initialisation, Lloyd's iterations, as scikit-learn computes it) for k = {sweep.Metrics[0].K} to {sweep.Metrics[^1].K}, {sweep.Restarts} runs per k with seeds {sweep.Seed} to {sweep.Seed + sweep.Restarts - 1}, keeping the run with the lowest inertia. The same seed gives the same segments.";
}
