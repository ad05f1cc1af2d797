using System.Globalization;
using Segmentation.Tests;
using CliRunner = Segmentation.Cli.Tests.Cli;

namespace Segmentation.Web.Tests;

/// <summary>
/// The CLI's answers on the UCI file, once for the class: a run folder (its model is what the API serves) and the
/// CLI's <c>score</c> of the same file with that model.
/// </summary>
public sealed class UciRunFixture : IDisposable
{
    private readonly TempFolder _folder = new();

    public UciRunFixture()
    {
        Input = TestPaths.RealFile("online_retail.csv.gz");
        RunFolder = _folder.File("run");
        var run = CliRunner.Run("run", "--input", Input, "--out", RunFolder, "--no-report", "--no-history", "--stability-resamples", "0");
        Assert.True(run.ExitCode == 0, run.Error);
        Scored = _folder.File("scored.csv");
        var score = CliRunner.Run("score", "--input", Input, "--model", Path.Combine(RunFolder, "model.zip"), "--out", Scored);
        Assert.True(score.ExitCode == 0, score.Error);
        Rows = ReadSegments(File.ReadAllText(Scored));
    }

    public string Input { get; }
    public string RunFolder { get; }
    public string Scored { get; }

    /// <summary>customer_segments-like rows of the CLI's score: id, RFM and segment.</summary>
    public IReadOnlyList<SegmentRow> Rows { get; }

    public sealed record SegmentRow(string CustomerId, int Recency, int Frequency, decimal Monetary, int Cluster, string Segment);

    public static List<SegmentRow> ReadSegments(string csv)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        int Col(string name) => Array.IndexOf(header, name) is var i and >= 0 ? i : throw new InvalidOperationException($"no column {name} in {lines[0]}");
        int id = Col("CustomerID"), r = Col("Recency"), f = Col("Frequency"), m = Col("Monetary"), c = Col("Cluster"), s = Col("ClusterSegment");
        return lines.Skip(1).Select(l => l.Split(',')).Select(v => new SegmentRow(v[id], int.Parse(v[r], CultureInfo.InvariantCulture),
            int.Parse(v[f], CultureInfo.InvariantCulture), decimal.Parse(v[m], CultureInfo.InvariantCulture), int.Parse(v[c], CultureInfo.InvariantCulture), v[s])).ToList();
    }

    public void Dispose() => _folder.Dispose();
}
