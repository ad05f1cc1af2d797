using Segmentation.Formatting;

namespace Segmentation.Reporting.Charts;

/// <summary>
/// Ticks for a log10 axis labelled in real units (1, 2, 5, 10, 20, 50, ... rather than 0, 0.3, 0.7, 1): ScottPlot
/// draws log scales as linear axes over log10 values, so the labels are set here.
/// </summary>
internal static class LogTicks
{
    public static (double[] Positions, string[] Labels) For(double minValue, double maxValue)
    {
        minValue = Math.Max(minValue, 1e-2);
        maxValue = Math.Max(maxValue, minValue * 10);
        var positions = new List<double>();
        var labels = new List<string>();
        // Fewer ticks per decade as the range widens, so that labels never overlap.
        var decades = Math.Log10(maxValue / minValue);
        double[] mantissas = decades <= 2.5 ? [1, 2, 5] : decades <= 4 ? [1, 3] : [1];
        for (var e = (int)Math.Floor(Math.Log10(minValue)); e <= (int)Math.Ceiling(Math.Log10(maxValue)); e++)
        {
            foreach (var mantissa in mantissas)
            {
                var v = mantissa * Math.Pow(10, e);
                if (v < minValue / 1.5 || v > maxValue * 1.5) continue;
                positions.Add(Math.Log10(v));
                labels.Add(v >= 1 ? Display.Number(v, 0) : Display.Number(v, 2));
            }
        }
        return ([.. positions], [.. labels]);
    }

    public static double Log(double value) => Math.Log10(Math.Max(value, 1e-2));
}
