namespace Segmentation.Clustering;

/// <summary>The sweep of the options' method and that method's own choice of k: the one dispatch on the method.</summary>
internal static class MethodSweep
{
    /// <param name="source">Who forced <see cref="ClusteringOptions.K"/>, when it is set.</param>
    public static (SweepResult Sweep, KChoice Choice) Run(double[][] features, ClusteringOptions options, KSource source = KSource.User)
    {
        var sweep = options.Method switch
        {
            ClusteringMethod.Gmm => MixtureSweep.Run(features, options),
            ClusteringMethod.Dbscan => DensityClustering.Run(features, options),
            _ => KMeansSweep.Run(features, options),
        };
        return (sweep, Choose(sweep, options.K, source));
    }

    /// <summary>The method's choice of k over a finished sweep, or <paramref name="forced"/> with the rule's for reference.</summary>
    public static KChoice Choose(SweepResult sweep, int? forced, KSource source) => sweep.Method switch
    {
        ClusteringMethod.Gmm => KSelection.ChooseByBic(sweep.Metrics, forced, source),
        ClusteringMethod.Dbscan => KSelection.Density(sweep.Metrics[0], sweep.Density!),
        _ => KSelection.Choose(sweep.Metrics, forced, source),
    };
}
