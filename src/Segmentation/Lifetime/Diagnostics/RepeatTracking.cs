namespace Segmentation.Lifetime.Diagnostics;

/// <summary>
/// Repeat purchase days of the calibrated customers by week, actual and as the model expects them, with the end of the
/// calibration period (after it, the model predicts what it did not see).
/// </summary>
/// <param name="Weeks">The first day of each week (the last may be shorter).</param>
public sealed record RepeatTracking(DateTime CalibrationEnd, IReadOnlyList<DateTime> Weeks, IReadOnlyList<int> Actual, IReadOnlyList<double> Expected)
{
    public IReadOnlyList<double> CumulativeActual => Cumulative(Actual.Select(a => (double)a));

    public IReadOnlyList<double> CumulativeExpected => Cumulative(Expected);

    private static double[] Cumulative(IEnumerable<double> values)
    {
        var sum = 0.0;
        return [.. values.Select(v => sum += v)];
    }
}
