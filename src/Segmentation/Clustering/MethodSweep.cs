namespace Segmentation.Clustering;

/// <summary>The sweep of the options' method and that method's own choice of k: the one dispatch on the method.</summary>
internal static class MethodSweep
{
    /// <param name="source">Who forced <see cref="ClusteringOptions.K"/>, when it is set.</param>
    /// <param name="report">Told how far the sweep has come, in words.</param>
    public static (SweepResult Sweep, KChoice Choice) Run(double[][] features, ClusteringOptions options, KSource source = KSource.User, Action<string>? report = null)
    {
        if (options.Method != ClusteringMethod.KMeans) report?.Invoke($"fitting {(options.Method == ClusteringMethod.Gmm ? "Gaussian mixtures" : "DBSCAN")} to {features.Length:N0} customers");
        var sweep = options.Method switch
        {
            ClusteringMethod.Gmm => MixtureSweep.Run(features, options),
            ClusteringMethod.Dbscan => DensityClustering.Run(features, options),
            _ => KMeansSweep.Run(features, options, report),
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
