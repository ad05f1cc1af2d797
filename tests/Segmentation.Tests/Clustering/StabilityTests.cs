using Segmentation.Clustering;
using Xunit.Abstractions;

namespace Segmentation.Tests.Clustering;

/// <summary>Each k's stability: segments the data holds are stable, segments cut through a blob are not.</summary>
[Collection(RealDataCollection.Name)]
[Trait(Tier.Name, Tier.Full)]
public sealed class StabilityTests(RealDataFixture data, ITestOutputHelper output)
{
    [Fact]
    public void Three_separate_blobs_are_stable_at_three_and_not_when_cut_further()
    {
        var random = new Random(5);
        double[][] centres = [[-3, 0, 0], [3, 0, 0], [0, 4, 2]];
        var x = Enumerable.Range(0, 3_000).Select(i => centres[i % 3].Select(v => v + 0.6 * Draws.Gaussian(random)).ToArray()).ToArray();

        var sweep = KMeansSweep.Run(x, ClusteringOptions.Default with { KMin = 2, KMax = 7, Restarts = 3 });
        foreach (var m in sweep.Metrics) output.WriteLine($"k={m.K}: stability {m.Stability:F3}");

        Assert.True(sweep.At(3).Stability > 0.99, $"k=3: {sweep.At(3).Stability}");
        // Cutting round blobs into more pieces has no answer the data holds: each resample cuts them elsewhere.
        Assert.All(sweep.Metrics.Where(m => m.K >= 5), m => Assert.True(m.Stability < sweep.At(3).Stability - 0.05, $"k={m.K}: {m.Stability}"));
        Assert.Equal(sweep.Metrics, KMeansSweep.Run(x, ClusteringOptions.Default with { KMin = 2, KMax = 7, Restarts = 3, Threads = 1 }).Metrics);
    }

    [Fact]
    public void On_the_uci_customers_every_k_has_a_stability_and_the_report_reads_the_chosen_ones()
    {
        var run = data.Run;
        foreach (var m in run.Sweep.Metrics) output.WriteLine($"k={m.K}: stability {m.Stability:F3}");

        Assert.All(run.Sweep.Metrics, m => Assert.InRange(m.Stability ?? -1, 0, 1));
        var off = KMeansSweep.Run(run.Features, ClusteringOptions.Default with { KMin = 4, KMax = 4, StabilityResamples = 0 });
        Assert.Null(off.At(4).Stability);
    }
}
