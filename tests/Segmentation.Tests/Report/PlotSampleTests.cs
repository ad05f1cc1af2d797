using Segmentation.App;
using Segmentation.Prepare;
using Segmentation.Report;

namespace Segmentation.Tests.Report;

public sealed class PlotSampleTests
{
    private static readonly Lazy<Segmentation.Runs.SegmentationRun> Run = new(() =>
        SegmentationApp.Segment(TransactionSource.Sample(new Segmentation.Prepare.Sample.SampleOptions { Customers = 1500 })));

    [Fact]
    public void Up_to_the_limit_every_customer_is_drawn()
    {
        var customers = Run.Value.Customers;

        Assert.Same(customers, PlotSample.Of(customers, customers.Count, seed: 1));
    }

    [Fact]
    public void Beyond_it_a_sample_of_the_limit_in_the_customers_order_each_segment_in_proportion()
    {
        var customers = Run.Value.Customers;
        const int Most = 300;

        var sample = PlotSample.Of(customers, Most, seed: 7);

        Assert.Equal(Most, sample.Count);
        Assert.Equal(sample.Count, sample.Distinct().Count());
        var index = IndexOf(customers);
        var positions = sample.Select(c => index[c]).ToList();
        Assert.Equal(positions.Order(), positions);
        foreach (var segment in customers.GroupBy(c => c.Cluster))
        {
            var share = (double)segment.Count() * Most / customers.Count;
            Assert.InRange(sample.Count(c => c.Cluster == segment.Key), Math.Max(1, Math.Floor(share)), Math.Ceiling(share));
        }
    }

    [Fact]
    public void A_segment_too_small_for_its_share_still_has_a_point()
    {
        var customers = Run.Value.Customers;
        var smallest = customers.GroupBy(c => c.Cluster).MinBy(g => g.Count())!.Key;

        var sample = PlotSample.Of(customers, 2, seed: 3);

        Assert.Contains(sample, c => c.Cluster == smallest);
        Assert.Equal(customers.Select(c => c.Cluster).Distinct().Order(), sample.Select(c => c.Cluster).Distinct().Order());
    }

    [Fact]
    public void The_seed_decides_the_sample()
    {
        var customers = Run.Value.Customers;

        Assert.Equal(PlotSample.Of(customers, 200, seed: 11), PlotSample.Of(customers, 200, seed: 11));
        Assert.NotEqual(PlotSample.Of(customers, 200, seed: 11), PlotSample.Of(customers, 200, seed: 12));
    }

    [Fact]
    public void Every_customer_of_a_segment_is_as_likely_to_be_drawn()
    {
        // Half the customers drawn, 400 times: each as often as its segment's quota over its size says, within 5 sd of a binomial.
        var customers = Run.Value.Customers;
        var index = IndexOf(customers);
        var drawn = new int[customers.Count];
        for (var seed = 0; seed < 400; seed++)
        {
            foreach (var c in PlotSample.Of(customers, customers.Count / 2, seed)) drawn[index[c]]++;
        }

        var quota = PlotSample.Of(customers, customers.Count / 2, seed: 0).CountBy(c => c.Cluster).ToDictionary();
        var size = customers.CountBy(c => c.Cluster).ToDictionary();
        Assert.All(Enumerable.Range(0, customers.Count), i =>
        {
            var p = (double)quota[customers[i].Cluster] / size[customers[i].Cluster];
            Assert.InRange(drawn[i], 400 * p - 5 * Math.Sqrt(400 * p * (1 - p)) - 1, 400 * p + 5 * Math.Sqrt(400 * p * (1 - p)) + 1);
        });
    }

    private static Dictionary<object, int> IndexOf(IReadOnlyList<Segmentation.Clustering.Segments.CustomerSegment> customers) =>
        customers.Select((c, i) => (c, i)).ToDictionary(p => (object)p.c, p => p.i, ReferenceEqualityComparer.Instance);
}
