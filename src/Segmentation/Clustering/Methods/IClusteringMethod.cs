using Segmentation.Clustering.Model;
using Segmentation.Clustering.Segments;

namespace Segmentation.Clustering.Methods;

/// <summary>
/// One clustering method, as an estimator: its own options checked, its sweep over the customers, its rule for k,
/// its part of the saved model and how that part assigns new customers, and how it is told to people. Every
/// method-specific decision lives in one implementation; <see cref="ClusteringMethods"/> chooses it.
/// </summary>
internal interface IClusteringMethod
{
    ClusteringMethod Id { get; }

    /// <summary>The method as people call it ("k-means").</summary>
    string Name { get; }

    /// <summary>The method sweeps k and keeps every k's fit (false: it finds its own number of groups, once).</summary>
    bool SweepsK { get; }

    /// <summary>Throws an <see cref="OptionException"/> for options that mean nothing to this method.</summary>
    void Validate(ClusteringOptions options);

    /// <summary>The options as this method reads them when another method's run is compared with it or refreshed by it.</summary>
    ClusteringOptions Adopt(ClusteringOptions options);

    SweepResult Sweep(double[][] features, ClusteringOptions options, Action<string>? report);

    /// <summary>The method's choice of k over a finished sweep, or <paramref name="forced"/> with the rule's for reference.</summary>
    KChoice Choose(SweepResult sweep, int? forced, KSource source);

    /// <summary>The saved model of one fit.</summary>
    SegmentationModel Model(ClusterFit fit, ScalerParameters scaler, IReadOnlyList<SegmentDefinition> segments);

    /// <summary>Canonical cluster of each row of scaled features, with its probability where the method has one.</summary>
    (int[] Labels, double[]? Probabilities) Assign(SegmentationModel model, double[][] features);

    /// <summary>Writes the method's own entries of the model file (beside model.json).</summary>
    void WriteParts(SegmentationModel model, Func<string, Stream> create);

    /// <summary>The model read back with the method's own part checked and loaded; <paramref name="open"/> gives an entry or null.</summary>
    SegmentationModel ReadParts(SegmentationModel model, Func<string, Stream?> open, string path);

    /// <summary>The sweep in one line of the console summary.</summary>
    string SweepLine(SweepResult sweep, string silhouette);

    /// <summary>How the segments were made, for the report's method section.</summary>
    string MethodText(SweepResult sweep);
}
