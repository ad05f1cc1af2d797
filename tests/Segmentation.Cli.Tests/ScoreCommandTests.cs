using Segmentation.Tests;

namespace Segmentation.Cli.Tests;

[Trait(Tier.Name, Tier.Full)]
public sealed class ScoreCommandTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Scoring_the_training_data_with_its_model_gives_the_training_segments()
    {
        var run = _dir.File("run");
        Assert.Equal(0, Cli.Run("run", "--sample", "--out", run, "--k", "5").ExitCode);

        var scored = _dir.File("scored.csv");
        var result = Cli.Run("score", "--sample", "--model", Path.Combine(run, "model.zip"), "--out", scored);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(File.ReadAllLines(Path.Combine(run, "customer_segments.csv")), File.ReadAllLines(scored));
    }

    [Fact]
    public void Three_weeks_of_orders_scored_with_a_model_of_a_longer_period_are_scored_with_a_warning_of_the_window_and_the_drift()
    {
        var run = _dir.File("run");
        Assert.Equal(0, Cli.Run("run", "--sample", "--out", run, "--k", "4", "--no-report", "--no-history").ExitCode);
        var lines = new List<string> { "order_id,customer_id,order_date,qty,unit_price" };
        for (var c = 0; c < 150; c++)
        {
            for (var o = 0; o <= c % 3; o++) lines.Add($"{c * 10 + o},C{c},2012-03-{1 + (c + 7 * o) % 21:00} 10:00,{1 + c % 5},{2.5 + c % 7}");
        }
        var input = _dir.Write("three_weeks.csv", string.Join("\n", lines) + "\n");

        var result = Cli.Run("score", "--input", input, "--model", Path.Combine(run, "model.zip"), "--out", _dir.File("scored.csv"));

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("Window: RFM over 21 days (2012-03-01 to 2012-03-22); the model's window is ", result.Out, StringComparison.Ordinal);
        Assert.Contains("Drift from the model's customers (PSI;", result.Out, StringComparison.Ordinal);
        Assert.Contains("warning: the data covers 21 days and the model was fitted on ", result.Error, StringComparison.Ordinal);
        Assert.Contains("warning: these customers differ from the model's: Recency PSI ", result.Error, StringComparison.Ordinal);
        Assert.Equal(151, File.ReadAllLines(_dir.File("scored.csv")).Length);
    }

    [Fact]
    public void Scoring_the_training_file_says_its_window_and_finds_no_drift()
    {
        var run = _dir.File("run");
        Assert.Equal(0, Cli.Run("run", "--sample", "--out", run, "--k", "4", "--no-report", "--no-history").ExitCode);

        var result = Cli.Run("score", "--sample", "--model", Path.Combine(run, "model.zip"), "--out", _dir.File("scored.csv"));

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("recency 0.00 (stable), frequency 0.00 (stable), monetary 0.00 (stable)", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("warning:", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_whose_columns_do_not_fit_is_refused_and_nothing_is_written()
    {
        var run = _dir.File("run");
        Assert.Equal(0, Cli.Run("run", "--sample", "--out", run, "--kmax", "4").ExitCode);
        var input = _dir.Write("other.csv", "order,client,amount\n1,A,3\n");
        var scored = _dir.File("scored.csv");

        var result = Cli.Run("score", "--input", input, "--model", Path.Combine(run, "model.zip"), "--out", scored);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains($"error: {input}, row 1: cannot find the column for date; the header has 'order', 'client', 'amount'", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(scored));
    }

    [Fact]
    public void A_file_that_is_not_a_model_is_refused()
    {
        var fake = _dir.Write("model.zip", "not a zip");

        var result = Cli.Run("score", "--sample", "--model", fake, "--out", _dir.File("scored.csv"));

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("the model file is damaged or not a segmentation model", result.Error, StringComparison.Ordinal);
    }
}
