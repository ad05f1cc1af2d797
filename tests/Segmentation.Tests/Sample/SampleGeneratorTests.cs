using Segmentation.Prepare;
using Segmentation.Prepare.Sample;

namespace Segmentation.Tests.Sample;

public sealed class SampleGeneratorTests
{
    [Fact]
    public void The_same_seed_gives_the_same_rows_and_another_seed_other_rows()
    {
        var a = SampleGenerator.Generate(new SampleOptions { Customers = 200, Seed = 7 });
        var b = SampleGenerator.Generate(new SampleOptions { Customers = 200, Seed = 7 });
        var c = SampleGenerator.Generate(new SampleOptions { Customers = 200, Seed = 8 });

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void The_sample_has_every_kind_of_dirt_the_real_file_has()
    {
        using var stream = SampleGenerator.Open();
        var q = Preparation.Run(stream).Quality;

        Assert.True(q.RemovedBy(DropReason.MissingCustomer) > q.RowsIn / 10, "guest orders");
        Assert.True(q.RemovedBy(DropReason.Cancelled) > 0, "cancellations");
        Assert.True(q.RemovedBy(DropReason.NonPositivePrice) > 0, "free lines");
        Assert.True(q.DuplicateRowsFound > 0, "duplicates");
        Assert.True(q.Customers > 1_400, $"customers: {q.Customers}");
    }

    [Fact]
    public void The_sample_holds_distinct_behaviours_from_one_off_buyers_to_frequent_big_spenders()
    {
        var rfm = Preparation.Run(SampleGenerator.Open()).Rfm.Customers;

        var oneOff = rfm.Count(c => c.Frequency == 1) / (double)rfm.Count;
        var frequent = rfm.Where(c => c.Frequency >= 15).ToList();
        var lapsed = rfm.Count(c => c.Recency > 150 && c.Frequency >= 3);

        Assert.InRange(oneOff, 0.25, 0.6);
        Assert.NotEmpty(frequent);
        Assert.True(frequent.Average(c => c.Monetary) > 5 * rfm.Where(c => c.Frequency == 1).Average(c => c.Monetary));
        Assert.True(lapsed > 50, $"lapsed regulars: {lapsed}");
        Assert.True(rfm.Count(c => c.Recency < 30) > 100);
    }
}
