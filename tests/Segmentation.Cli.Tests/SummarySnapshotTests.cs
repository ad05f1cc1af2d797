using Segmentation.Tests;

namespace Segmentation.Cli.Tests;

/// <summary>The console summary of a run on the UCI data, held against its approved snapshot (Approved/uci-run-summary).</summary>
[Trait(Tier.Name, Tier.Full)]
public sealed class SummarySnapshotTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_summary_of_a_run_on_the_uci_data_is_the_approved_one()
    {
        var input = TestPaths.RealFile("online_retail.csv.gz");

        var result = Cli.Run("run", "--input", input, "--out", _dir.File("uci"), "--no-report", "--no-history");

        Assert.Equal(0, result.ExitCode);
        Approvals.Verify("uci-run-summary", Scrub.Paths(result.Out, (_dir.Path, "<out>"), (TestPaths.SharedData, "<data>")));
    }
}
