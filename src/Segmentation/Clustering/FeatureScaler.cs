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
    public double[] Transform(double recency, double frequency, double monetary)
    {
        double[] raw = [recency, frequency, monetary];
        var z = new double[3];
        for (var j = 0; j < 3; j++)
        {
            var x = Log1p ? Math.Log(1 + Math.Max(raw[j], 0)) : raw[j];
            z[j] = (x - Mean[j]) / StdDev[j];
        }
        return z;
    }

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
            if (log1p) for (var i = 0; i < n; i++) col[i] = Math.Log(1 + Math.Max(col[i], 0));
            mean[j] = col.Average();
            var m = mean[j];
            var variance = col.Sum(v => (v - m) * (v - m)) / n;
            // A constant feature carries no information; a scale of 1 keeps it at 0 rather than dividing by 0.
            std[j] = variance > 0 ? Math.Sqrt(variance) : 1;
        }
        var scaler = new ScalerParameters(log1p, mean, std);
        return (scaler, Apply(scaler, rfm));
    }

    public static double[][] Apply(ScalerParameters scaler, RfmTable rfm) =>
        rfm.Customers.Select(c => scaler.Transform(c.Recency, c.Frequency, (double)c.Monetary)).ToArray();
}
