using Segmentation.Numerics;

namespace Segmentation.Runs.Refresh;

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
        var sorted = Statistics.Sorted(expected);
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
}
