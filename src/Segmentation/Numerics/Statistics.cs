namespace Segmentation.Numerics;

/// <summary>The few summary statistics every stage shares: one definition of a median and a quantile.</summary>
internal static class Statistics
{
    public static double Mean(IEnumerable<double> values)
    {
        var list = values as IReadOnlyCollection<double> ?? values.ToList();
        return list.Count == 0 ? double.NaN : list.Average();
    }

    /// <summary>
    /// The values in ascending order, in a new array: Array.Sort, several times faster than LINQ's stable Order
    /// on the hundreds of thousands of customers' figures, and the same array (equal doubles are indistinguishable).
    /// Whole numbers in a narrow range are counted instead (<see cref="WholeNumbers"/>), to the same array.
    /// </summary>
    public static double[] Sorted(IEnumerable<double> values)
    {
        var sorted = values.ToArray();
        if (WholeNumbers.Histogram(sorted) is var (min, counts)) WholeNumbers.Fill(min, counts, sorted);
        else Array.Sort(sorted);
        return sorted;
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = Sorted(values);
        if (sorted.Length == 0) return double.NaN;
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>
    /// The <paramref name="q"/> quantile of already sorted values, interpolated linearly between the two nearest
    /// ranks (numpy's and pandas' default), so that a median of an even count is the mean of the middle two.
    /// </summary>
    public static double Quantile(IReadOnlyList<double> sorted, double q)
    {
        if (sorted.Count == 0) return double.NaN;
        var pos = (sorted.Count - 1) * q;
        var lo = (int)Math.Floor(pos);
        var hi = Math.Min(lo + 1, sorted.Count - 1);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }
}
