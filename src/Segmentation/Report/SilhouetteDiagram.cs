namespace Segmentation.Report;

/// <summary>
/// The silhouette of every customer (of the sweep's silhouette sample) at one k, by segment, each segment's values
/// from highest to lowest: scikit-learn's silhouette analysis. A segment whose values are mostly low or negative is
/// not separate from its neighbours at this k, whatever the mean says.
/// </summary>
public sealed record SilhouetteDiagram(int K, double Mean, IReadOnlyList<SilhouetteGroup> Groups);

/// <summary>One segment's customers' silhouettes, highest first.</summary>
public sealed record SilhouetteGroup(int Cluster, string Segment, double[] Values);
