using Segmentation.Formatting;

namespace Segmentation.Clustering.Segments;

/// <summary>Customers (and their revenue) that went from one segment to another between two runs.</summary>
public sealed record MigrationCell(string From, string To, int Customers, decimal Revenue);

/// <summary>
/// The movement of customers between the segments of two runs. Customers only in the later run come from
/// <see cref="New"/>; customers only in the earlier one go to <see cref="Lapsed"/>. Every customer of either run
/// is in exactly one cell. Revenue is the customer's monetary value in the later run (the earlier one for the lapsed).
/// </summary>
public sealed record SegmentMigration(IReadOnlyList<string> From, IReadOnlyList<string> To, IReadOnlyList<MigrationCell> Cells)
{
    public const string New = "(new)";
    public const string Lapsed = "(lapsed)";

    public int Customers => Cells.Sum(c => c.Customers);
    public decimal Revenue => Cells.Sum(c => c.Revenue);

    public int Count(string from, string to) => Cells.FirstOrDefault(c => c.From == from && c.To == to)?.Customers ?? 0;

    public static SegmentMigration Between(IReadOnlyList<CustomerSegment> before, IReadOnlyList<CustomerSegment> after) =>
        Between(before.Select(Labelled.Of).ToArray(), after.Select(Labelled.Of).ToArray());

    public static SegmentMigration Between(IReadOnlyList<Labelled> before, IReadOnlyList<Labelled> after)
    {
        var old = before.ToDictionary(c => c.CustomerId, StringComparer.Ordinal);
        var now = after.ToDictionary(c => c.CustomerId, StringComparer.Ordinal);
        var cells = new Dictionary<(string, string), (int Customers, decimal Revenue)>();
        void Add(string from, string to, decimal revenue)
        {
            cells.TryGetValue((from, to), out var v);
            cells[(from, to)] = (v.Customers + 1, v.Revenue + revenue);
        }
        foreach (var c in after) Add(old.TryGetValue(c.CustomerId, out var o) ? o.Segment : New, c.Segment, c.Monetary);
        foreach (var o in before) if (!now.ContainsKey(o.CustomerId)) Add(o.Segment, Lapsed, o.Monetary);

        var from = Order(before).Append(New).ToArray();
        var to = Order(after).Append(Lapsed).ToArray();
        return new SegmentMigration(from, to, cells
            .Select(kv => new MigrationCell(kv.Key.Item1, kv.Key.Item2, kv.Value.Customers, kv.Value.Revenue))
            .OrderBy(c => Array.IndexOf(from, c.From)).ThenBy(c => Array.IndexOf(to, c.To))
            .ToArray());
    }

    /// <summary>The largest moves between different segments, in words, biggest revenue first.</summary>
    public IReadOnlyList<string> Biggest(int count = 5)
    {
        var revenue = Revenue;
        return Cells.Where(c => c.From != c.To)
            .OrderByDescending(c => c.Revenue).ThenByDescending(c => c.Customers).ThenBy(c => c.From, StringComparer.Ordinal)
            .Take(count)
            .Select(c => Sentence(c, revenue == 0 ? 0 : (double)(c.Revenue / revenue)))
            .ToArray();
    }

    private static string Sentence(MigrationCell c, double share) => (c.From, c.To) switch
    {
        (New, _) => $"{Display.Count(c.Customers)} new customers joined {c.To}, carrying {Display.Percent(share)} of revenue",
        (_, Lapsed) => $"{Display.Count(c.Customers)} {Who(c.From)} lapsed, having carried {Display.Percent(share)} of revenue",
        _ => $"{Display.Count(c.Customers)} {Who(c.From)} became {c.To}, carrying {Display.Percent(share)} of revenue",
    };

    // "312 Loyal customers", but "249 New Customers", not "New Customers customers".
    private static string Who(string segment) => segment.EndsWith("Customers", StringComparison.Ordinal) ? segment : segment + " customers";

    private static IEnumerable<string> Order(IReadOnlyList<Labelled> customers) =>
        customers.GroupBy(c => c.Segment).OrderBy(g => g.Min(c => c.Cluster)).Select(g => g.Key);

    /// <summary>What migration needs of a customer: who, which segment, and what they are worth.</summary>
    public sealed record Labelled(string CustomerId, int Cluster, string Segment, decimal Monetary)
    {
        public static Labelled Of(CustomerSegment c) => new(c.Rfm.CustomerId, c.Cluster, c.Segment, c.Rfm.Monetary);
    }
}
