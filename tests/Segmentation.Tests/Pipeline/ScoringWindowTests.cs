using DuckDB.NET.Data;
using Segmentation.App;
using Segmentation.Prepare;
using Segmentation.Runs;

namespace Segmentation.Tests.Pipeline;

/// <summary>Scoring measures new customers over the model's window and says when they are not comparable.</summary>
[Trait(Tier.Name, Tier.Full)]
public sealed class ScoringWindowTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private static SegmentationOptions KFour(PrepareOptions prepare) => SegmentationOptions.Default with
    {
        Prepare = prepare,
        Clustering = Segmentation.Clustering.ClusteringOptions.Default with { K = 4, KMin = 4, KMax = 4, StabilityResamples = 0 },
    };

    /// <summary>The UCI rows on or after <paramref name="from"/>, every value as written.</summary>
    private string Rows(DateTime from)
    {
        var path = _dir.File($"from-{from:yyyyMMdd}.csv");
        using var duck = new DuckDBConnection("DataSource=:memory:");
        duck.Open();
        using var command = duck.CreateCommand();
        command.CommandText = "COPY (SELECT * FROM read_csv($source, all_varchar = true, header = true) WHERE InvoiceDate >= $from) TO '" + path.Replace("'", "''", StringComparison.Ordinal) + "' (HEADER)";
        command.Parameters.Add(new DuckDBParameter("source", TestPaths.RealFile("online_retail.csv.gz")));
        command.Parameters.Add(new DuckDBParameter("from", from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        command.ExecuteNonQuery();
        return path;
    }

    [Fact]
    public void A_model_records_its_window_and_a_longer_file_is_scored_over_that_window_giving_the_training_rfm_and_segments()
    {
        var since = new DateTime(2011, 6, 10);
        var training = SegmentationApp.Segment(TransactionSource.File(TestPaths.RealFile("online_retail.csv.gz")), KFour(PrepareOptions.Default with { Since = since }));
        var window = training.Model.Training!;
        Assert.Equal((new DateTime(2011, 12, 10) - since).Days, window.WindowDays);
        Assert.Equal(training.Rfm.Count, window.Customers);

        var scored = SegmentationApp.Score(training.Model, TransactionSource.File(TestPaths.RealFile("online_retail.csv.gz")));

        Assert.True(scored.Check.Narrowed);
        Assert.Equal(since, scored.Check.From);
        Assert.Equal(374, scored.Check.DataDays);
        Assert.Empty(scored.Check.Warnings);
        Assert.All(scored.Check.Drift, d => Assert.Equal(0, d.Psi, 12));
        Assert.Equal(training.Customers.Select(c => (c.Rfm, c.Cluster)), scored.Customers.Select(c => (c.Rfm, c.Cluster)));
        Assert.Contains(scored.Prepared.Quality.Removed, r => r.Rule == "before_window" && r.Rows > 100_000);

        var whole = SegmentationApp.Score(training.Model, TransactionSource.File(TestPaths.RealFile("online_retail.csv.gz")), wholeFile: true);
        Assert.False(whole.Check.Narrowed);
        Assert.Equal(4338, whole.Customers.Count);
    }

    [Fact]
    public void Thirty_nine_days_scored_with_a_year_long_model_warn_of_the_short_window_and_of_the_drift()
    {
        var model = SegmentationApp.Segment(TransactionSource.File(TestPaths.RealFile("online_retail.csv.gz")), KFour(PrepareOptions.Default)).Model;

        var scored = SegmentationApp.Score(model, TransactionSource.File(Rows(new DateTime(2011, 11, 1))));

        Assert.Equal(39, scored.Check.DataDays);
        Assert.Equal(374, scored.Check.ModelWindowDays);
        Assert.False(scored.Check.Narrowed);
        Assert.Contains(scored.Check.Warnings, w => w.StartsWith("the data covers 39 days and the model was fitted on 374", StringComparison.Ordinal));
        var recency = scored.Check.Drift.Single(d => d.Feature == "Recency");
        Assert.True(recency.Misleads, $"recency PSI {recency.Psi}");
        Assert.Contains(scored.Check.Warnings, w => w.Contains("Recency PSI", StringComparison.Ordinal));
        // What the warnings are about: most of these customers land in one segment that looks recent.
        Assert.True(scored.Customers.GroupBy(c => c.Segment).Max(g => g.Count()) > 0.8 * scored.Customers.Count);
    }
}
