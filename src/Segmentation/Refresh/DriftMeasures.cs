namespace Segmentation.Refresh;

/// <summary>Measures of how far two populations or two partitions differ.</summary>
internal static class DriftMeasures
{
    private const double Floor = 1e-4;

    /// <summary>
    /// Population stability index of <paramref name="actual"/> against <paramref name="expected"/>, over the
    /// expected values' deciles: sum of (a - e) ln(a / e) over the bins; empty bins count as 0.01%.
    /// </summary>
    public static double PsiOfValues(IReadOnlyList<double> expected, IReadOnlyList<double> actual, int bins = 10)
    {
        var sorted = expected.Order().ToArray();
        var edges = Enumerable.Range(1, bins - 1).Select(b => sorted[(int)Math.Floor((sorted.Length - 1) * b / (double)bins)]).Distinct().ToArray();
        double[] Shares(IReadOnlyList<double> values)
        {
            var counts = new double[edges.Length + 1];
            foreach (var v in values)
            {
                var bin = Array.BinarySearch(edges, v);
                counts[bin >= 0 ? bin : ~bin]++;
            }
            return counts.Select(c => c / values.Count).ToArray();
        }
        return PsiOfShares(Shares(expected), Shares(actual));
    }

    /// <summary>PSI of two distributions given as shares over the same categories.</summary>
    public static double PsiOfShares(IReadOnlyList<double> expectedShares, IReadOnlyList<double> actualShares)
    {
        var psi = 0.0;
        for (var i = 0; i < expectedShares.Count; i++)
        {
            var e = Math.Max(expectedShares[i], Floor);
            var a = Math.Max(actualShares[i], Floor);
            psi += (a - e) * Math.Log(a / e);
        }
        return psi;
    }

    /// <summary>Adjusted Rand index of two labellings of the same items: 1 identical partitions, about 0 chance agreement.</summary>
    public static double AdjustedRandIndex(IReadOnlyList<int> a, IReadOnlyList<int> b)
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
