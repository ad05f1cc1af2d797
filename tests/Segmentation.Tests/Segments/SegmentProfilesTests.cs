using Segmentation.App;
using Segmentation.Clustering;
using Segmentation.Clustering.Segments;
using Segmentation.Lifetime;
using Segmentation.Prepare;
using Segmentation.Runs;

namespace Segmentation.Tests.Segments;

/// <summary>
/// Each segment's profile says what its customers' own rows say: the profiles are gathered in one pass over the
/// customers, and each figure here is taken again from that segment's rows alone.
/// </summary>
public sealed class SegmentProfilesTests
{
    [Fact]
    public void Every_figure_of_a_profile_is_its_customers_own()
    {
        // A mixture gives each customer a probability, and the value stage a lifetime value: every figure is filled.
        var options = SegmentationOptions.Default with
        {
            Clustering = ClusteringOptions.Default with { Method = ClusteringMethod.Gmm, K = 4 },
            Clv = ClvOptions.Default,
        };
        var run = SegmentationApp.Segment(TransactionSource.Sample(), options);
        var allValue = run.Customers.Sum(c => c.Value!.Clv);
        var revenue = run.Customers.Sum(c => c.Rfm.Monetary);

        Assert.Equal(4, run.Profiles.Count);
        Assert.Equal(run.Customers.Count, run.Profiles.Sum(p => p.Customers));
        foreach (var p in run.Profiles)
        {
            var members = run.Customers.Where(c => c.Cluster == p.Cluster).ToList();
            Assert.NotEmpty(members);
            Assert.Equal(members.Count, p.Customers);
            Assert.Equal(members.Count / (double)run.Customers.Count, p.Share, 1e-12);
            Assert.Equal(members.Average(c => (double)c.Rfm.Recency), p.MeanRecency, 1e-9);
            Assert.Equal(members.Average(c => (double)c.Rfm.Frequency), p.MeanFrequency, 1e-9);
            Assert.Equal(members.Average(c => (double)c.Rfm.Monetary), p.MeanMonetary, 1e-9);
            Assert.Equal(Median(members.Select(c => (double)c.Rfm.Recency)), p.MedianRecency);
            Assert.Equal(Median(members.Select(c => (double)c.Rfm.Frequency)), p.MedianFrequency);
            Assert.Equal(Median(members.Select(c => (double)c.Rfm.Monetary)), p.MedianMonetary);
            Assert.Equal(members.Sum(c => c.Rfm.Monetary), p.Revenue);
            Assert.Equal((double)(members.Sum(c => c.Rfm.Monetary) / revenue), p.RevenueShare, 1e-12);
            Assert.Equal(members.Average(c => c.Probability!.Value), p.MeanProbability!.Value, 1e-12);
            Assert.Equal(members.Count(c => c.Probability >= SegmentProfile.ConfidentProbability) / (double)members.Count, p.ConfidentShare!.Value, 1e-12);
            Assert.Equal(members.Average(c => c.Value!.Clv), p.MeanClv!.Value, 1e-6);
            Assert.Equal(members.Sum(c => c.Value!.Clv) / allValue, p.ClvShare!.Value, 1e-12);
            Assert.Equal(members.Count(c => c.Value!.AtRiskOfLeaving), p.AtRisk);
            Assert.Equal(members.Count(c => c.Borderline), p.Borderline);
            Assert.Equal(members.Count(c => c.RecencyContradictsName), p.RecencyContradictsName);
            var countries = members.GroupBy(c => c.Rfm.Country ?? "(unknown)")
                .Select(g => new CountryCount(g.Key, g.Count()))
                .OrderByDescending(c => c.Customers).ThenBy(c => c.Country, StringComparer.Ordinal).Take(3);
            Assert.Equal(countries, p.TopCountries);
        }
    }

    [Fact]
    public void A_segment_without_customers_has_no_means_and_no_countries()
    {
        var run = SegmentationApp.Segment(TransactionSource.Sample(), SegmentationOptions.Default with
        {
            Clustering = ClusteringOptions.Default with { K = 3, StabilityResamples = 0 },
        });
        var names = run.Model.Segments.Append(SegmentCatalogue.Unclustered).ToArray();
        var centroids = run.Profiles.Select(p => p.Centroid).Append([double.NaN, double.NaN, double.NaN]).ToArray();

        var empty = SegmentBuilder.Profiles(run.Customers, names, centroids)[^1];

        Assert.Equal(0, empty.Customers);
        Assert.True(double.IsNaN(empty.MeanRecency) && double.IsNaN(empty.MedianMonetary));
        Assert.Empty(empty.TopCountries);
        Assert.Null(empty.MeanProbability);
        Assert.Null(empty.MeanClv);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
