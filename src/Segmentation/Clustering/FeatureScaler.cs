using Segmentation.Prepare;

namespace Segmentation.Clustering;

/// <summary>
/// How RFM becomes clustering features: log1p of each (optional; RFM is heavily skewed, and k-means on raw
/// monetary would be a clustering of the few biggest spenders), then standardisation to mean 0 and
/// population standard deviation 1, as scikit-learn's StandardScaler does.
/// </summary>
public sealed record ScalerParameters(bool Log1p, double[] Mean, double[] StdDev)
{
    public static readonly string[] FeatureNames = ["Recency", "Frequency", "Monetary"];

    /// <summary>One customer's features, scaled.</summary>
    public double[] Transform(double recency, double frequency, double monetary) =>
        [Standardise(Reshape(recency, Log1p), 0), Standardise(Reshape(frequency, Log1p), 1), Standardise(Reshape(monetary, Log1p), 2)];

    /// <summary>A feature's value before standardisation: log1p of it (a negative value as 0) where <paramref name="log1p"/>, else itself.</summary>
    internal static double Reshape(double raw, bool log1p) => log1p ? Math.Log(1 + Math.Max(raw, 0)) : raw;

    /// <summary>Feature <paramref name="j"/>'s reshaped value, standardised.</summary>
    internal double Standardise(double reshaped, int j) => (reshaped - Mean[j]) / StdDev[j];

    /// <summary>Back from the scaled space to original units (a centroid, for people).</summary>
    public double[] Inverse(ReadOnlySpan<double> z)
    {
        var x = new double[3];
        for (var j = 0; j < 3; j++)
        {
            var v = z[j] * StdDev[j] + Mean[j];
            x[j] = Log1p ? Math.Exp(v) - 1 : v;
        }
        return x;
    }
}

internal static class FeatureScaler
{
    /// <summary>Fits the scaler on <paramref name="rfm"/> and returns it with the scaled rows.</summary>
    public static (ScalerParameters Scaler, double[][] Features) FitTransform(RfmTable rfm, bool log1p = true)
    {
        var n = rfm.Count;
        if (n == 0) throw new ArgumentException("No customers to scale.", nameof(rfm));
        var columns = new[] { rfm.RecencyColumn(), rfm.FrequencyColumn(), rfm.MonetaryColumn() };
        var mean = new double[3];
        var std = new double[3];
        for (var j = 0; j < 3; j++)
        {
            var col = columns[j];
            for (var i = 0; i < n; i++) col[i] = ScalerParameters.Reshape(col[i], log1p);
            mean[j] = col.Average();
            var m = mean[j];
            var variance = col.Sum(v => (v - m) * (v - m)) / n;
            // A constant feature carries no information; a scale of 1 keeps it at 0 rather than dividing by 0.
            std[j] = variance > 0 ? Math.Sqrt(variance) : 1;
        }
        var scaler = new ScalerParameters(log1p, mean, std);
        // From the reshaped columns, which Apply would compute again for every customer.
        var features = new double[n][];
        for (var i = 0; i < n; i++) features[i] = [scaler.Standardise(columns[0][i], 0), scaler.Standardise(columns[1][i], 1), scaler.Standardise(columns[2][i], 2)];
        return (scaler, features);
    }

    public static double[][] Apply(ScalerParameters scaler, RfmTable rfm) =>
        rfm.Customers.Select(c => scaler.Transform(c.Recency, c.Frequency, (double)c.Monetary)).ToArray();
}
