using System.Data.Common;
using System.Text.RegularExpressions;
using ClickHouse.Driver;

namespace Segmentation.Prepare.Sources;

/// <summary>
/// A ClickHouse server through the official driver (ClickHouse.Driver), over HTTP. Results come as
/// <c>TabSeparatedWithNames</c> text (<see cref="TsvDataReader"/>), which ClickHouse 18.16 (the version Debian
/// serves, on which the tests run) and current servers both send; the driver's typed reader needs a format 18.16
/// lacks. The driver's JSON modes are off: 18.16 refuses the settings they send. Failures are one line naming the
/// server's own message, never the password.
/// </summary>
internal sealed partial class ClickHouseServer : IDisposable
{
    private readonly ClickHouseClient _client;
    private readonly string _name;

    private ClickHouseServer(ClickHouseClient client, string name)
    {
        _client = client;
        _name = name;
    }

    /// <summary>The server a <c>clickhouse://</c> input names; <paramref name="name"/> is how messages name it.</summary>
    public static ClickHouseServer Connect(ClickHouseAddress address, string name)
    {
        var settings = new ClickHouse.Driver.ADO.ClickHouseClientSettings
        {
            Host = address.Host,
            Port = address.Port,
            Protocol = address.Secure ? "https" : "http",
            Database = address.Database,
            Username = address.User ?? "default",
            Password = address.Password ?? "",
            JsonReadMode = JsonReadMode.None,
            JsonWriteMode = JsonWriteMode.None,
            Timeout = TimeSpan.FromHours(1),
        };
        return new ClickHouseServer(new ClickHouseClient(settings), name);
    }

    /// <summary>
    /// Runs a query that only reads (the server refuses anything else: <c>readonly = 1</c>) and streams its result.
    /// The reader counts the bytes that came over the wire.
    /// </summary>
    public TsvDataReader Read(string sql, string option)
    {
        try
        {
            var result = _client.ExecuteRawResultAsync(sql + "\nFORMAT TabSeparatedWithNames", ReadOnly, CancellationToken.None).GetAwaiter().GetResult();
            return new TsvDataReader(result.ReadDecompressedStreamAsync().GetAwaiter().GetResult(), result);
        }
        catch (Exception e) when (e is DbException or HttpRequestException or TaskCanceledException or IOException)
        {
            throw Failed("the query cannot be run", e, option);
        }
    }

    private static readonly QueryOptions ReadOnly = new() { CustomSettings = new Dictionary<string, object> { ["readonly"] = 1 } };

    /// <summary>A statement that writes or defines (write-back): no result.</summary>
    public void Execute(string sql, string option)
    {
        try
        {
            // The raw API with a plain default format: the driver asks for a typed format 18.16 lacks, and 18.16 checks
            // it even for a statement that returns nothing (INSERT ... SELECT).
            using var result = _client.ExecuteRawResultAsync(sql, PlainFormat, CancellationToken.None).GetAwaiter().GetResult();
            result.ReadAsByteArrayAsync().GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is DbException or HttpRequestException or TaskCanceledException or IOException)
        {
            throw Failed("the statement failed", e, option);
        }
    }

    private static readonly QueryOptions PlainFormat = new() { CustomSettings = new Dictionary<string, object> { ["default_format"] = "TabSeparated" } };

    /// <summary>A query whose answer is one whole number (a count, EXISTS).</summary>
    public long Scalar(string sql, string option)
    {
        using var reader = Read(sql, option);
        return reader.Read() ? long.Parse(reader.GetString(0), System.Globalization.CultureInfo.InvariantCulture) : throw Failed("the query gave no answer", new InvalidDataException(sql), option);
    }

    /// <summary>An INSERT whose rows <paramref name="write"/> streams as text (no row is held in memory beyond its line).</summary>
    public void Insert(string sql, Action<TextWriter> write, string option)
    {
        try
        {
            using var response = _client.PostStreamAsync(sql, async (stream, _) =>
            {
                await using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
                write(writer);
            }, false, CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is DbException or HttpRequestException or TaskCanceledException or IOException)
        {
            throw Failed("the rows cannot be written", e, option);
        }
    }

    /// <summary>A failure as one line: the server's words (<c>Code: 60 ... Table default.x doesn't exist</c>), or the connection's.</summary>
    public InputException Failed(string what, Exception e, string option) => new(_name, $"{what} ({Words(e)})", inner: e, option: option);

    /// <summary>What went wrong, in the server's words without the driver's decoration.</summary>
    public static string Words(Exception e)
    {
        var text = e.Message.ReplaceLineEndings(" ").Trim();
        // 18.16: "Code: 60, e.displayText() = DB::Exception: Table default.x doesn't exist., e.what() = DB::Exception";
        // current servers: "Code: 60. DB::Exception: Table default.x does not exist. (UNKNOWN_TABLE) (version ...)".
        var m = ServerMessage().Match(text);
        if (m.Success) return $"code {m.Groups["code"].Value}: {m.Groups["text"].Value.TrimEnd('.', ' ')}";
        return e is HttpRequestException or TaskCanceledException ? $"cannot connect to the server: {text}" : text;
    }

    [GeneratedRegex(@"Code: (?<code>\d+)[.,] (?:e\.displayText\(\) = )?(?:DB::Exception: )?(?<text>.*?)(?:, e\.what\(\) = .*|\s*\(version [^)]*\)\s*)?$")]
    private static partial Regex ServerMessage();

    public void Dispose() => _client.Dispose();
}
