using ClickHouse.Driver;
using Segmentation.Prepare.Sources;

namespace Segmentation.Tests.ClickHouse;

/// <summary>
/// The UCI rows in a two-shard ClickHouse cluster (tests/clickhouse.sh starts one; ./test.sh does so for every
/// run): a database of the test's own on each shard, a MergeTree table per shard and a Distributed table over them,
/// sharded by customer, loaded by ClickHouse itself from the shared CSV.gz (never through our readers), dropped
/// afterwards. <c>sales</c> has typed columns as a warehouse keeps them; <c>sales_text</c> every column text, as a
/// raw landing table does.
/// </summary>
public sealed class ClickHouseCluster : IDisposable
{
    public const string Typed = "sales";
    public const string Text = "sales_text";

    /// <summary>The cluster name in tests/clickhouse.sh's remote_servers.</summary>
    public const string Cluster = "segmentation";

    public string Database { get; } = $"segmentation_test_{Guid.NewGuid():N}";

    /// <summary>Each shard's HTTP address (http://127.0.0.1:PORT); the first is the one the tests connect to.</summary>
    public IReadOnlyList<Uri> Shards { get; }

    public ClickHouseCluster()
    {
        var shards = Environment.GetEnvironmentVariable("SEGMENTATION_TEST_CLICKHOUSE_SHARDS") is { Length: > 0 } set ? set
            : throw new InvalidOperationException(
                "The ClickHouse tests need a two-shard cluster: run ./test.sh, which starts one, or `source tests/clickhouse.sh` and set SEGMENTATION_TEST_CLICKHOUSE_SHARDS.");
        Shards = [.. shards.Split(',').Select(s => new Uri(s))];
        foreach (var shard in Shards)
        {
            Execute(shard, $"CREATE DATABASE {Database}");
            Execute(shard, $"""
                CREATE TABLE {Database}.{Typed}_local (InvoiceNo String, StockCode String, Description String, Quantity Int32, InvoiceDate DateTime,
                    UnitPrice Float64, CustomerID Nullable(String), Country String) ENGINE = MergeTree() PARTITION BY toYYYYMM(InvoiceDate) ORDER BY InvoiceDate
                """);
            Execute(shard, $"""
                CREATE TABLE {Database}.{Text}_local (InvoiceNo String, StockCode String, Description String, Quantity String, InvoiceDate String,
                    UnitPrice String, CustomerID String, Country String) ENGINE = MergeTree() ORDER BY tuple()
                """);
            foreach (var table in new[] { Typed, Text })
                Execute(shard, $"CREATE TABLE {Database}.{table} AS {Database}.{table}_local ENGINE = Distributed({Cluster}, {Database}, {table}_local, cityHash64(ifNull(CustomerID, '')))");
        }
        foreach (var table in new[] { Typed, Text }) Load(table);
    }

    /// <summary>The address our --db takes for the cluster's first server.</summary>
    public string Address => $"clickhouse://{Shards[0].Host}:{Shards[0].Port}/{Database}";

    public DatabaseInput Input(string table) => DatabaseInput.Parse(Address, table, null);

    public DatabaseInput Query(string sql) => DatabaseInput.Parse(Address, null, sql);

    private void Load(string table)
    {
        using var client = ClickHouseTestServer.Client(Shards[0]);
        using var csv = File.OpenRead(TestPaths.RealFile("online_retail.csv.gz"));
        var options = new QueryOptions { CustomSettings = new Dictionary<string, object> { ["insert_distributed_sync"] = 1 } };
        using var response = client.PostStreamAsync($"INSERT INTO {Database}.{table} FORMAT CSVWithNames", csv, true, CancellationToken.None, options).GetAwaiter().GetResult();
    }

    /// <summary>Runs a statement on one shard.</summary>
    public static void Execute(Uri shard, string sql) => ClickHouseTestServer.Sql(shard, sql).GetAwaiter().GetResult();

    /// <summary>Rows of text into a table of one shard, in order (tab-separated; no value holds a tab or a newline).</summary>
    public static void Insert(Uri shard, string table, IEnumerable<string[]> rows)
    {
        using var client = ClickHouseTestServer.Client(shard);
        var text = string.Concat(rows.Select(r => string.Join('\t', r) + "\n"));
        using var body = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
        using var response = client.PostStreamAsync($"INSERT INTO {table} FORMAT TabSeparated", body, false, CancellationToken.None, null).GetAwaiter().GetResult();
    }

    /// <summary>A query's result on one shard, as text lines of tab-separated values.</summary>
    public static IReadOnlyList<string[]> Rows(Uri shard, string sql) =>
        [.. ClickHouseTestServer.Sql(shard, sql).GetAwaiter().GetResult().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t'))];

    public void Dispose()
    {
        foreach (var shard in Shards) Execute(shard, $"DROP DATABASE IF EXISTS {Database}");
    }
}

[CollectionDefinition(Name)]
public sealed class ClickHouseCollection : ICollectionFixture<ClickHouseCluster>, ICollectionFixture<RealDataFixture>
{
    public const string Name = "clickhouse";
}
