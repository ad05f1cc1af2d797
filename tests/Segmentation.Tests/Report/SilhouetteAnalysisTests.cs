using Segmentation.App;
using Segmentation.Prepare;

namespace Segmentation.Tests.Report;

public sealed class SilhouetteAnalysisTests
{
    [Fact]
    public void Each_ks_diagram_averages_to_the_sweeps_silhouette_and_holds_every_measured_customer_once()
    {
        var run = SegmentationApp.Segment(TransactionSource.Sample(new Segmentation.Prepare.Sample.SampleOptions { Customers = 800 }));

        var diagrams = SegmentationApp.Silhouettes(run);

        Assert.Equal(run.Sweep.Metrics.Select(m => m.K), diagrams.Select(d => d.K));
        foreach (var (diagram, metrics) in diagrams.Zip(run.Sweep.Metrics))
        {
            Assert.Equal(metrics.Silhouette, diagram.Mean, 9);
            Assert.Equal(run.Rfm.Count, diagram.Groups.Sum(g => g.Values.Length));
            Assert.All(diagram.Groups, g => Assert.Equal(g.Values.OrderDescending(), g.Values));
            Assert.All(diagram.Groups, g => Assert.All(g.Values, v => Assert.InRange(v, -1, 1)));
        }
        var chosen = diagrams.Single(d => d.K == run.Choice.K);
        Assert.Equal(run.Profiles.Where(p => p.Customers > 0).Select(p => p.Segment), chosen.Groups.Select(g => g.Segment));
    }
}
