using ClickHouse.Driver;

namespace Segmentation.Tests;

/// <summary>
/// A ClickHouse server (tests/clickhouse.sh) as the tests set it up and check it: through the driver's raw API with
/// a plain default format, the one 18.16 takes for any statement (its typed formats it lacks).
/// </summary>
internal static class ClickHouseTestServer
{
    /// <summary>The server ./test.sh started (SEGMENTATION_TEST_CLICKHOUSE), or an error saying how to get one.</summary>
    public static Uri Address => Environment.GetEnvironmentVariable("SEGMENTATION_TEST_CLICKHOUSE") is { Length: > 0 } url ? new Uri(url)
        : throw new InvalidOperationException("needs a ClickHouse server: run ./test.sh, or `source tests/clickhouse.sh`");

    public static ClickHouseClient Client(Uri server) =>
        new($"Host={server.Host};Port={server.Port};Username=default;JsonReadMode=None;JsonWriteMode=None");

    /// <summary>Runs a statement or a query; its answer as tab-separated text (empty for a statement).</summary>
    public static async Task<string> Sql(Uri server, string sql)
    {
        using var client = Client(server);
        var plain = new QueryOptions { CustomSettings = new Dictionary<string, object> { ["default_format"] = "TabSeparated" } };
        using var result = await client.ExecuteRawResultAsync(sql, plain, CancellationToken.None);
        return await result.ReadAsStringAsync();
    }
}
