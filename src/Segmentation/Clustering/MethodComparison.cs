using Segmentation.Clustering.Methods;
using Segmentation.Clustering.Segments;
using Segmentation.Numerics;
using Segmentation.Prepare;

namespace Segmentation.Clustering;

/// <summary>
/// One method's answer on the same customers, beside the run's own: how many segments, which, how well separated
/// (the same four indices, on the same features), and how far its partition agrees with the run's (adjusted Rand).
/// </summary>
/// <param name="Unclustered">DBSCAN's customers in no dense group; null for the other methods.</param>
/// <param name="Agreement">Adjusted Rand index between this method's segments and the run's (1: the same partition).</param>
public sealed record MethodSummary(
    ClusteringMethod Method,
    bool Chosen,
    int K,
    IReadOnlyList<string> Segments,
    double Silhouette,
    double DaviesBouldin,
    double CalinskiHarabasz,
    double? Bic,
    int? Unclustered,
    double Agreement,
    string Reasoning)
{
    /// <summary>The method as people call it.</summary>
    public string Name => ClusteringMethods.Of(Method).Name;
}

/// <summary>
/// <c>--compare-methods</c>: every method run on the run's own features with the run's options, each choosing its own
/// k by its own rule (the elbow and silhouette for k-means, BIC for a mixture, the density for DBSCAN), and summarised
/// side by side. The run's segments stay those of its own method.
/// </summary>
internal static class MethodComparison
{
    public static IReadOnlyList<MethodSummary> Compare(RfmTable rfm, double[][] features, ClusteringOptions options, SweepResult own, KChoice ownChoice, int[] ownLabels)
    {
        return ClusteringMethods.All.Select(method =>
        {
            var (sweep, choice) = method.Id == own.Method ? (own, ownChoice) : Run(method, features, method.Adopt(options));
            var fit = sweep.Fit(choice.K);
            var m = sweep.At(choice.K);
            var names = SegmentNamer.Name(rfm, fit);
            return new MethodSummary(method.Id, method.Id == own.Method, choice.K, names.Select(n => n.Name).ToArray(), m.Silhouette, m.DaviesBouldin, m.CalinskiHarabasz,
                m.Bic, sweep.Density?.Noise, AdjustedRand.Index(fit.Labels, ownLabels), choice.Reasoning);
        }).ToArray();
    }

    private static (SweepResult, KChoice) Run(IClusteringMethod method, double[][] features, ClusteringOptions options)
    {
        var sweep = method.Sweep(features, options, report: null);
        return (sweep, method.Choose(sweep, options.K, KSource.User));
    }
}
