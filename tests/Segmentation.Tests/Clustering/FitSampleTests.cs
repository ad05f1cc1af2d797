using Segmentation.Clustering;

namespace Segmentation.Tests.Clustering;

/// <summary>Above <see cref="ClusteringOptions.FitSampleLimit"/> the fits see a sample; everybody is still assigned.</summary>
[Trait(Tier.Name, Tier.Full)]
public sealed class FitSampleTests
{
    // Five blobs in three dimensions, unevenly sized, as scaled RFM tends to look.
    private static double[][] Blobs(int n, int seed)
    {
        var random = new Random(seed);
        double[][] centres = [[-1.5, -1, -1], [0, 0, 0], [1.5, 1, 0.5], [0.5, -1.5, 1.5], [-1, 1.5, 1]];
        return Enumerable.Range(0, n).Select(_ =>
        {
            var c = centres[Math.Min(4, (int)(5 * random.NextDouble() * random.NextDouble() * 1.9))];
            return c.Select(v => v + 0.45 * Draws.Gaussian(random)).ToArray();
        }).ToArray();
    }

    [Fact]
    public void Fits_on_a_sample_assign_every_customer_and_stay_within_a_percent_of_the_full_fit()
    {
        var x = Blobs(6_000, seed: 11);
        var options = ClusteringOptions.Default with { KMin = 3, KMax = 6, Restarts = 3 };

        var full = KMeansSweep.Run(x, options);
        var sampled = KMeansSweep.Run(x, options with { FitSampleLimit = 1_500 });

        Assert.False(full.FitOn.Sampled);
        Assert.Equal(new SampleMethod(true, 1_500, options.Seed + 1), sampled.FitOn);
        foreach (var m in sampled.Metrics)
        {
            var fit = sampled.Fit(m.K);
            Assert.Equal(x.Length, fit.Labels.Length);
            Assert.Equal(m.K, fit.Labels.Distinct().Count());
            // Inertia over everybody, against the fits that saw everybody.
            Assert.InRange(m.Inertia / full.At(m.K).Inertia, 0.99, 1.01);
        }
        Assert.Equal(sampled.Metrics, KMeansSweep.Run(x, options with { FitSampleLimit = 1_500, Threads = 1 }).Metrics);
    }
}
