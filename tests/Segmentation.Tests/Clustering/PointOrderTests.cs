using Segmentation.Clustering;

namespace Segmentation.Tests.Clustering;

/// <summary>The space-filling order changes how fast a fit runs, never what it finds.</summary>
[Collection(RealDataCollection.Name)]
public sealed class PointOrderTests(RealDataFixture data)
{
    [Theory]
    [InlineData(2, 42)]
    [InlineData(4, 43)]
    [InlineData(7, 44)]
    [InlineData(10, 45)]
    public void A_fit_over_the_ordered_points_is_the_fit_over_the_points_in_their_own_order(int k, int seed)
    {
        var points = Segmentation.Clustering.KMeansSweep.Flatten(data.Run.Features);
        var ordered = PointOrder.Of(points);

        var mine = ordered.Fit(k, seed, 300);
        var plain = KMeans.Fit(points, k, seed, 300);

        Assert.Equal(plain.Labels, mine.Labels);
        Assert.Equal(plain.Iterations, mine.Iterations);
        Assert.Equal(plain.Inertia, mine.Inertia, plain.Inertia * 1e-12);
        Assert.All(plain.Centres.Zip(mine.Centres), c => Assert.Equal(c.First, c.Second, 1e-12));
    }

    [Fact]
    public void Fits_that_reuse_the_working_arrays_of_earlier_ones_find_what_fresh_ones_find()
    {
        // One order serves every fit of a sweep and lends them its arrays (labels, bounds, block limits) one after
        // another: nothing a fit leaves in them may reach the next, whatever its k.
        var points = Segmentation.Clustering.KMeansSweep.Flatten(data.Run.Features);
        var shared = PointOrder.Of(points);
        (int K, int Seed)[] fits = [(10, 1), (3, 2), (7, 3), (2, 4), (10, 5)];

        foreach (var (k, seed) in fits)
        {
            var reused = shared.Fit(k, seed, 300);
            var fresh = PointOrder.Of(points).Fit(k, seed, 300);
            Assert.Equal(fresh.Labels, reused.Labels);
            Assert.Equal(fresh.Centres, reused.Centres);
            Assert.Equal(fresh.Iterations, reused.Iterations);
        }
    }

    [Fact]
    public void Working_arrays_for_another_number_of_points_are_refused()
    {
        var points = Segmentation.Clustering.KMeansSweep.Flatten(data.Run.Features);
        var centres = KMeans.Seed(points, 3, new Random(1));

        var e = Assert.Throws<ArgumentException>(() => KMeans.Fit(points, null, centres, 300, new FitBuffers(points.Length / KMeans.Dim - 1)));
        Assert.Contains("lent to a fit of", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_order_is_a_permutation_that_keeps_neighbours_together()
    {
        var points = Segmentation.Clustering.KMeansSweep.Flatten(data.Run.Features);
        var ordered = PointOrder.Of(points);
        var n = data.Run.Features.Length;

        Assert.Equal(Enumerable.Range(0, n), ordered.Order.Order());
        // Consecutive points in the order are far closer than consecutive points in the file's order.
        static double MeanStep(double[] p, int n) => Enumerable.Range(1, n - 1).Average(i => Math.Sqrt(
            Math.Pow(p[i * 3] - p[(i - 1) * 3], 2) + Math.Pow(p[i * 3 + 1] - p[(i - 1) * 3 + 1], 2) + Math.Pow(p[i * 3 + 2] - p[(i - 1) * 3 + 2], 2)));
        Assert.True(MeanStep(ordered.Ordered, n) < MeanStep(points, n) / 5, $"{MeanStep(ordered.Ordered, n):F3} against {MeanStep(points, n):F3}");
    }
}
