using System.Net.Http.Json;
using System.Text.Json;
using DuckDB.NET.Data;
using Segmentation.App;
using Segmentation.Prepare;
using Segmentation.Prepare.Sample;
using Segmentation.Tests;

namespace Segmentation.Web.Tests;

/// <summary>
/// <c>serve --refresh-every</c>: a database source refreshed on a schedule, each refresh published and recorded in
/// the history the Runs page lists, /health saying when it last ran and runs next; a refresh that fails changes
/// nothing and says why.
/// </summary>
public sealed class ScheduledRefreshTests
{
    [Fact]
    public async Task A_scheduled_refresh_runs_twice_on_a_short_interval_and_each_is_recorded()
    {
        using var folder = new TempFolder();
        var (database, previous) = SourceAndFirstRun(folder);
        var options = new ServeOptions { RunsFolder = folder.File("runs"), Refresh = new RefreshSchedule(database, "sales", null, previous, TimeSpan.FromSeconds(1)) };
        await using var server = await Server.Start(options);

        var refresh = await HealthUntil(server, r => r.GetProperty("succeeded").GetInt32() >= 2);

        Assert.Equal(JsonValueKind.Null, refresh.GetProperty("lastError").ValueKind);
        Assert.True(DateTime.Parse(refresh.GetProperty("nextRun").GetString()!, System.Globalization.CultureInfo.InvariantCulture) >=
            DateTime.Parse(refresh.GetProperty("lastRun").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        var history = SegmentationApp.History(SegmentationApp.HistoryIn(options.RunsFolder)).List();
        var refreshes = history.Where(r => r.Kind == "refresh").ToList();
        Assert.True(refreshes.Count >= 2);
        Assert.Contains(refresh.GetProperty("lastRunId").GetInt64(), refreshes.Select(r => r.Id));
        Assert.All(refreshes, r => Assert.Equal("DuckDB source.duckdb table sales", r.Input));
        // Each refresh is against the one before: the second's folder is not the first's, and both are on the Runs page.
        Assert.Equal(refreshes.Count, refreshes.Select(r => r.Folder).Distinct().Count());
        var runs = await server.Client.GetFromJsonAsync<JsonElement>("/app/runs");
        Assert.True(runs.GetProperty("runs").EnumerateArray().Count(r => r.GetProperty("kind").GetString() == "refresh") >= 2);
    }

    [Fact]
    [Trait(Tier.Name, Tier.Full)]
    public async Task A_scheduled_refresh_of_a_clickhouse_table_writes_its_customers_back()
    {
        var shard = ClickHouseTestServer.Address;
        using var folder = new TempFolder();
        var csv = folder.File("sample.csv");
        SegmentationApp.WriteSample(csv, SampleOptions.Default with { Customers = 400 });
        var name = $"segmentation_refresh_{Guid.NewGuid():N}";
        using var client = ClickHouseTestServer.Client(shard);
        async Task<string> Sql(string sql) => (await ClickHouseTestServer.Sql(shard, sql)).Trim();
        await Sql($"CREATE DATABASE {name}");
        try
        {
            await Sql($"CREATE TABLE {name}.sales (InvoiceNo String, StockCode String, Description String, Quantity Int32, InvoiceDate DateTime, UnitPrice Float64, CustomerID String, Country String) ENGINE = MergeTree() ORDER BY InvoiceDate");
            using (var body = File.OpenRead(csv))
            using (await client.PostStreamAsync($"INSERT INTO {name}.sales FORMAT CSVWithNames", body, false, CancellationToken.None, null)) { }
            var address = $"clickhouse://{shard.Host}:{shard.Port}/{name}";
            var quick = Segmentation.Runs.SegmentationOptions.Default with { Clustering = Segmentation.Runs.SegmentationOptions.Default.Clustering with { KMax = 5, StabilityResamples = 0 } };
            var first = SegmentationApp.Run(new RunRequest(TransactionSource.Database(address, "sales"))
            {
                Options = quick,
                Publish = new PublishOptions { Folder = folder.File("first"), Reports = false, RecordHistory = false },
            });
            var options = new ServeOptions
            {
                RunsFolder = folder.File("runs"),
                Refresh = new RefreshSchedule(address, "sales", null, first.Published.Folder, TimeSpan.FromSeconds(1)) { WriteBack = $"{name}.segments" },
            };
            await using var server = await Server.Start(options);

            var refresh = await HealthUntil(server, r => r.GetProperty("succeeded").GetInt32() >= 2);

            // The table holds a refresh's customers (the last, or one that finished since), all with its run id; the
            // table before it, an earlier refresh's.
            var lastId = refresh.GetProperty("lastRunId").GetInt64();
            var written = (await Sql($"SELECT count(), uniqExact(RunId), any(RunId) FROM {name}.segments")).Split('\t');
            Assert.Equal([first.Run.Customers.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), "1"], written[..2]);
            var current = long.Parse(written[2], System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(current >= lastId, $"the table's run {current} is older than the last refresh {lastId}");
            Assert.True(long.Parse(await Sql($"SELECT any(RunId) FROM {name}.segments_previous"), System.Globalization.CultureInfo.InvariantCulture) < current);
        }
        finally
        {
            await Sql($"DROP DATABASE IF EXISTS {name}");
        }
    }

    [Fact]
    public async Task A_refresh_that_fails_changes_nothing_and_says_why()
    {
        using var folder = new TempFolder();
        var (database, previous) = SourceAndFirstRun(folder);
        var options = new ServeOptions { RunsFolder = folder.File("runs"), Refresh = new RefreshSchedule(database, "no_such_table", null, previous, TimeSpan.FromSeconds(1)) };
        await using var server = await Server.Start(options);

        var refresh = await HealthUntil(server, r => r.GetProperty("failed").GetInt32() >= 2);

        Assert.Equal(0, refresh.GetProperty("succeeded").GetInt32());
        Assert.StartsWith("DuckDB source.duckdb table no_such_table: the table cannot be read", refresh.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.False(File.Exists(SegmentationApp.HistoryIn(options.RunsFolder)) && SegmentationApp.History(SegmentationApp.HistoryIn(options.RunsFolder)).List().Any(r => r.Kind == "refresh"));
        Assert.Empty(Directory.Exists(options.RunsFolder) ? Directory.GetDirectories(options.RunsFolder) : []);
    }

    [Fact]
    public void A_schedule_is_checked_before_the_server_starts()
    {
        using var folder = new TempFolder();
        var schedule = new RefreshSchedule(folder.File("x.duckdb"), "sales", null, folder.File("not-a-run"), TimeSpan.FromHours(1));

        var e = Assert.Throws<OptionException>(() => SegmentationServer.Check(new ServeOptions { Refresh = schedule }));

        Assert.Equal(ServeOptions.Names.RefreshPrevious, e.Option);
        Assert.Equal(TimeSpan.FromDays(1), RefreshSchedule.ParseInterval("1d"));
        Assert.Equal(TimeSpan.FromMinutes(15), RefreshSchedule.ParseInterval("15m"));
        Assert.Throws<OptionException>(() => RefreshSchedule.ParseInterval("0.5s"));
        Assert.Throws<OptionException>(() => RefreshSchedule.ParseInterval("daily"));
    }

    /// <summary>The sample's transactions as a table of a DuckDB file, and a first run of it to refresh against.</summary>
    private static (string Database, string Previous) SourceAndFirstRun(TempFolder folder)
    {
        var csv = folder.File("sample.csv");
        SegmentationApp.WriteSample(csv, SampleOptions.Default with { Customers = 400 });
        var database = folder.File("source.duckdb");
        using (var connection = new DuckDBConnection($"DataSource={database}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE TABLE sales AS SELECT * FROM read_csv('{csv.Replace("'", "''", StringComparison.Ordinal)}', header = true)";
            command.ExecuteNonQuery();
        }
        var quick = Segmentation.Runs.SegmentationOptions.Default with { Clustering = Segmentation.Runs.SegmentationOptions.Default.Clustering with { KMax = 5, StabilityResamples = 0 } };
        var first = SegmentationApp.Run(new RunRequest(TransactionSource.Database(database, "sales"))
        {
            Options = quick,
            Publish = new PublishOptions { Folder = folder.File("first"), Reports = false, RecordHistory = false },
        });
        return (database, first.Published.Folder);
    }

    private static async Task<JsonElement> HealthUntil(Server server, Func<JsonElement, bool> done)
    {
        for (var i = 0; i < 1200; i++)
        {
            var health = await server.Client.GetFromJsonAsync<JsonElement>("/health");
            var refresh = health.GetProperty("refresh");
            if (done(refresh)) return refresh;
            await Task.Delay(100);
        }
        throw new TimeoutException("the scheduled refresh did not get there in two minutes");
    }
}
