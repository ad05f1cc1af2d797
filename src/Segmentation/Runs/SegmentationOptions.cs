using System.Text.Json.Serialization;
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

    /// <summary>
    /// Prepare so that lifetime value can be added to the run later (<c>SegmentationApp.WithValue</c>, the web page's
    /// button) without reading the data again. It changes no figure, so the history's parameters leave it out.
    /// </summary>
    [JsonIgnore]
    public bool ValueReady { get; init; }

    /// <summary>
    /// The preparation this run needs: lifetime value counts purchase days, which the engine returns only when asked,
    /// so they are asked for when the run has or may gain a value; no output of a run shows sales by product, so
    /// they are not totalled. The one place that decides it.
    /// </summary>
    [JsonIgnore]
    public PrepareOptions Preparation => Prepare with { PurchaseDays = Clv is not null || ValueReady || Prepare.PurchaseDays, ProductSales = false };

    public static SegmentationOptions Default { get; } = new();
}
