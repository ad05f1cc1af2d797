using System.Globalization;

namespace Segmentation.Web;

/// <summary>
/// Keeps a database source's segments current while <c>serve</c> runs: every <see cref="Every"/>, the source is
/// refreshed against the latest run (at first <see cref="Previous"/>), published beside it with its reports, recorded
/// in the history the Runs page lists, and written back into <see cref="WriteBack"/> when named.
/// </summary>
/// <param name="Database">The source's <c>--db</c> (a PostgreSQL or ClickHouse connection, a DuckDB file, or env:NAME).</param>
public sealed record RefreshSchedule(string Database, string? Table, string? Query, string Previous, TimeSpan Every)
{
    public string? WriteBack { get; init; }

    /// <summary>The shortest interval: one refresh must be able to finish before the next is due.</summary>
    public static readonly TimeSpan Shortest = TimeSpan.FromSeconds(1);

    /// <summary>An interval as <c>30s</c>, <c>15m</c>, <c>12h</c> or <c>1d</c>.</summary>
    public static TimeSpan ParseInterval(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        if (t.Length >= 2 && double.TryParse(t[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n > 0)
        {
            TimeSpan? every = t[^1] switch
            {
                's' => TimeSpan.FromSeconds(n),
                'm' => TimeSpan.FromMinutes(n),
                'h' => TimeSpan.FromHours(n),
                'd' => TimeSpan.FromDays(n),
                _ => null,
            };
            if (every is { } e && e >= Shortest) return e;
        }
        throw new OptionException(ServeOptions.Names.RefreshEvery, $"'{text}' is not an interval of at least a second such as 30s, 15m, 12h or 1d");
    }
}
