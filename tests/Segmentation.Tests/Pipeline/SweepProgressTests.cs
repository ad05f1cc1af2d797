using System.Collections.Concurrent;
using Segmentation.App;
using Segmentation.Prepare;
using Segmentation.Runs;

namespace Segmentation.Tests.Pipeline;

public sealed class SweepProgressTests
{
    private sealed class Collect : IProgress<ReadProgress>
    {
        public ConcurrentQueue<ReadProgress> Reports { get; } = new();

        public void Report(ReadProgress value) => Reports.Enqueue(value);
    }

    [Fact]
    public void The_sweep_tells_its_progress_fit_by_fit_after_the_reading()
    {
        var progress = new Collect();

        var run = SegmentationApp.Segment(TransactionSource.Sample(new Segmentation.Prepare.Sample.SampleOptions { Customers = 600 }), SegmentationOptions.Default, progress);

        var stages = progress.Reports.Where(r => r.Stage is not null).Select(r => r.Stage!).ToList();
        var fits = run.Sweep.Metrics.Count * run.Sweep.Restarts;
        Assert.Equal(fits, stages.Count(s => s.StartsWith("k-means for k = 2..10: ", StringComparison.Ordinal)));
        Assert.Contains($"k-means for k = 2..10: {fits} of {fits} fits", stages);
        Assert.Contains(stages, s => s.StartsWith("stability: ", StringComparison.Ordinal));
        // Every report of the reading comes before the sweep's first.
        var reports = progress.Reports.ToList();
        Assert.True(reports.FindLastIndex(r => r.Stage is null) < reports.FindIndex(r => r.Stage is not null));
    }
}
