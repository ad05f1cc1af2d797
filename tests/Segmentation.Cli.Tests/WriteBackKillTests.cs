using System.Diagnostics;
using Segmentation.Tests;

namespace Segmentation.Cli.Tests;

/// <summary>
/// <c>score --write-back</c> killed (SIGKILL) while ClickHouse fills the staging table: the table the marketing tools
/// read keeps the previous scoring, whole; the next scoring replaces it and keeps that one as TABLE_previous.
/// </summary>
[Trait(Tier.Name, Tier.Full)]
public sealed class WriteBackKillTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly Uri _server = ClickHouseTestServer.Address;
    private readonly string _database = $"segmentation_kill_{Guid.NewGuid():N}";

    [Fact]
    public async Task A_kill_during_write_back_leaves_the_previous_table_whole()
    {
        // 4 million order lines of 400,000 customers: long enough to score that the kill lands while the staging table fills.
        await Sql($"CREATE DATABASE {_database}");
        await Sql($"CREATE TABLE {_database}.sales (InvoiceNo String, StockCode String, Description String, Quantity Int32, InvoiceDate DateTime, UnitPrice Float64, CustomerID String, Country String) ENGINE = MergeTree() ORDER BY InvoiceDate");
        await Sql($"""
            INSERT INTO {_database}.sales SELECT toString(600000 + intDiv(number, 10)), toString(10000 + number % 500), 'ITEM', toInt32(1 + number % 7),
                toDateTime('2011-01-01 00:00:00') + intHash32(intDiv(number, 10)) % (330 * 86400), (1 + number % 300) / 100,
                toString(100000 + intHash64(intDiv(number, 10)) % 400000), 'United Kingdom'
            FROM numbers(4000000)
            """);
        var three = Model("3");
        var five = Model("5");
        var db = $"clickhouse://{_server.Host}:{_server.Port}/{_database}";
        string[] Score(string model) => ["score", "--db", db, "--table", "sales", "--model", model, "--write-back", "segments"];

        Assert.Equal(0, (await Spawn(Score(three))).ExitCode);
        var before = await Sql($"SELECT count(), sum(cityHash64(CustomerID, Cluster, ClusterSegment)) FROM {_database}.segments");
        Assert.Equal("3", await Sql($"SELECT uniqExact(Cluster) FROM {_database}.segments"));

        // The second scoring (another model: other clusters) is killed once its staging table exists.
        var killed = await Spawn(Score(five), killWhen: async () => await Sql($"EXISTS TABLE {_database}.segments__staging") == "1");

        Assert.True(killed.Killed, "the scoring finished before it could be killed");
        Assert.Equal(before, await Sql($"SELECT count(), sum(cityHash64(CustomerID, Cluster, ClusterSegment)) FROM {_database}.segments"));
        Assert.Equal("0", await Sql($"EXISTS TABLE {_database}.segments_previous"));

        // Run again to the end: the new scoring in place, the one the kill could not replace kept as segments_previous.
        Assert.Equal(0, (await Spawn(Score(five))).ExitCode);
        var after = await Sql($"SELECT count(), sum(cityHash64(CustomerID, Cluster, ClusterSegment)) FROM {_database}.segments");
        Assert.Equal(before.Split('\t')[0], after.Split('\t')[0]);
        Assert.NotEqual(before, after);
        Assert.Equal(before, await Sql($"SELECT count(), sum(cityHash64(CustomerID, Cluster, ClusterSegment)) FROM {_database}.segments_previous"));
    }

    /// <summary>A model of the UCI year at k = <paramref name="k"/>.</summary>
    private string Model(string k)
    {
        var folder = _folder.File("run" + k);
        var result = Cli.Run("run", "--input", TestPaths.RealFile("online_retail.csv.gz"), "--out", folder, "--k", k, "--stability-resamples", "0", "--no-report", "--no-history");
        Assert.True(result.ExitCode == 0, result.Error);
        return Path.Combine(folder, "model.zip");
    }

    private async Task<(int ExitCode, bool Killed)> Spawn(string[] args, Func<Task<bool>>? killWhen = null)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Segmentation.Cli.dll"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var killed = false;
        if (killWhen is not null)
        {
            while (!process.HasExited)
            {
                if (await killWhen())
                {
                    await Task.Delay(200);
                    if (!process.HasExited)
                    {
                        process.Kill(entireProcessTree: true);
                        killed = true;
                    }
                    break;
                }
                await Task.Delay(20);
            }
        }
        await process.WaitForExitAsync();
        await Task.WhenAll(stdout, stderr);
        return (process.ExitCode, killed);
    }

    private async Task<string> Sql(string sql) => (await ClickHouseTestServer.Sql(_server, sql)).Trim();

    public void Dispose()
    {
        Sql($"DROP DATABASE IF EXISTS {_database}").GetAwaiter().GetResult();
        _folder.Dispose();
    }
}
