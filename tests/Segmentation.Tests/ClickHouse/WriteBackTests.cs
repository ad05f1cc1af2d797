using System.Globalization;
using Segmentation.App;
using Segmentation.Prepare;
using Segmentation.Prepare.Sources;
using Segmentation.Runs;
using Segmentation.Tests.WriteBack;

namespace Segmentation.Tests.ClickHouse;

/// <summary>
/// Results written back into the cluster: the table equals customer_segments.csv customer for customer; it is
/// replaced atomically with the one before kept; a writer that dies on the way leaves the table as it was; hostile
/// customer ids and table names land as text.
/// </summary>
[Collection(ClickHouseCollection.Name)]
[Trait(Tier.Name, Tier.Full)]
public sealed class WriteBackTests(ClickHouseCluster cluster)
{
    private static readonly SegmentationOptions Quick = WrittenTable.Quick;

    [Fact]
    public void The_written_table_equals_the_customer_file_and_the_one_before_is_kept()
    {
        using var folder = new TempFolder();
        var source = TransactionSource.Database(cluster.Address, ClickHouseCluster.Typed);
        var table = $"{cluster.Database}.segments";
        var publish = new PublishOptions { Folder = folder.File("run"), Reports = false, History = folder.File("history.db"), WriteBack = table };

        var first = SegmentationApp.Run(new RunRequest(source) { Options = Quick, Publish = publish });
        var second = SegmentationApp.Run(new RunRequest(source) { Options = Quick with { Clustering = Quick.Clustering with { K = 3 } }, Publish = publish });

        Assert.Equal(4_338, second.Published.WrittenBack!.Customers);
        AssertTableEqualsCsv(cluster, table, Path.Combine(second.Published.Folder, "customer_segments.csv"), second.Published.HistoryId);
        // The first run's rows, as they were, under TABLE_previous.
        AssertTableEqualsCsv(cluster, table + "_previous", Path.Combine(first.Published.MovedAside ?? second.Published.MovedAside!, "customer_segments.csv"), first.Published.HistoryId);
        Assert.Empty(ClickHouseCluster.Rows(cluster.Shards[0], $"SELECT name FROM system.tables WHERE database = '{cluster.Database}' AND name = 'segments__staging'"));
    }

    [Theory]
    [InlineData(Segmentation.Clustering.ClusteringMethod.KMeans)]
    [InlineData(Segmentation.Clustering.ClusteringMethod.Gmm)]
    [InlineData(Segmentation.Clustering.ClusteringMethod.Dbscan)]
    public void Scoring_in_the_database_equals_scoring_in_process_for_every_customer(Segmentation.Clustering.ClusteringMethod method)
    {
        using var folder = new TempFolder();
        // Fitted on the year to 2011-09-01, scored on the whole year: new customers, moved customers, all of them.
        var fit = TransactionSource.Database(cluster.Address, ClickHouseCluster.Typed);
        var options = Quick with { Prepare = Quick.Prepare with { AsOf = new DateTime(2011, 9, 1) }, Clustering = Quick.Clustering with { Method = method } };
        var run = SegmentationApp.Run(new RunRequest(fit) { Options = options, Publish = new PublishOptions { Folder = folder.File("run"), Reports = false, RecordHistory = false } });
        var model = SegmentationApp.RunModelPath(run.Published.Folder);
        var table = $"{cluster.Database}.scored_{method.ToString().ToLowerInvariant()}";

        var inProcess = SegmentationApp.Score(new ScoreRequest(fit, model) { Output = folder.File("scored.csv") });
        var inDatabase = SegmentationApp.Score(new ScoreRequest(fit, model) { Output = folder.File("not-written.csv"), WriteBack = table });

        Assert.Equal(method != Segmentation.Clustering.ClusteringMethod.Dbscan, inDatabase.WrittenBack!.ScoredInDatabase);
        Assert.Equal(inProcess.Customers.Count, inDatabase.WrittenBack.Customers);
        AssertTableEqualsCsv(cluster, table, folder.File("scored.csv"), runId: null);
        Assert.Equal(inProcess.Check.Drift, inDatabase.Check.Drift);
        Assert.Equal(inProcess.Check.Warnings, inDatabase.Check.Warnings);
        Assert.Equal(inProcess.Prepared.Quality.Customers, inDatabase.Prepared.Quality.Customers);
        if (inDatabase.WrittenBack.ScoredInDatabase)
        {
            Assert.False(File.Exists(folder.File("not-written.csv")));
            Assert.Equal(inProcess.Customers.GroupBy(c => c.Segment).Select(g => (g.Key, (long)g.Count())).OrderBy(g => g.Key, StringComparer.Ordinal),
                inDatabase.WrittenBack.Segments.Select(s => (s.Key, s.Value)).OrderBy(g => g.Key, StringComparer.Ordinal));
            // Only the totals and three distributions came back, not a row per customer.
            Assert.InRange(inDatabase.Prepared.SourceBytes!.Value, 1, 200_000);
        }
    }

    [Fact]
    public void A_writer_that_dies_on_the_way_leaves_the_table_as_it_was()
    {
        var table = $"{cluster.Database}.survivor";
        var input = cluster.Input(ClickHouseCluster.Typed);
        TableColumn[] columns = [new("CustomerID", ColumnType.Text), new("Value", ColumnType.Integer)];
        DatabaseTableWriter.Replace(input, table, columns, Enumerable.Range(0, 500).Select(i => new object?[] { $"c{i}", i }), OptionNames.WriteBack);

        Assert.ThrowsAny<Exception>(() => DatabaseTableWriter.Replace(input, table, columns, WrittenTable.RowsThatDie(), OptionNames.WriteBack));

        var rows = ClickHouseCluster.Rows(cluster.Shards[0], $"SELECT count(), sum(Value), countIf(startsWith(CustomerID, 'new')) FROM {table}");
        Assert.Equal(["500", (499 * 500 / 2).ToString(CultureInfo.InvariantCulture), "0"], rows[0]);
    }

    [Fact]
    public void Hostile_customer_ids_and_table_names_land_as_text()
    {
        const string Prefix = "x'\"`;\\ DROP TABLE t; --\t";
        var hostile = $"{cluster.Database}.hostile";
        ClickHouseCluster.Execute(cluster.Shards[0], $"CREATE TABLE {hostile} AS {cluster.Database}.{ClickHouseCluster.Typed}_local ENGINE = MergeTree() ORDER BY InvoiceDate");
        ClickHouseCluster.Execute(cluster.Shards[0], $"INSERT INTO {hostile} SELECT InvoiceNo, StockCode, Description, Quantity, InvoiceDate, UnitPrice, "
            + $"if(CustomerID = '', '', concat({Segmentation.Prepare.Engine.ClickHouseSql.Literal(Prefix)}, CustomerID)), Country FROM {cluster.Database}.{ClickHouseCluster.Typed}");
        using var folder = new TempFolder();
        var table = $"{cluster.Database}.seg ment's";
        var publish = new PublishOptions { Folder = folder.File("run"), Reports = false, RecordHistory = false, WriteBack = table };

        var outcome = SegmentationApp.Run(new RunRequest(TransactionSource.Database(cluster.Address, hostile)) { Options = Quick, Publish = publish });

        var ids = ClickHouseCluster.Rows(cluster.Shards[0], $"SELECT CustomerID FROM {cluster.Database}.`seg ment's` ORDER BY CustomerID")
            .Select(r => TsvDataReader.Unescape(r[0])).ToList();
        Assert.Equal(4_338, ids.Count);
        Assert.All(ids, id => Assert.StartsWith(Prefix, id, StringComparison.Ordinal));
        Assert.Equal(outcome.Run.Customers.Select(c => c.Rfm.CustomerId).Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        Assert.Equal("541909", ClickHouseCluster.Rows(cluster.Shards[0], $"SELECT count() FROM {cluster.Database}.{ClickHouseCluster.Typed}")[0][0]);
    }

    [Fact]
    public void A_write_back_that_fails_after_publishing_says_the_run_is_in_place()
    {
        using var folder = new TempFolder();
        var publish = new PublishOptions { Folder = folder.File("run"), Reports = false, History = folder.File("history.db"), WriteBack = "no_such_database.segments" };

        var e = Assert.Throws<InputException>(() => SegmentationApp.Run(new RunRequest(TransactionSource.Database(cluster.Address, ClickHouseCluster.Typed)) { Options = Quick, Publish = publish }));

        Assert.Contains("no_such_database", e.Message, StringComparison.Ordinal);
        Assert.Contains($"the run in {folder.File("run")} is published and recorded as run 1, the table is as it was", e.Message, StringComparison.Ordinal);
        Assert.Equal(OptionNames.WriteBack, e.Option);
        Assert.True(File.Exists(Path.Combine(folder.File("run"), "customer_segments.csv")));
    }

    [Fact]
    public void Writing_back_needs_a_database_source()
    {
        using var folder = new TempFolder();
        var publish = new PublishOptions { Folder = folder.File("run"), WriteBack = "segments" };

        var e = Assert.Throws<OptionException>(() => SegmentationApp.Run(new RunRequest(TransactionSource.File(TestPaths.RealFile("online_retail.csv.gz"))) { Publish = publish }));

        Assert.Equal(OptionNames.WriteBack, e.Option);
        Assert.False(Directory.Exists(folder.File("run")));
    }

    private static void AssertTableEqualsCsv(ClickHouseCluster cluster, string table, string csv, long? runId)
    {
        var header = WrittenTable.Header(csv);
        var rows = ClickHouseCluster.Rows(cluster.Shards[0], $"SELECT {string.Join(", ", header.Select(h => $"`{h}`"))}, RunId FROM {table}");
        WrittenTable.AssertEqualsCsv([.. rows.Select(r => r.Select(TsvDataReader.Unescape).ToArray())], csv, runId);
    }
}
