using System.Globalization;
using Segmentation.Prepare;

namespace Segmentation.Tests.ClickHouse;

/// <summary>
/// The UCI rows in a two-shard Distributed table, prepared on the cluster: the CSV's account, RFM and sales summary
/// (and so the oracle's RFM for every customer), typed or text columns, under the cleaning options ClickHouse
/// supports; the aggregation seen on the second shard; only per-customer rows in our process.
/// </summary>
[Collection(ClickHouseCollection.Name)]
[Trait(Tier.Name, Tier.Full)]
public sealed class ClickHouseSourceTests(ClickHouseCluster cluster, RealDataFixture data)
{
    [Theory]
    [InlineData(ClickHouseCluster.Typed)]
    [InlineData(ClickHouseCluster.Text)]
    public void A_distributed_table_gives_the_csvs_account_and_the_reference_rfm(string table)
    {
        var prepared = Preparation.Run(cluster.Input(table));

        AssertSameAccount(data.Csv.Quality, prepared.Quality);
        Assert.Equal(data.Csv.Rfm.Snapshot, prepared.Rfm.Snapshot);
        Assert.Equal(data.Csv.Rfm.Customers, prepared.Rfm.Customers);
        Assert.Equal(data.Csv.Sales.Months, prepared.Sales.Months);
        Assert.Equal(data.Csv.Sales.Countries, prepared.Sales.Countries);
        Assert.Equal(data.Csv.Sales.TopProducts, prepared.Sales.TopProducts);
        var ours = prepared.Rfm.Customers.ToDictionary(c => c.CustomerId);
        Assert.Equal(4_338, data.Reference.Count);
        Assert.Equal(data.Reference.Count, ours.Count);
        Assert.All(data.Reference, r =>
            Assert.Equal((r.RecencyDays, r.Frequency, r.Lines, r.Monetary), (ours[r.CustomerId].Recency, ours[r.CustomerId].Frequency, ours[r.CustomerId].Lines, Math.Round(ours[r.CustomerId].Monetary, 2))));
        Assert.Equal(["prepare"], prepared.Timings.Select(t => t.Stage));
        // Rows per customer, month, country and product came back, not 541,909 transactions (about 50 MB as text).
        Assert.InRange(prepared.SourceBytes!.Value, 100_000, 5_000_000);
    }

    [Fact]
    public void The_second_shard_aggregates_its_own_rows()
    {
        var second = cluster.Shards[1];
        // Type 2 is a finished query (18.16 and current servers); a shard's part of a distributed query is not initial.
        var folds = $"FROM system.query_log WHERE type = 2 AND is_initial_query = 0 AND position(query, 'c_copies') > 0 AND position(query, '{cluster.Database}') > 0";
        ClickHouseCluster.Execute(second, "SYSTEM FLUSH LOGS");
        var before = ClickHouseCluster.Rows(second, $"SELECT query_id {folds}").Select(r => r[0]).ToHashSet(StringComparer.Ordinal);

        Preparation.Run(cluster.Input(ClickHouseCluster.Typed));

        ClickHouseCluster.Execute(second, "SYSTEM FLUSH LOGS");
        // The new fold is told apart by its id: the log's times have whole seconds, and an earlier test's fold can
        // finish in the same second.
        var latest = Assert.Single(ClickHouseCluster.Rows(second, $"SELECT query_id, read_rows, result_rows, query {folds}"), r => !before.Contains(r[0]))[1..];
        // The second shard aggregated its own rows, every one of them, and sent back its partial rows per customer,
        // month, country and product: far fewer.
        var local = Count(second, $"SELECT count() FROM {cluster.Database}.{ClickHouseCluster.Typed}_local");
        Assert.InRange(local, 100_000, 441_909);
        Assert.Equal(local, long.Parse(latest[0], CultureInfo.InvariantCulture));
        Assert.InRange(long.Parse(latest[1], CultureInfo.InvariantCulture), 1, local / 10);
        Assert.Contains("GROUP BY", latest[2], StringComparison.Ordinal);
        Assert.Contains($"{ClickHouseCluster.Typed}_local", latest[2], StringComparison.Ordinal);
    }

    [Fact]
    public void A_runs_preparation_totals_no_products_on_the_cluster_and_everything_else_as_a_full_one()
    {
        var full = Preparation.Run(cluster.Input(ClickHouseCluster.Typed));
        var run = Preparation.Run(cluster.Input(ClickHouseCluster.Typed), Segmentation.Runs.SegmentationOptions.Default.Preparation);

        Assert.NotEmpty(full.Sales.TopProducts);
        Assert.Empty(run.Sales.TopProducts);
        Assert.Equal(full.Sales.Months, run.Sales.Months);
        Assert.Equal(full.Sales.Countries, run.Sales.Countries);
        Assert.Equal(full.Rfm.Customers, run.Rfm.Customers);
        AssertSameAccount(full.Quality, run.Quality);
        // No row per product travelled (about 4,000 of them on the UCI data).
        Assert.True(run.SourceBytes < full.SourceBytes, $"{run.SourceBytes} bytes against {full.SourceBytes}");
    }

    private static long Count(Uri shard, string sql) => long.Parse(ClickHouseCluster.Rows(shard, sql)[0][0], CultureInfo.InvariantCulture);

    public static TheoryData<string> OptionSets => ["drop duplicates", "keep everything", "as of 2011-09-01", "window and no fees", "purchase days"];

    [Theory]
    [MemberData(nameof(OptionSets))]
    public void Every_cleaning_option_gives_the_files_account(string optionSet)
    {
        var options = optionSet switch
        {
            "drop duplicates" => PrepareOptions.Default with { Cleaning = CleaningOptions.Default with { DropDuplicates = true } },
            "keep everything" => PrepareOptions.Default with
            {
                Cleaning = CleaningOptions.Default with { DropCancelled = false, DropNonPositiveQuantity = false, DropNonPositivePrice = false },
            },
            "as of 2011-09-01" => PrepareOptions.Default with { AsOf = new DateTime(2011, 9, 1) },
            "window and no fees" => PrepareOptions.Default with
            {
                AsOf = new DateTime(2011, 9, 1),
                Since = new DateTime(2011, 3, 1),
                Cleaning = CleaningOptions.Default with { ExcludedProducts = CleaningOptions.OnlineRetailNonProducts, DropDuplicates = true },
            },
            _ => PrepareOptions.Default with { PurchaseDays = true },
        };

        var file = Preparation.Run(TestPaths.RealFile("online_retail.csv.gz"), options);
        var clickHouse = Preparation.Run(cluster.Input(ClickHouseCluster.Text), options);

        AssertSameAccount(file.Quality, clickHouse.Quality);
        Assert.Equal(file.Rfm.Snapshot, clickHouse.Rfm.Snapshot);
        Assert.Equal(file.Rfm.Customers, clickHouse.Rfm.Customers);
        Assert.Equal(file.Sales.Months, clickHouse.Sales.Months);
        Assert.Equal(file.Sales.TopProducts, clickHouse.Sales.TopProducts);
        // The BTYD summary's input: every customer's purchase days and their values.
        Assert.Equal(file.PurchaseDays, clickHouse.PurchaseDays);
        if (optionSet == "purchase days") Assert.InRange(clickHouse.PurchaseDays.Count, 10_000, 30_000);
        else Assert.NotEqual(data.Csv.Quality.Removed, clickHouse.Quality.Removed);
    }

    [Fact]
    public void Netting_cancellations_is_refused_with_the_reason()
    {
        var options = PrepareOptions.Default with { Cleaning = CleaningOptions.Default with { NetCancellations = true } };

        var e = Assert.Throws<OptionException>(() => Preparation.Run(cluster.Input(ClickHouseCluster.Typed), options));

        Assert.Equal(OptionNames.NetCancellations, e.Option);
        Assert.Contains("window functions", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_query_is_pushed_down_like_a_table()
    {
        var prepared = Preparation.Run(cluster.Query($"SELECT * FROM {cluster.Database}.{ClickHouseCluster.Typed} WHERE Country = 'France';"));

        Assert.Equal(data.Csv.Rfm.Customers.Where(c => c.Country == "France").Select(c => c.CustomerId),
            prepared.Rfm.Customers.Where(c => c.Country == "France").Select(c => c.CustomerId));
        Assert.Equal(["prepare"], prepared.Timings.Select(t => t.Stage));
    }

    [Theory]
    [InlineData("abc", "UnitPrice")]
    [InlineData("2011-02-30 10:00:00", "InvoiceDate")]
    public void A_bad_value_is_named_by_its_row_and_column(string value, string column)
    {
        // A Log table keeps the order rows were written in: row 1,234 is the bad one.
        var table = $"{cluster.Database}.bad_{column.ToLowerInvariant()}";
        var shard = cluster.Shards[0];
        var columns = "InvoiceNo, StockCode, Description, Quantity, InvoiceDate, UnitPrice, CustomerID, Country";
        ClickHouseCluster.Execute(shard, $"CREATE TABLE {table} AS {cluster.Database}.{ClickHouseCluster.Text}_local ENGINE = Log");
        var rows = ClickHouseCluster.Rows(shard, $"SELECT {columns} FROM {cluster.Database}.{ClickHouseCluster.Text}_local LIMIT 2000");
        var index = Array.IndexOf(columns.Split(", "), column);
        rows[1233][index] = value;
        ClickHouseCluster.Insert(shard, table, rows);
        var input = Segmentation.Prepare.Sources.DatabaseInput.Parse(cluster.Address, table, null);

        var e = Assert.Throws<InputException>(() => Preparation.Run(input));

        Assert.Equal((1234L, column), (e.Row, e.Column));
        Assert.StartsWith($"ClickHouse table {table}, row 1234, column '{column}': ", e.Message, StringComparison.Ordinal);
        var skipped = Preparation.Run(input, PrepareOptions.Default with { Ingest = Segmentation.Prepare.Sources.IngestOptions.Default with { SkipBadRows = true } });
        Assert.Equal(2000, skipped.Quality.RowsIn);
        Assert.Equal(1, skipped.Quality.RemovedBy(DropReason.Unparseable));
    }

    [Fact]
    public void A_table_name_cannot_break_out_of_its_quotes()
    {
        var hostile = $"{ClickHouseCluster.Typed}`; DROP TABLE {cluster.Database}.{ClickHouseCluster.Typed}; --";

        var e = Assert.Throws<InputException>(() => Preparation.Run(cluster.Input(hostile)));

        Assert.Contains("doesn't exist", e.Message, StringComparison.Ordinal);
        Assert.Equal(OptionNames.Table, e.Option);
        Assert.Equal(541_909, Preparation.Run(cluster.Input(ClickHouseCluster.Typed)).Quality.RowsIn);
    }

    [Fact]
    public void A_shard_that_is_down_is_a_clear_error_naming_it()
    {
        var shard = cluster.Shards[0];
        var table = $"{cluster.Database}.sales_half_down";
        ClickHouseCluster.Execute(shard, $"CREATE TABLE {table} AS {cluster.Database}.{ClickHouseCluster.Typed}_local ENGINE = Distributed(segmentation_broken, {cluster.Database}, {ClickHouseCluster.Typed}_local, cityHash64(ifNull(CustomerID, '')))");
        var dead = ClickHouseCluster.Rows(shard, "SELECT port FROM system.clusters WHERE cluster = 'segmentation_broken' AND shard_num = 2")[0][0];

        var e = Assert.Throws<InputException>(() => Preparation.Run(Segmentation.Prepare.Sources.DatabaseInput.Parse(cluster.Address, table, null)));

        Assert.StartsWith($"ClickHouse table {table}: the query cannot be run (code ", e.Message, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{dead}", e.Message, StringComparison.Ordinal);

        // A run against it writes nothing: no run folder, no history, no table written back.
        using var folder = new TempFolder();
        var publish = new Segmentation.App.PublishOptions { Folder = folder.File("run"), History = folder.File("history.db"), WriteBack = $"{cluster.Database}.half_down_segments" };
        var run = Assert.Throws<InputException>(() => Segmentation.App.SegmentationApp.Run(new Segmentation.App.RunRequest(TransactionSource.Database(cluster.Address, table)) { Publish = publish }));
        Assert.Contains($"127.0.0.1:{dead}", run.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
        Assert.Equal("0", ClickHouseCluster.Rows(shard, $"EXISTS TABLE {cluster.Database}.half_down_segments")[0][0]);
    }

    [Fact]
    public void A_server_that_cannot_be_reached_is_a_message_without_the_password()
    {
        var input = Segmentation.Prepare.Sources.DatabaseInput.Parse("clickhouse://someone:s3cret-value@127.0.0.1:1/db", "sales", null);

        var e = Assert.Throws<InputException>(() => Preparation.Run(input));

        Assert.StartsWith("ClickHouse table sales: the query cannot be run (cannot connect to the server", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-value", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("it's")]
    [InlineData(@"back\slash")]
    [InlineData("x'); DROP TABLE t; --")]
    [InlineData("tick`; line\nbreak\ttab")]
    public void A_literal_reads_back_as_the_text_it_was_made_from(string text)
    {
        var read = ClickHouseCluster.Rows(cluster.Shards[0], $"SELECT {Segmentation.Prepare.Engine.ClickHouseSql.Literal(text)} AS {Segmentation.Prepare.Engine.ClickHouseSql.Identifier(text)}");

        Assert.Equal(text, Segmentation.Prepare.Sources.TsvDataReader.Unescape(Assert.Single(Assert.Single(read))));
    }

    private static void AssertSameAccount(DataQualityAccount a, DataQualityAccount b)
    {
        Assert.Equal(
            (a.RowsIn, a.RowsOut, a.DuplicateRowsFound, a.Customers, a.Invoices, a.Revenue, a.InputFirstDate, a.InputLastDate, a.FirstDate, a.LastDate, a.PurchasesReduced),
            (b.RowsIn, b.RowsOut, b.DuplicateRowsFound, b.Customers, b.Invoices, b.Revenue, b.InputFirstDate, b.InputLastDate, b.FirstDate, b.LastDate, b.PurchasesReduced));
        Assert.Equal(a.Removed, b.Removed);
    }
}
