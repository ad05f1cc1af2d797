using Segmentation.Clustering;
using Segmentation.Lifetime;
using Segmentation.Prepare;

namespace Segmentation.Runs;

/// <summary>All the options of a run: reading and cleaning, then clustering.</summary>
public sealed record SegmentationOptions
{
    public PrepareOptions Prepare { get; init; } = PrepareOptions.Default;
    public ClusteringOptions Clustering { get; init; } = ClusteringOptions.Default;

    /// <summary>Lifetime value alongside the segments (P(alive), expected purchases, CLV per customer and segment, campaign lists); null: none.</summary>
    public ClvOptions? Clv { get; init; }

    public static SegmentationOptions Default { get; } = new();
}
