namespace Segmentation.Clustering.Methods;

/// <summary>The registry of clustering methods: the one place that maps <see cref="ClusteringMethod"/> to its estimator.</summary>
internal static class ClusteringMethods
{
    /// <summary>Every method, in the order the comparison shows them.</summary>
    public static IReadOnlyList<IClusteringMethod> All { get; } = [new KMeansMethod(), new GaussianMixtureMethod(), new DbscanMethod()];

    public static IClusteringMethod Of(ClusteringMethod id) => All.Single(m => m.Id == id);
}
