namespace Segmentation.Numerics;

/// <summary>How alike two partitions of the same items are (the refresh's drift, the sweep's stability).</summary>
internal static class AdjustedRand
{
    /// <summary>Adjusted Rand index of two labellings of the same items: 1 identical partitions, about 0 chance agreement.</summary>
    public static double Index(IReadOnlyList<int> a, IReadOnlyList<int> b)
    {
        if (a.Count != b.Count) throw new ArgumentException("The labellings must cover the same items.", nameof(b));
        var n = a.Count;
        var table = new Dictionary<(int, int), long>();
        var rows = new Dictionary<int, long>();
        var cols = new Dictionary<int, long>();
        for (var i = 0; i < n; i++)
        {
            table[(a[i], b[i])] = table.GetValueOrDefault((a[i], b[i])) + 1;
            rows[a[i]] = rows.GetValueOrDefault(a[i]) + 1;
            cols[b[i]] = cols.GetValueOrDefault(b[i]) + 1;
        }
        static double Pairs(long x) => x * (x - 1) / 2.0;
        var index = table.Values.Sum(Pairs);
        var sumRows = rows.Values.Sum(Pairs);
        var sumCols = cols.Values.Sum(Pairs);
        var expected = sumRows * sumCols / Pairs(n);
        var max = (sumRows + sumCols) / 2;
        return max == expected ? 1.0 : (index - expected) / (max - expected);
    }
}
