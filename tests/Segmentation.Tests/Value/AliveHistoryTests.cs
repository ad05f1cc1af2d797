using Segmentation.App;
using Segmentation.Prepare;
using Segmentation.Prepare.Sample;
using Segmentation.Runs;

namespace Segmentation.Tests.Value;

/// <summary>A customer's P(alive) over their history, from the purchase days a run kept (the web app's) or from its source read again (the notebook's).</summary>
public sealed class AliveHistoryTests
{
    [Fact]
    public void A_runs_kept_purchase_days_give_the_history_that_reading_the_source_again_gives()
    {
        var source = TransactionSource.Sample(SampleOptions.Default with { Customers = 300, Seed = 4 });
        var run = SegmentationApp.WithValue(SegmentationApp.Segment(source, SegmentationOptions.Default with { ValueReady = true }));
        var value = run.Value!;
        // A customer who bought on several days, so the line rises more than once.
        var id = value.Summary.Customers.First(c => c.Frequency >= 3).CustomerId;
        var kept = SegmentationApp.AliveHistory(run, id)!;
        var read = SegmentationApp.AliveHistory(source, value, id);
        Assert.Equal(read, kept);
        Assert.True(kept.Count(h => h.Purchased) >= 4);
        Assert.Equal(value.Customers.Single(c => c.CustomerId == id).ProbabilityAlive, kept[^1].Alive, 12);
        Assert.Null(SegmentationApp.AliveHistory(run, "no such customer"));
        Assert.Null(SegmentationApp.AliveHistory(SegmentationApp.Segment(source), id));
    }
}
