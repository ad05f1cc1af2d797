using System.Globalization;
using Segmentation.Formatting;
using Segmentation.Runs.History;

namespace Segmentation.App;

/// <summary>One line of a comparison of two runs: what, its two values, and whether they differ.</summary>
public sealed record ComparisonLine(string What, string First, string Second)
{
    public bool Differs => First != Second;
}

/// <summary><c>history</c>: the runs recorded in a history database, and what differs between two of them.</summary>
public sealed class HistoryView(string path)
{
    public string Path { get; } = path;

    public IReadOnlyList<RunRecord> List()
    {
        using var history = RunHistory.Open(Path, create: false);
        return history.List();
    }

    public IReadOnlyList<ComparisonLine> Compare(long first, long second)
    {
        using var history = RunHistory.Open(Path, create: false);
        var (x, y) = (history.Get(first), history.Get(second));
        static string N(long v) => v.ToString(CultureInfo.InvariantCulture);
        var lines = new List<ComparisonLine>
        {
            new("created (UTC)", Display.DateTime(x.Created), Display.DateTime(y.Created)),
            new("kind", x.Kind, y.Kind),
            new("input", System.IO.Path.GetFileName(x.Input), System.IO.Path.GetFileName(y.Input)),
            new("input sha256", Short(x.InputSha256), Short(y.InputSha256)),
            new("seed", N(x.Seed), N(y.Seed)),
            new("k", N(x.K), N(y.K)),
            new("customers", Display.Count(x.Customers), Display.Count(y.Customers)),
            new("silhouette", Display.Number(x.Silhouette, 4), Display.Number(y.Silhouette, 4)),
            new("parameters", x.Parameters == y.Parameters ? "same" : "differ", x.Parameters == y.Parameters ? "same" : "differ"),
        };
        foreach (var name in x.SegmentSizes.Keys.Union(y.SegmentSizes.Keys).Order(StringComparer.Ordinal))
        {
            lines.Add(new("  " + name, x.SegmentSizes.TryGetValue(name, out var a) ? Display.Count(a) : "-", y.SegmentSizes.TryGetValue(name, out var b) ? Display.Count(b) : "-"));
        }
        return lines;
    }

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash.Length == 0 ? "(sample)" : hash;
}
