using Segmentation.Tests;

namespace Segmentation.Cli.Tests;

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
