using Segmentation.Clustering;
using Segmentation.Clustering.Segments;
using Segmentation.Formatting;
using Segmentation.Runs;

namespace Segmentation.Tests.Segments;

/// <summary>No label says what the figures beside it deny: descriptions, names and each customer's flags.</summary>
[Collection(RealDataCollection.Name)]
[Trait(Tier.Name, Tier.Full)]
public sealed class LabelsAgreeWithFiguresTests(RealDataFixture data)
{
    public static TheoryData<int> Ks() => [2, 3, 4, 5, 6, 7, 8, 9, 10];

    [Theory]
    [MemberData(nameof(Ks))]
    public void Every_description_on_the_uci_data_states_its_own_means_on_the_side_of_the_average_they_are(int k)
    {
        var run = SegmentationPipeline.Segment(data.Csv, SegmentationOptions.Default with { Clustering = ClusteringOptions.Default with { K = k, KMin = k, KMax = k, StabilityResamples = 0 } });
        var all = run.Customers;
        double Mean(Func<CustomerSegment, double> f) => all.Average(f);
        var (r, f, m) = (Mean(c => c.Rfm.Recency), Mean(c => c.Rfm.Frequency), Mean(c => (double)c.Rfm.Monetary));

        foreach (var p in run.Profiles)
        {
            var text = p.Description;
            Assert.Contains($"({Display.Number(p.MeanRecency, 0)} days against {Display.Number(r, 0)})", text, StringComparison.Ordinal);
            Assert.Contains($"({Display.Number(p.MeanFrequency, 1)} orders against {Display.Number(f, 1)})", text, StringComparison.Ordinal);
            Assert.Contains($"({Display.Number(p.MeanMonetary, 0)} against {Display.Number(m, 0)})", text, StringComparison.Ordinal);
            Assert.Contains(Words(p.MeanRecency, r, "bought more recently", "last bought longer ago", "bought about as recently"), text, StringComparison.Ordinal);
            Assert.Contains(Words(p.MeanFrequency, f, "order less often", "order more often", "order about as often"), text, StringComparison.Ordinal);
            Assert.Contains(Words(p.MeanMonetary, m, "spend less", "spend more", "spend about as much"), text, StringComparison.Ordinal);
            Assert.DoesNotContain("above", text, StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>The words for a figure below, above or within 5% of the overall mean.</summary>
    private static string Words(double value, double overall, string below, string above, string about) =>
        Math.Abs(value - overall) <= 0.05 * overall ? about : value < overall ? below : above;

    [Fact]
    public void A_customer_absent_a_year_among_champions_is_flagged_and_every_flag_is_beyond_the_quartile()
    {
        var run = data.Run;
        var recency = run.Customers.Select(c => (double)c.Rfm.Recency).Order().ToArray();
        var (q1, q3) = (Numerics.Statistics.Quantile(recency, 0.25), Numerics.Statistics.Quantile(recency, 0.75));
        var recentNames = SegmentCatalogue.All.Where(d => d.Recent >= 0.5).Select(d => d.Name).ToHashSet();
        var longAgoNames = SegmentCatalogue.All.Where(d => d.Recent <= -0.5).Select(d => d.Name).ToHashSet();

        var c17850 = run.Customers.Single(c => c.Rfm.CustomerId == "17850");
        Assert.Equal(372, c17850.Rfm.Recency);
        Assert.Equal(SegmentCatalogue.Champions, c17850.Segment);
        Assert.True(c17850.RecencyContradictsName);
        foreach (var c in run.Customers)
        {
            var expected = (recentNames.Contains(c.Segment) && c.Rfm.Recency > q3) || (longAgoNames.Contains(c.Segment) && c.Rfm.Recency < q1);
            Assert.Equal(expected, c.RecencyContradictsName);
        }
        Assert.Equal(run.Customers.Count(c => c.RecencyContradictsName), run.Profiles.Sum(p => p.RecencyContradictsName));
    }

    [Fact]
    public void Borderline_customers_are_those_almost_as_near_a_second_centre_and_the_distance_is_to_their_own()
    {
        var run = data.Run;
        var centroids = run.Model.Centroids;
        for (var i = 0; i < run.Customers.Count; i++)
        {
            var c = run.Customers[i];
            var distances = centroids.Select(z => Math.Sqrt(Distances.Squared(run.Features[i], z))).ToArray();
            Assert.Equal(distances[c.Cluster], c.DistanceToCentre, 9);
            var second = distances.Where((_, j) => j != c.Cluster).Min();
            Assert.Equal(second - distances[c.Cluster] < 0.1 * second, c.Borderline);
        }
        var share = run.Customers.Count(c => c.Borderline) / (double)run.Customers.Count;
        Assert.InRange(share, 0.01, 0.5);
    }
}
