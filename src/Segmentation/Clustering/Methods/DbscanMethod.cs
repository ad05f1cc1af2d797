using Segmentation.Clustering.Model;
using Segmentation.Clustering.Segments;
using Segmentation.Formatting;

namespace Segmentation.Clustering.Methods;

/// <summary>
/// DBSCAN: dense groups found by themselves, customers in no dense group kept apart as noise; no k to choose. Its
/// saved part is its core customers and eps.
/// </summary>
internal sealed class DbscanMethod : IClusteringMethod
{
    public ClusteringMethod Id => ClusteringMethod.Dbscan;
    public string Name => "DBSCAN";
    public bool SweepsK => false;

    public void Validate(ClusteringOptions options)
    {
        if (options.K is not null) throw new OptionException(OptionNames.K,
            $"DBSCAN finds the number of segments itself; {OptionException.Ref(OptionNames.K)} applies to kmeans and gmm (set {OptionException.Ref(OptionNames.Eps)} and {OptionException.Ref(OptionNames.MinSamples)} instead)");
    }

    public ClusteringOptions Adopt(ClusteringOptions options) => options with { Method = Id, K = null };

    public SweepResult Sweep(double[][] features, ClusteringOptions options, Action<string>? report)
    {
        report?.Invoke($"fitting DBSCAN to {features.Length:N0} customers");
        return DensityClustering.Run(features, options) with { Method = Id };
    }

    public KChoice Choose(SweepResult sweep, int? forced, KSource source) => KSelection.Density(sweep.Metrics[0], sweep.Density!);

    public SegmentationModel Model(ClusterFit fit, ScalerParameters scaler, IReadOnlyList<SegmentDefinition> segments) =>
        new(SegmentationModel.CurrentFormat, ScalerParameters.FeatureNames, scaler, fit.K, fit.Seed, [], fit.Centroids, segments, RunVersions.Current, Id, null, fit.Density);

    public (int[] Labels, double[]? Probabilities) Assign(SegmentationModel model, double[][] features) =>
        (Dbscan.Assign(KMeansSweep.Flatten(features), model.Density ?? throw new InvalidOperationException("The model has no DBSCAN part.")), null);

    public void WriteParts(SegmentationModel model, Func<string, Stream> create)
    {
        // The core customers are part of model.json.
    }

    public SegmentationModel ReadParts(SegmentationModel model, Func<string, Stream?> open, string path) =>
        model.Density is not null
            ? model
            : throw new InputException(path, $"the model is damaged: its {model.Method} part is missing or does not match k = {model.K}");

    public string SweepLine(SweepResult sweep, string silhouette) =>
        $"DBSCAN (eps {Display.Number(sweep.Density!.Eps, 3)}, min-samples {sweep.Density.MinSamples}; {silhouette}, over the clustered customers)";

    public string MethodText(SweepResult sweep) =>
        $"Segments come from DBSCAN (as scikit-learn computes it) with eps {Display.Number(sweep.Density!.Eps, 3)} and min-samples {sweep.Density.MinSamples}: dense groups of customers, and the customers in none kept apart as Unclustered. It has no randomness.";
}
