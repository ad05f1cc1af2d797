using Segmentation.Tests;

namespace Segmentation.Cli.Tests;

[Trait(Tier.Name, Tier.Full)]
public sealed class HistoryCommandTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Db => _dir.File("history.db");

    [Fact]
    public void Runs_and_refreshes_are_recorded_and_any_two_can_be_compared()
    {
        Assert.Equal(0, Cli.Run("run", "--sample", "--as-of", "2011-10-01", "--out", _dir.File("september"), "--no-report").ExitCode);
        Assert.Equal(0, Cli.Run("refresh", "--previous", _dir.File("september"), "--sample", "--out", _dir.File("december")).ExitCode);

        var list = Cli.Run("history", "list", "--db", Db);
        var compare = Cli.Run("history", "compare", "1", "2", "--db", Db);

        Assert.Equal(0, list.ExitCode);
        Assert.Matches(@"\s1\s.*run\s.*september", list.Out);
        Assert.Matches(@"\s2\s.*refresh\s.*december \(refresh of 1\)", list.Out);
        Assert.Equal(0, compare.ExitCode);
        Assert.Matches(@"customers\s+[\d,]+\s+[\d,]+\s+\*", compare.Out);
    }

    [Fact]
    public void A_second_run_into_the_same_folder_moves_the_first_aside_and_the_history_follows_it()
    {
        var folder = _dir.File("run");
        Assert.Equal(0, Cli.Run("run", "--sample", "--out", folder, "--no-report").ExitCode);
        var first = File.ReadAllBytes(Path.Combine(folder, "customer_segments.csv"));

        var second = Cli.Run("run", "--sample", "--out", folder, "--no-report", "--seed", "7");

        Assert.Equal(0, second.ExitCode);
        var aside = Assert.Single(Directory.GetDirectories(_dir.Path), d => Path.GetFileName(d).StartsWith("run.", StringComparison.Ordinal));
        Assert.Equal(first, File.ReadAllBytes(Path.Combine(aside, "customer_segments.csv")));
        Assert.Contains(aside, Cli.Run("history", "list", "--db", Db).Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_or_missing_history_is_a_clear_error_and_never_costs_a_run_folder()
    {
        File.WriteAllText(Db, "this is not a database");

        var list = Cli.Run("history", "list", "--db", Db);
        var run = Cli.Run("run", "--sample", "--out", _dir.File("run"), "--no-report");
        var missing = Cli.Run("history", "list", "--db", _dir.File("none.db"));

        Assert.Equal(ExitCodes.BadInput, list.ExitCode);
        Assert.Contains("the run history is damaged or not a history database", list.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.True(File.Exists(_dir.File("run/customer_segments.csv")), "the run folder is kept");
        Assert.Equal(ExitCodes.BadInput, missing.ExitCode);
        Assert.Contains("there is no run history here yet", missing.Error, StringComparison.Ordinal);
    }
}
