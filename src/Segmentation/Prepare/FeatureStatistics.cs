using Segmentation.Numerics;

namespace Segmentation.Prepare;

/// <summary>
/// pandas' <c>describe()</c> of one feature: count, mean, standard deviation (n - 1, as pandas), minimum, quartiles
/// (linear interpolation, as pandas) and maximum.
/// </summary>
public sealed record FeatureStatistics(string Feature, int Count, double Mean, double Std, double Min, double Q1, double Median, double Q3, double Max)
{
    internal static FeatureStatistics Of(string feature, double[] values)
    {
        var sorted = Statistics.Sorted(values);
        var n = sorted.Length;
        if (n == 0) return new(feature, 0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        var mean = sorted.Average();
        var std = n > 1 ? Math.Sqrt(sorted.Sum(v => (v - mean) * (v - mean)) / (n - 1)) : double.NaN;
        return new(feature, n, mean, std, sorted[0], Statistics.Quantile(sorted, 0.25), Statistics.Quantile(sorted, 0.5), Statistics.Quantile(sorted, 0.75), sorted[^1]);
    }

    /// <summary>Recency, frequency and monetary of every customer of <paramref name="rfm"/>.</summary>
    internal static IReadOnlyList<FeatureStatistics> Of(RfmTable rfm) =>
    [
        Of("Recency", rfm.RecencyColumn()),
        Of("Frequency", rfm.FrequencyColumn()),
        Of("Monetary", rfm.MonetaryColumn()),
    ];
}
