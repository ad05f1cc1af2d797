using Segmentation.Clustering;

namespace Segmentation.Pipeline;

/// <summary>All the options of a run: reading and cleaning, then clustering.</summary>
public sealed record SegmentationOptions
{
    public PrepareOptions Prepare { get; init; } = PrepareOptions.Default;
    public ClusteringOptions Clustering { get; init; } = ClusteringOptions.Default;

    /// <summary>Lifetime value alongside the segments (P(alive), expected purchases, CLV per customer and segment, campaign lists); null: none.</summary>
    public Value.ClvOptions? Clv { get; init; }

    public static SegmentationOptions Default { get; } = new();
}
