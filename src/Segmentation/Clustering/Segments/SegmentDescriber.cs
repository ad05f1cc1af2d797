using Segmentation.Formatting;

namespace Segmentation.Clustering.Segments;

/// <summary>
/// A segment's description written from the figures it sits beside: its mean recency, orders and spend against
/// those of all customers, in words that can only agree with them. A catalogue sentence ("above-average spend")
/// can be wrong for a given cluster; this one cannot.
/// </summary>
internal static class SegmentDescriber
{
    /// <summary>Within this fraction of the overall mean, a figure is "about average".</summary>
    public const double AboutAverage = 0.05;

    public static string Describe(double recency, double frequency, double monetary, double allRecency, double allFrequency, double allMonetary)
    {
        if (double.IsNaN(recency)) return "No customer is in this segment.";
        var r = Side(recency, allRecency) switch
        {
            < 0 => "bought more recently than average",
            > 0 => "last bought longer ago than average",
            _ => "bought about as recently as average",
        };
        var f = Side(frequency, allFrequency) switch
        {
            > 0 => "order more often",
            < 0 => "order less often",
            _ => "order about as often",
        };
        var m = Side(monetary, allMonetary) switch
        {
            > 0 => "spend more",
            < 0 => "spend less",
            _ => "spend about as much",
        };
        return $"Customers who {r} ({Display.Number(recency, 0)} days against {Display.Number(allRecency, 0)}), " +
            $"{f} ({Display.Number(frequency, 1)} orders against {Display.Number(allFrequency, 1)}) and {m} ({Display.Number(monetary, 0)} against {Display.Number(allMonetary, 0)}).";
    }

    /// <summary>-1 below the overall mean, +1 above, 0 within <see cref="AboutAverage"/> of it.</summary>
    public static int Side(double value, double overall)
    {
        if (overall == 0) return Math.Sign(value);
        var ratio = (value - overall) / Math.Abs(overall);
        return Math.Abs(ratio) <= AboutAverage ? 0 : Math.Sign(ratio);
    }
}
