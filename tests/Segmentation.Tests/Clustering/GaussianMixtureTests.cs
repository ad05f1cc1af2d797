using System.Globalization;
using Segmentation.Clustering;
using Xunit.Abstractions;

namespace Segmentation.Tests.Clustering;

/// <summary>The Gaussian mixture against a known mixture, and against scikit-learn's BIC on the UCI customers.</summary>
[Collection(RealDataCollection.Name)]
[Trait(Tier.Name, Tier.Full)]
public sealed class GaussianMixtureTests(RealDataFixture data, ITestOutputHelper output)
{
    [Fact]
    public void Two_well_separated_gaussians_are_recovered_with_their_weights_means_and_spreads()
    {
        var random = new Random(3);
        // 30% around (-2, 0, 1) with spread 0.5; 70% around (2, 1, -1) with spreads 1, 0.3, 0.3.
        var rows = Enumerable.Range(0, 4_000).Select(i => i % 10 < 3
            ? new[] { -2 + 0.5 * Draws.Gaussian(random), 0.5 * Draws.Gaussian(random), 1 + 0.5 * Draws.Gaussian(random) }
            : new[] { 2 + Draws.Gaussian(random), 1 + 0.3 * Draws.Gaussian(random), -1 + 0.3 * Draws.Gaussian(random) }).ToArray();

        var fit = GaussianMixture.Fit(KMeansSweep.Flatten(rows), 2, seed: 1);

        var small = fit.Means[0] < fit.Means[3] ? 0 : 1;
        Assert.Equal(0.3, fit.Weights[small], 2);
        Assert.Equal(-2, fit.Means[small * 3], 1);
        Assert.Equal(0.25, fit.Covariances[small * 9], 1);
        Assert.Equal(1.0, fit.Covariances[(1 - small) * 9], 1);
        Assert.Equal(0.09, fit.Covariances[(1 - small) * 9 + 4], 1);
        Assert.True(fit.Converged);
        // Points this far apart are assigned with near certainty, and to the component they came from.
        Assert.True(fit.Probabilities.Average() > 0.99);
        Assert.Equal(rows.Select((_, i) => i % 10 < 3 ? small : 1 - small), fit.Labels);
    }

    /// <summary>
    /// On the UCI features every scikit-learn solution has components collapsed onto customers who share a frequency
    /// (Fixtures/scikit-learn/gmm.md, "collapsed"), and each collapse lowers the BIC by thousands, more the more
    /// customers the plane holds. For k = 2..6 both reach the same solutions and the BICs agree to 0.01% of the range,
    /// which this holds. For k = 7, 8 and 10 scikit-learn's five initialisations reach deeper collapses than ours
    /// (printed, not asserted: which of five starts finds the deepest collapse is luck, and with 20 starts ours is
    /// lower at k = 9 by 7% of the range and still higher at k = 7). The pipeline does not chase collapse, it prevents
    /// it (<see cref="MixtureSweep.PointMassFloor"/>); with collapse prevented every k is compared, in the next test.
    /// </summary>
    [Fact]
    public void On_the_uci_customers_the_bic_is_scikit_learns_up_to_six_components()
    {
        var table = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "scikit-learn", "gmm.md"))
            .Where(l => l.StartsWith("| ", StringComparison.Ordinal) && char.IsDigit(l[2]))
            .Select(l => l.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToDictionary(f => int.Parse(f[0], CultureInfo.InvariantCulture), f => (Bic: double.Parse(f[1], CultureInfo.InvariantCulture), Collapsed: int.Parse(f[6], CultureInfo.InvariantCulture)));
        var range = table.Values.Max(t => t.Bic) - table.Values.Min(t => t.Bic);
        var points = KMeansSweep.Flatten(data.Run.Features);
        var n = data.Run.Features.Length;

        foreach (var (k, theirs) in table)
        {
            var fit = GaussianMixture.Fit(points, k, seed: 42);
            var ours = fit.Bic(n);
            output.WriteLine($"k={k}: BIC {ours:F1} vs {theirs.Bic:F1} ({(ours - theirs.Bic) / range * 100:+0.00;-0.00}% of the range), collapsed {fit.Collapsed} vs {theirs.Collapsed}, {fit.Iterations} iterations, converged {fit.Converged}");
            Assert.True(fit.Converged, $"k={k}: EM did not converge");
            if (k > 6) continue;
            Assert.Equal(theirs.Collapsed, fit.Collapsed);
            Assert.True(ours <= theirs.Bic + 0.005 * range, $"k={k}: BIC {ours:F1} is worse than scikit-learn's {theirs.Bic:F1} by more than 0.5% of its range ({range:F1})");
        }
    }

    /// <summary>
    /// With a regularisation that no component can collapse under (reg_covar 0.03, the size of our variance floor on
    /// the frequency axis), every k's BIC is scikit-learn's or better, to 0.5% of the range of its BIC over k = 2..10.
    /// The likelihood still has several optima: with five starts each, scikit-learn's is lower at k = 10 (by 2.7% of
    /// the range) and ours at k = 9 (by 16%), so this holds ours to 40 starts, the best it can reach, against
    /// scikit-learn's five.
    /// </summary>
    [Fact]
    public void With_collapse_prevented_the_bic_is_scikit_learns_at_every_k()
    {
        var table = ReadTable("gmm_regularised.md");
        var range = table.Values.Max() - table.Values.Min();
        var points = KMeansSweep.Flatten(data.Run.Features);
        var n = data.Run.Features.Length;

        foreach (var (k, theirs) in table)
        {
            var fit = GaussianMixture.Fit(points, k, seed: 42, new GaussianMixture.Options(Initialisations: 40, RegCovar: 0.03));
            var ours = fit.Bic(n);
            output.WriteLine($"k={k}: BIC {ours:F1} vs {theirs:F1} ({(ours - theirs) / range * 100:+0.00;-0.00}% of the range)");
            Assert.True(fit.Converged, $"k={k}: EM did not converge");
            Assert.True(ours <= theirs + 0.005 * range, $"k={k}: BIC {ours:F1} is worse than scikit-learn's {theirs:F1} by more than 0.5% of its range ({range:F1})");
        }
    }

    [Fact]
    public void The_floor_on_the_uci_customers_is_the_variance_of_the_gap_next_to_a_shared_value_and_no_component_goes_below_it()
    {
        var features = data.Run.Features;
        var floor = MixtureSweep.PointMassFloor(features);
        // Frequency: a third of the customers have one order; the gap to two orders is log(3/2) over the standard
        // deviation of log1p(frequency). Monetary has no shared value held by 1% of the customers.
        var sd = Math.Sqrt(data.Run.Rfm.Customers.Select(c => Math.Log(1 + c.Frequency)).Select(v => v * v).Average()
            - Math.Pow(data.Run.Rfm.Customers.Average(c => Math.Log(1 + c.Frequency)), 2));
        Assert.Equal(Math.Pow(Math.Log(1.5) / sd, 2) / 12, floor[1], 9);
        Assert.Equal(0, floor[2]);

        var sweep = MixtureSweep.Run(features, ClusteringOptions.Default with { Method = ClusteringMethod.Gmm, Restarts = 3 });
        foreach (var fit in sweep.Fits)
        {
            var mixture = fit.Mixture!;
            Assert.All(mixture.Covariances, c => Assert.All(Enumerable.Range(0, 3), j => Assert.True(c[j * 3 + j] >= floor[j])));
            Assert.Equal(1, mixture.Weights.Sum(), 9);
            // Each customer is in its most likely component, with that component's probability.
            var (labels, probabilities) = GaussianMixture.Predict(KMeansSweep.Flatten(features), mixture);
            Assert.Equal(labels, fit.Labels);
            Assert.All(fit.Probabilities!.Zip(probabilities), p => Assert.Equal(p.First, p.Second, 1e-12));
            Assert.All(fit.Probabilities!, p => Assert.InRange(p, 1.0 / fit.K, 1.0));
        }
        var bic = sweep.Metrics.Select(m => m.Bic!.Value).ToArray();
        output.WriteLine(string.Join(", ", sweep.Metrics.Select(m => $"k={m.K}: BIC {m.Bic:F0}, held at the floor {m.HeldAtFloor}")));
        // Without collapse the BIC has a minimum inside the range, instead of falling with every component added.
        var best = Array.IndexOf(bic, bic.Min());
        Assert.InRange(best, 1, bic.Length - 2);
    }

    private static Dictionary<int, double> ReadTable(string file) =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "scikit-learn", file))
            .Where(l => l.StartsWith("| ", StringComparison.Ordinal) && char.IsDigit(l[2]))
            .Select(l => l.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToDictionary(f => int.Parse(f[0], CultureInfo.InvariantCulture), f => double.Parse(f[1], CultureInfo.InvariantCulture));
}
