using Segmentation.Tests;

namespace Segmentation.Cli.Tests;

/// <summary>--method gmm and --method dbscan through run and score: the same files as k-means, and the options checked.</summary>
[Trait(Tier.Name, Tier.Full)]
public sealed class ClusteringMethodCommandTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_gaussian_mixture_run_writes_each_customers_probability_and_score_reads_its_model()
    {
        var run = Cli.Run("run", "--sample", "--method", "gmm", "--out", _dir.File("run"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("BIC", run.Out, StringComparison.Ordinal);
        var customers = File.ReadAllLines(_dir.File("run/customer_segments.csv"));
        Assert.EndsWith(",Probability", customers[0], StringComparison.Ordinal);
        Assert.All(customers.Skip(1), line => Assert.InRange(double.Parse(line[(line.LastIndexOf(',') + 1)..], System.Globalization.CultureInfo.InvariantCulture), 0, 1));
        Assert.EndsWith(",ConfidentShare,MeanProbability", File.ReadLines(_dir.File("run/segment_profile.csv")).First(), StringComparison.Ordinal);

        var score = Cli.Run("score", "--sample", "--model", _dir.File("run/model.zip"), "--out", _dir.File("scored.csv"));

        Assert.Equal(0, score.ExitCode);
        // The same customers scored with the run's own model: the same segments and probabilities.
        Assert.Equal(customers.Select(Segment), File.ReadAllLines(_dir.File("scored.csv")).Select(Segment));
    }

    [Fact]
    public void A_dbscan_run_keeps_unclustered_customers_apart_and_draws_the_k_distance_curve()
    {
        var run = Cli.Run("run", "--sample", "--method", "dbscan", "--min-samples", "10", "--out", _dir.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Unclustered", File.ReadAllText(_dir.File("segment_profile.csv")), StringComparison.Ordinal);
        Assert.Contains("the knee of the curve", run.Out, StringComparison.Ordinal);
        Assert.Contains("farthest first", File.ReadAllText(_dir.File("report.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_methods_prints_writes_and_reports_every_methods_answer()
    {
        var run = Cli.Run("run", "--sample", "--compare-methods", "--out", _dir.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Methods compared on the same customers:", run.Out, StringComparison.Ordinal);
        using var metrics = System.Text.Json.JsonDocument.Parse(File.ReadAllText(_dir.File("metrics.json")));
        var methods = metrics.RootElement.GetProperty("methods").EnumerateArray().Select(m => m.GetProperty("method").GetString() ?? "").ToArray();
        Assert.Equal(["kmeans", "gmm", "dbscan"], methods);
        Assert.Contains("Methods compared", File.ReadAllText(_dir.File("report.html")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--k: DBSCAN finds the number of segments itself", "--method", "dbscan", "--k", "4")]
    [InlineData("--eps: applies to --method dbscan only", "--eps", "0.3")]
    [InlineData("--min-samples: must be between 2 and 100,000", "--method", "dbscan", "--min-samples", "1")]
    [InlineData("--eps: DBSCAN found no dense group at eps 0.0001", "--method", "dbscan", "--eps", "0.0001")]
    public void A_method_option_that_cannot_work_is_a_usage_error_naming_the_flag_and_writes_nothing(string message, params string[] options)
    {
        var result = Cli.Run(["run", "--sample", "--out", _dir.File("out"), .. options]);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Empty(_dir.Files());
    }

    /// <summary>Customer, segment and probability of a line of a customer file (the columns that scoring must reproduce).</summary>
    private static string Segment(string line)
    {
        var fields = line.Split(',');
        return $"{fields[0]},{fields[9]},{fields[^1]}";
    }
}
