using Segmentation.Clustering;

namespace Segmentation.Tests.Clustering;

/// <summary>The k a sweep tries: the options' range, capped at the distinct customers, which are counted only as far as it needs.</summary>
public sealed class SweepRangeTests
{
    private static double[][] Points(int rows, int distinct) =>
        [.. Enumerable.Range(0, rows).Select(i => new double[] { i % distinct, (i % distinct) * 0.5, 1 })];

    [Fact]
    public void Few_distinct_customers_cap_the_range_at_their_exact_count()
    {
        Assert.Equal([2, 3, 4], KMeansSweep.Range(Points(1_000, 4), new ClusteringOptions()));
    }

    [Fact]
    public void Many_distinct_customers_leave_the_options_range()
    {
        Assert.Equal([3, 4, 5, 6, 7], KMeansSweep.Range(Points(1_000, 900), new ClusteringOptions { KMin = 3, KMax = 7 }));
    }

    [Fact]
    public void A_forced_k_above_the_distinct_customers_names_their_exact_count()
    {
        var refused = Assert.Throws<TooFewDistinctCustomersException>(() => KMeansSweep.Range(Points(1_000, 6), new ClusteringOptions { KMax = 4, K = 8 }));
        Assert.Equal(6, refused.Distinct);
        Assert.Equal(1_000, refused.Customers);
    }

    [Fact]
    public void A_forced_k_above_the_range_counts_far_enough_to_allow_it()
    {
        Assert.Equal([2, 3, 4], KMeansSweep.Range(Points(1_000, 12), new ClusteringOptions { KMax = 4, K = 11 }));
    }
}
