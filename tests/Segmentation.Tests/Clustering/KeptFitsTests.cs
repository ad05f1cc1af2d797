using Segmentation.Clustering;

namespace Segmentation.Tests.Clustering;

public sealed class KeptFitsTests
{
    private static KMeans.Result Fit(double inertia, int points = 3) => new([0, 0, 0], new int[points], inertia, 1);

    [Fact]
    public void The_kept_restart_is_the_first_of_those_within_rounding_of_the_lowest_in_any_order_of_finishing()
    {
        // Restart 3 reaches the lowest inertia; restart 1 the same partition but for rounding; 0 and 2 worse.
        var inertias = new[] { 10.0, 5.0 * (1 + 1e-12), 7.0, 5.0 };
        var orders = new[] { new[] { 0, 1, 2, 3 }, [3, 2, 1, 0], [2, 3, 0, 1], [1, 0, 3, 2] };
        foreach (var order in orders)
        {
            var kept = new KeptFits(3);
            foreach (var restart in order) kept.Offer(4, restart, Fit(inertias[restart]));
            Assert.Equal(1, kept.Best(4).Restart);
        }
    }

    [Fact]
    public void A_partition_beyond_rounding_of_the_lowest_is_not_kept_even_if_it_came_first()
    {
        var kept = new KeptFits(3);
        kept.Offer(2, 0, Fit(5.0 * (1 + 1e-6)));
        kept.Offer(2, 1, Fit(5.0));
        kept.Offer(3, 0, Fit(1.0));
        Assert.Equal(1, kept.Best(2).Restart);
        Assert.Equal(0, kept.Best(3).Restart);
    }

    [Fact]
    public void A_fit_that_can_no_longer_be_kept_gives_its_labels_to_the_next_fit()
    {
        var kept = new KeptFits(5);
        var first = kept.Labels();
        var second = kept.Labels();
        Assert.NotSame(first, second);
        kept.Offer(2, 0, new KMeans.Result([0, 0, 0], first, 9.0, 1));
        kept.Offer(2, 1, new KMeans.Result([0, 0, 0], second, 3.0, 1));
        // The first is worse than the second by far: its array is free again, the kept one's is not.
        Assert.Same(first, kept.Labels());
        Assert.Equal(5, kept.Labels().Length);
        Assert.Same(second, kept.Best(2).Result.Labels);
    }
}
