using Segmentation.Numerics;

namespace Segmentation.Lifetime;

/// <summary>
/// The NBD: every customer alive, buying at their own Poisson rate, Gamma(r, alpha) across customers. It is the limit
/// of each purchase model as dropout goes to 0, where the dropout parameters are no longer identified: a fit that
/// ends there is refitted as the NBD, whose two parameters are.
/// </summary>
internal static class Nbd
{
    /// <summary>The NBD's log-likelihood of x purchases in T.</summary>
    public static double LogLikelihood(double r, double alpha, int x, double t) =>
        SpecialFunctions.LogGamma(r + x) - SpecialFunctions.LogGamma(r) + r * Math.Log(alpha) - (r + x) * Math.Log(alpha + t);

    /// <summary>
    /// Fits the NBD from where <paramref name="model"/>'s search ended (r, alpha), its diagnostics led by
    /// <paramref name="reading"/>: why the model is its limit, in words.
    /// </summary>
    public static (double R, double Alpha, FitDiagnostics Diagnostics) FitLimit(string model, (int X, double Tx, double T, double Weight)[] patterns,
        double r, double alpha, int customers, string reading)
    {
        double Limit(double[] p)
        {
            return ParallelSum.Of(patterns.Length, (from, to) =>
            {
                var sum = 0.0;
                for (var i = from; i < to; i++) sum += patterns[i].Weight * LogLikelihood(p[0], p[1], patterns[i].X, patterns[i].T);
                return sum;
            });
        }
        var (limit, diagnostics) = LikelihoodFit.MaximiseLimit(model, ["r", "alpha"], Limit, [r, alpha], customers, patterns.Length, reading);
        return (limit[0], limit[1], diagnostics);
    }

    /// <summary>Expected purchases in each horizon: (r + x) t / (alpha + T).</summary>
    public static void ExpectedPurchases(double r, double alpha, ReadOnlySpan<double> horizons, int x, double t, Span<double> into)
    {
        for (var i = 0; i < horizons.Length; i++) into[i] = (r + x) / (alpha + t) * horizons[i];
    }

    /// <summary>The chance of no purchase in the horizon: the posterior Gamma rate's chance of no Poisson event.</summary>
    public static double ProbabilityNoPurchase(double r, double alpha, double horizon, int x, double t) => Math.Pow((alpha + t) / (alpha + t + horizon), r + x);
}
