namespace Segmentation.Numerics;

/// <summary>
/// Figures that are whole numbers in a narrow range (recency in days, frequency in orders) are ordered by counting
/// them, in one pass and without comparing any two: at a million customers a comparison sort of each such column
/// cost about 0.1 s, and the segments and the report sort them several times.
/// </summary>
internal static class WholeNumbers
{
    /// <summary>How far apart, beyond their count, the smallest and largest value may lie: the counts' array stays the size of the values'.</summary>
    private const int SpareWidth = 4096;

    /// <summary>
    /// How many of <paramref name="values"/> equal each whole number from <c>Min</c> upwards; null when one is not a
    /// whole number (a fraction, NaN, an infinity, a negative zero, which a sort keeps apart from zero) or when they
    /// span more than their count, so that counting would cost more than sorting.
    /// </summary>
    public static (long Min, int[] Counts)? Histogram(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty) return null;
        const double Limit = 1L << 52;
        var (min, max) = (double.PositiveInfinity, double.NegativeInfinity);
        foreach (var v in values)
        {
            if (!(Math.Abs(v) < Limit) || v != Math.Floor(v) || BitConverter.DoubleToInt64Bits(v) == long.MinValue) return null;
            (min, max) = (Math.Min(min, v), Math.Max(max, v));
        }
        if (max - min >= values.Length + (double)SpareWidth) return null;
        var low = (long)min;
        var counts = new int[(int)((long)max - low) + 1];
        foreach (var v in values) counts[(long)v - low]++;
        return (low, counts);
    }

    /// <summary>Writes the values a histogram counts, in ascending order, into <paramref name="sorted"/>.</summary>
    public static void Fill(long min, int[] counts, Span<double> sorted)
    {
        var p = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            sorted.Slice(p, counts[i]).Fill(min + i);
            p += counts[i];
        }
    }
}
