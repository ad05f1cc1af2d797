using Segmentation.Clustering.Model;
using Segmentation.Clustering.Segments;

namespace Segmentation.Clustering.Methods;

/// <summary>
/// A Gaussian mixture with full covariances: every customer gets a segment and the probability of it; k chosen by
/// BIC. Its saved part is the components.
/// </summary>
internal sealed class GaussianMixtureMethod : IClusteringMethod
{
    public ClusteringMethod Id => ClusteringMethod.Gmm;
    public string Name => "Gaussian mixture";
    public bool SweepsK => true;

    public void Validate(ClusteringOptions options)
    {
        if (options.Eps is not null) throw new OptionException(OptionNames.Eps, $"applies to {OptionException.Ref(OptionNames.Method)} dbscan only");
    }

    public ClusteringOptions Adopt(ClusteringOptions options) => options with { Method = Id, Eps = null };

    public SweepResult Sweep(double[][] features, ClusteringOptions options, Action<string>? report)
    {
        report?.Invoke($"fitting Gaussian mixtures to {features.Length:N0} customers");
        return MixtureSweep.Run(features, options) with { Method = Id };
    }

    public KChoice Choose(SweepResult sweep, int? forced, KSource source) => KSelection.ChooseByBic(sweep.Metrics, forced, source);

    public SegmentationModel Model(ClusterFit fit, ScalerParameters scaler, IReadOnlyList<SegmentDefinition> segments) =>
        new(SegmentationModel.CurrentFormat, ScalerParameters.FeatureNames, scaler, fit.K, fit.Seed, [], fit.Centroids, segments, RunVersions.Current, Id, fit.Mixture);

    public (int[] Labels, double[]? Probabilities) Assign(SegmentationModel model, double[][] features)
    {
        var (labels, probabilities) = GaussianMixture.Predict(KMeansSweep.Flatten(features), model.Mixture ?? throw new InvalidOperationException("The model has no mixture."));
        return (labels, probabilities);
    }

    public void WriteParts(SegmentationModel model, Func<string, Stream> create)
    {
        // The components are part of model.json.
    }

    public SegmentationModel ReadParts(SegmentationModel model, Func<string, Stream?> open, string path) =>
        model.Mixture is { } m && m.Weights.Length == model.K
            ? model
            : throw new InputException(path, $"the model is damaged: its {model.Method} part is missing or does not match k = {model.K}");

    public string SweepLine(SweepResult sweep, string silhouette) => $"Gaussian mixture sweep ({sweep.Restarts} starts per k, seed {sweep.Seed}; {silhouette})";

    public string MethodText(SweepResult sweep) =>
        $"Segments come from Gaussian mixtures with full covariances fitted by expectation-maximisation (as scikit-learn's GaussianMixture) for k = {sweep.Metrics[0].K} to {sweep.Metrics[^1].K}, {sweep.Restarts} starts per k from k-means fits with seeds {sweep.Seed} to {sweep.Seed + sweep.Restarts - 1}, keeping the start with the highest likelihood. " +
        "Each customer is in its most likely component, with that probability. A value shared by many customers (one order, say) would let a component shrink onto it; each covariance is held above a floor, the variance of the interval such a value stands for. The same seed gives the same segments.";
}
