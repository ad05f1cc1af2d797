using Segmentation.Clustering;

namespace Segmentation.Tests.Clustering;

public sealed class ClusterQualityTests
{
    // Two clusters on a line: {0, 1} and {10, 11}.
    private static readonly double[][] Points = [[0, 0, 0], [1, 0, 0], [10, 0, 0], [11, 0, 0]];
    private static readonly int[] Labels = [0, 0, 1, 1];
    private static readonly double[][] Centroids = [[0.5, 0, 0], [10.5, 0, 0]];

    [Fact]
    public void Silhouette_matches_the_definition_on_a_hand_computed_case()
    {
        // Point 0: a = 1, b = (10 + 11) / 2 = 10.5, s = 9.5 / 10.5; point 1: a = 1, b = (9 + 10) / 2 = 9.5, s = 8.5 / 9.5; symmetric for the others.
        var expected = (9.5 / 10.5 + 8.5 / 9.5) / 2;

        Assert.Equal(expected, ClusterQuality.Silhouette(Points, Labels, 2), 12);
    }

    [Fact]
    public void Davies_bouldin_and_calinski_harabasz_match_their_definitions()
    {
        // Scatter of each cluster 0.5, centroid distance 10: DB = (0.5 + 0.5) / 10.
        Assert.Equal(0.1, ClusterQuality.DaviesBouldin(Points, Labels, Centroids), 12);
        // Overall mean 5.5: between = 2 * 25 * 2 = 100; within = 4 * 0.25 = 1; CH = (100 / 1) / (1 / 2).
        Assert.Equal(200, ClusterQuality.CalinskiHarabasz(Points, Labels, Centroids), 9);
    }

    [Fact]
    public void The_silhouette_is_the_same_on_one_thread_or_two()
    {
        var random = new Random(3);
        var x = Enumerable.Range(0, 500).Select(_ => new[] { random.NextDouble(), random.NextDouble(), random.NextDouble() }).ToArray();
        var labels = x.Select(p => p[0] < 0.3 ? 0 : p[1] < 0.5 ? 1 : 2).ToArray();

        Assert.Equal(ClusterQuality.Silhouette(x, labels, 3, threads: 1), ClusterQuality.Silhouette(x, labels, 3, threads: 2));
    }

    [Fact]
    public void The_elbow_is_the_knee_of_the_inertia_curve_and_silhouette_moves_it_only_by_a_clear_margin()
    {
        static KMetrics M(int k, double inertia, double silhouette) => new(k, inertia, silhouette, 1, 1, 0, 0);
        // The curve drops steeply until k = 4, then flattens.
        KMetrics[] curve = [M(2, 100, 0.50), M(3, 60, 0.40), M(4, 30, 0.402), M(5, 27, 0.30), M(6, 25, 0.29)];

        Assert.Equal(4, KSelection.Elbow(curve));
        var choice = KSelection.Choose(curve);
        Assert.Equal(4, choice.K);
        Assert.Equal(2, choice.SilhouetteK);

        curve[1] = M(3, 60, 0.45);
        Assert.Equal(3, KSelection.Choose(curve).K);
        Assert.Equal(6, KSelection.Choose(curve, forced: 6).K);
        Assert.True(KSelection.Choose(curve, forced: 6).Overridden);
    }

    [Fact]
    public void The_bic_rule_takes_the_lowest_bic_and_says_when_it_is_the_edge_of_the_sweep()
    {
        static KMetrics B(int k, double bic) => new(k, 0, 0.3, 1, 100, 0, 42, Bic: bic, Aic: bic - 10 * k, HeldAtFloor: 0);
        KMetrics[] inside = [B(2, 500), B(3, 420), B(4, 400), B(5, 410)];
        KMetrics[] edge = [B(2, 500), B(3, 420), B(4, 400), B(5, 390)];

        var choice = KSelection.ChooseByBic(inside);
        Assert.Equal((4, KSource.Rule), (choice.K, choice.Source));
        Assert.DoesNotContain("largest k of the sweep", choice.Reasoning, StringComparison.Ordinal);
        Assert.Contains("largest k of the sweep", KSelection.ChooseByBic(edge).Reasoning, StringComparison.Ordinal);
        Assert.Equal((3, 4), (KSelection.ChooseByBic(inside, forced: 3).K, KSelection.ChooseByBic(inside, forced: 3).ElbowK));
    }

    [Theory]
    [InlineData(5, false)]
    [InlineData(13, true)]
    public void Dbscan_with_more_dense_groups_than_a_plan_can_use_says_so(int clusters, bool flagged)
    {
        var density = new DensitySummary(0.2, true, 10, clusters, 40, 0.2, [1.0, 0.5, 0.1]);

        var choice = KSelection.Density(new KMetrics(clusters + 1, 0, 0.1, 1, 10, 0, 42), density);

        Assert.Equal(clusters + 1, choice.K);
        Assert.Equal(flagged, choice.Reasoning.Contains("more than a campaign plan can use", StringComparison.Ordinal));
    }
}
