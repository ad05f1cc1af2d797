using Segmentation.Clustering.Segments;

namespace Segmentation.Report;

/// <summary>
/// The customers a point chart draws: all of them up to a limit, else a seeded random sample of that many, each
/// segment in proportion to its size and none left out, in the customers' own order. A million points are no more
/// legible than twenty thousand: at 949,000 customers the PDF took 3 s to draw them, and the HTML carried each twice.
/// </summary>
internal static class PlotSample
{
    public static IReadOnlyList<CustomerSegment> Of(IReadOnlyList<CustomerSegment> customers, int most, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(most);
        if (customers.Count <= most) return customers;
        var sizes = new Dictionary<int, int>();
        foreach (var c in customers) sizes[c.Cluster] = sizes.GetValueOrDefault(c.Cluster) + 1;
        var wanted = Quotas(sizes, customers.Count, most);
        // Selection sampling (Knuth's algorithm S) within each segment: one pass, every subset of a segment's quota equally likely.
        var left = new Dictionary<int, int>(sizes);
        var random = new Random(Mixed(seed));
        var chosen = new List<CustomerSegment>(most + sizes.Count);
        foreach (var c in customers)
        {
            var remaining = left[c.Cluster]--;
            if (random.NextDouble() * remaining < wanted[c.Cluster])
            {
                wanted[c.Cluster]--;
                chosen.Add(c);
            }
        }
        return chosen;
    }

    /// <summary>
    /// The seed through SplitMix64's finaliser: seeded <see cref="Random"/> draws nearly the same numbers from nearby seeds
    /// (its i-th draw is close to linear in the seed), so seeds 0 to 399 all kept or all skipped some customers.
    /// </summary>
    private static int Mixed(int seed)
    {
        var z = unchecked((ulong)seed + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return (int)((z ^ (z >> 31)) & int.MaxValue);
    }

    /// <summary>Each segment's share of <paramref name="most"/> by largest remainders, at least one for every segment.</summary>
    private static Dictionary<int, int> Quotas(Dictionary<int, int> sizes, int total, int most)
    {
        var exact = sizes.ToDictionary(s => s.Key, s => (double)s.Value * most / total);
        var quotas = exact.ToDictionary(e => e.Key, e => (int)Math.Floor(e.Value));
        var missing = most - quotas.Values.Sum();
        foreach (var key in exact.OrderByDescending(e => e.Value - Math.Floor(e.Value)).ThenBy(e => e.Key).Take(missing).Select(e => e.Key)) quotas[key]++;
        foreach (var key in sizes.Keys) quotas[key] = Math.Min(sizes[key], Math.Max(quotas[key], 1));
        return quotas;
    }
}
