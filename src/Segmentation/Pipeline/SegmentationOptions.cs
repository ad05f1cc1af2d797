using Segmentation.Clustering;

namespace Segmentation.Pipeline;

/// <summary>All the options of a run: reading and cleaning, then clustering.</summary>
public sealed record SegmentationOptions
{
    public PrepareOptions Prepare { get; init; } = PrepareOptions.Default;
    public ClusteringOptions Clustering { get; init; } = ClusteringOptions.Default;

    public static SegmentationOptions Default { get; } = new();
}
