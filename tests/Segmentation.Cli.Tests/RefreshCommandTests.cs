using Segmentation.Tests;

namespace Segmentation.Cli.Tests;

public sealed class RefreshCommandTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Refresh_writes_a_complete_run_with_migration_and_drift_and_never_overwrites_the_previous_run()
    {
        var previous = _dir.File("september");
        Assert.Equal(0, Cli.Run("run", "--sample", "--as-of", "2011-10-01", "--out", previous, "--no-report").ExitCode);
        var before = Directory.GetFiles(previous).ToDictionary(f => f, File.ReadAllBytes);

        var refreshed = _dir.File("december");
        var result = Cli.Run("refresh", "--previous", previous, "--sample", "--out", refreshed);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Drift: PSI recency", result.Out, StringComparison.Ordinal);
        Assert.Contains("Biggest movements:", result.Out, StringComparison.Ordinal);
        foreach (var name in new[] { "customer_segments.csv", "model.zip", "metrics.json", "migration.csv", "refresh.json", "report.pdf", "report.html" })
        {
            Assert.True(File.Exists(Path.Combine(refreshed, name)), name);
        }
        Assert.All(before, kv => Assert.Equal(kv.Value, File.ReadAllBytes(kv.Key)));

        var onto = Cli.Run("refresh", "--previous", previous, "--sample", "--out", previous);
        Assert.Equal(ExitCodes.BadInput, onto.ExitCode);
        Assert.Contains("would overwrite the previous run", onto.Error, StringComparison.Ordinal);
        Assert.All(before, kv => Assert.Equal(kv.Value, File.ReadAllBytes(kv.Key)));
    }

    [Fact]
    public void A_missing_previous_run_is_a_clear_error()
    {
        var result = Cli.Run("refresh", "--previous", _dir.File("nothing"), "--sample", "--out", _dir.File("out"));

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("the previous run folder does not exist", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dir.File("out")));
    }
}
