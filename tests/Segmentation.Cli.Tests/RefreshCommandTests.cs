using Segmentation.Tests;

namespace Segmentation.Cli.Tests;

[Trait(Tier.Name, Tier.Full)]
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
        Assert.Contains("Drift: Population stability of recency", result.Out, StringComparison.Ordinal);
        Assert.Contains("Biggest movements:", result.Out, StringComparison.Ordinal);
        foreach (var name in new[] { "customer_segments.csv", "model.zip", "metrics.json", "migration.csv", "refresh.json", "report.pdf", "report.html" })
        {
            Assert.True(File.Exists(Path.Combine(refreshed, name)), name);
        }
        Assert.All(before, kv => Assert.Equal(kv.Value, File.ReadAllBytes(kv.Key)));

        var onto = Cli.Run("refresh", "--previous", previous, "--sample", "--out", previous);
        Assert.Equal(ExitCodes.Usage, onto.ExitCode);
        Assert.StartsWith("error: --out: ", onto.Error, StringComparison.Ordinal);
        Assert.Contains("would overwrite the previous run", onto.Error, StringComparison.Ordinal);
        Assert.All(before, kv => Assert.Equal(kv.Value, File.ReadAllBytes(kv.Key)));
    }

    [Fact]
    public void Score_only_writes_the_complete_set_of_a_run_with_the_previous_models_segments_and_a_history_row()
    {
        var previous = _dir.File("september");
        Assert.Equal(0, Cli.Run("run", "--sample", "--as-of", "2011-10-01", "--out", previous).ExitCode);
        var fitted = File.ReadAllLines(Path.Combine(previous, "segment_profile.csv")).Skip(1).Select(l => string.Join(',', l.Split(',').Take(2))).ToArray();

        var refreshed = _dir.File("december");
        var result = Cli.Run("refresh", "--previous", previous, "--sample", "--out", refreshed, "--score-only");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["customer_segments.csv", "data_quality.json", "metrics.json", "migration.csv", "model.zip", "refresh.json", "report.html", "report.pdf", "rfm.csv", "segment_profile.csv"],
            Directory.GetFiles(refreshed).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        // The previous model's ids and names, in the same order, with this period's own sizes.
        Assert.Equal(fitted, File.ReadAllLines(Path.Combine(refreshed, "segment_profile.csv")).Skip(1).Select(l => string.Join(',', l.Split(',').Take(2))));
        Assert.NotEqual(File.ReadAllText(Path.Combine(previous, "rfm.csv")), File.ReadAllText(Path.Combine(refreshed, "rfm.csv")));
        var metrics = File.ReadAllText(Path.Combine(refreshed, "metrics.json"));
        Assert.Contains("\"mode\": \"scored\"", metrics, StringComparison.Ordinal);
        Assert.Contains("\"source\": \"previous_run\"", metrics, StringComparison.Ordinal);
        Assert.Matches(@"Recorded as run 2 in ", result.Out);
        var history = Cli.Run("history", "list", "--db", _dir.File("history.db"));
        Assert.Contains("refresh", history.Out, StringComparison.Ordinal);
        Assert.Contains("(refresh of 1)", history.Out, StringComparison.Ordinal);

        // The scored folder is a complete run: it can be the previous run of the next refresh.
        Assert.Equal(0, Cli.Run("refresh", "--previous", refreshed, "--sample", "--out", _dir.File("next"), "--no-report").ExitCode);
    }

    [Fact]
    public void A_period_too_small_for_the_kept_k_says_so_without_naming_a_flag_the_user_never_gave()
    {
        var previous = _dir.File("september");
        Assert.Equal(0, Cli.Run("run", "--sample", "--out", previous, "--no-report", "--no-history").ExitCode);
        var k = File.ReadAllLines(Path.Combine(previous, "segment_profile.csv")).Length - 1;
        // k customers with different orders: enough to segment, one too few to keep k segments.
        var rows = Enumerable.Range(1, k).Select(i => $"{536365 + i},A,X,{i},2011-0{1 + i % 9}-1{i % 9} 10:00:00,{i}.5,{17850 + i},United Kingdom");
        var small = _dir.File("small.csv");
        File.WriteAllText(small, "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n" + string.Join("\n", rows) + "\n");

        var result = Cli.Run("refresh", "--previous", previous, "--input", small, "--out", _dir.File("december"));

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains($"too few to keep the previous run's {k} segments", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("--k", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dir.File("december")));
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
