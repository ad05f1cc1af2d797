using System.CommandLine;
using Segmentation.Clustering;

namespace Segmentation.Cli;

/// <summary>The clustering flags, one to one onto <see cref="ClusteringOptions"/>.</summary>
internal sealed class ClusteringArguments
{
    private static readonly ClusteringOptions D = ClusteringOptions.Default;

    public Option<ClusteringMethod> Method { get; } = new("--method")
    {
        Description = "kmeans (default), gmm (Gaussian mixture: a probability per customer, k by BIC) or dbscan (dense groups, the rest unclustered).",
        DefaultValueFactory = _ => D.Method,
    };
    public Option<double?> Eps { get; } = new("--eps") { Description = "DBSCAN's radius in the standardised space (default: the knee of the k-distance curve)." };
    public Option<int> MinSamples { get; } = new("--min-samples") { Description = "DBSCAN: customers within eps that make a core customer.", DefaultValueFactory = _ => D.MinSamples };
    public Option<bool> CompareMethods { get; } = new("--compare-methods") { Description = "Also run the other two methods on the same customers and compare them in the summary and the reports." };
    public Option<int?> K { get; } = new("--k") { Description = "Use this number of segments instead of the rule's choice." };
    public Option<int> KMin { get; } = new("--kmin") { Description = "Smallest k of the sweep.", DefaultValueFactory = _ => D.KMin };
    public Option<int> KMax { get; } = new("--kmax") { Description = "Largest k of the sweep.", DefaultValueFactory = _ => D.KMax };
    public Option<int> Restarts { get; } = new("--restarts") { Description = "Seeded k-means fits per k; the lowest inertia is kept.", DefaultValueFactory = _ => D.Restarts };
    public Option<int> Seed { get; } = new("--seed") { Description = "Random seed of the clustering: the same seed gives the same segments.", DefaultValueFactory = _ => D.Seed };
    public Option<int?> Threads { get; } = new("--threads") { Description = "Threads for the sweep (default: all cores). The result does not depend on it." };
    public Option<int?> FitSample { get; } = new("--fit-sample") { Description = "With more customers than this, each k-means fit runs on a seeded sample of this many; every customer is still assigned (default: every fit sees every customer)." };
    public Option<int> StabilityResamples { get; } = new("--stability-resamples") { Description = "Bootstrap resamples behind each k's stability (0: leave it out).", DefaultValueFactory = _ => D.StabilityResamples };
    public Option<bool> NoLog { get; } = new("--no-log") { Description = "Standardise raw R, F, M instead of their log1p." };

    public void AddTo(Command command)
    {
        foreach (var o in new Option[] { Method, Eps, MinSamples, CompareMethods, K, KMin, KMax, Restarts, Seed, Threads, FitSample, StabilityResamples, NoLog }) command.Options.Add(o);
    }

    public ClusteringOptions Options(ParseResult p)
    {
        // Checked by the application layer (OptionsValidator), which names the option; Flags turns it into the flag.
        return new ClusteringOptions
        {
            Method = p.GetValue(Method),
            Eps = p.GetValue(Eps),
            MinSamples = p.GetValue(MinSamples),
            CompareMethods = p.GetValue(CompareMethods),
            K = p.GetValue(K),
            KMin = p.GetValue(KMin),
            KMax = p.GetValue(KMax),
            Restarts = p.GetValue(Restarts),
            Seed = p.GetValue(Seed),
            Threads = p.GetValue(Threads),
            FitSampleLimit = p.GetValue(FitSample),
            StabilityResamples = p.GetValue(StabilityResamples),
            Log1p = !p.GetValue(NoLog),
        };
    }
}
