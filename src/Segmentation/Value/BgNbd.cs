using Segmentation.Numerics;

namespace Segmentation.Value;

/// <summary>The BG/NBD model's parameters: purchase rates Gamma(r, alpha) across customers, dropout probabilities Beta(a, b).</summary>
public sealed record BgNbdParameters(double R, double Alpha, double A, double B);

/// <summary>A fitted BG/NBD model, in the summary's unit.</summary>
public sealed record BgNbdFit(BgNbdParameters Parameters, FitDiagnostics Diagnostics, TimeUnit Unit);

/// <summary>
/// The beta-geometric/negative binomial model (Fader, Hardie and Lee 2005, "Counting your customers the easy way"):
/// while alive a customer buys at a Poisson rate; after each purchase they drop out with a fixed probability.
/// Fitted by maximum likelihood on the summary; customers with the same (x, t_x, T) are one term with a weight.
/// </summary>
internal static class BgNbd
{
    public const string Name = "BG/NBD";

    public static BgNbdFit Fit(BtydSummary summary)
    {
        var patterns = summary.Customers.GroupBy(c => (c.Frequency, c.Recency, c.T)).Select(g => (X: g.Key.Frequency, Tx: g.Key.Recency, g.Key.T, Weight: (double)g.Count())).ToArray();
        if (patterns.Length == 0) throw new ModelFitException(Name, "there are no customers to fit");
        double Total(double[] p)
        {
            var parameters = new BgNbdParameters(p[0], p[1], p[2], p[3]);
            var sum = 0.0;
            foreach (var (x, tx, t, weight) in patterns) sum += weight * LogLikelihood(parameters, x, tx, t);
            return sum;
        }
        var (values, diagnostics) = LikelihoodFit.Maximise(Name, ["r", "alpha", "a", "b"], Total, [1, 1, 1, 1], summary.Customers.Count, patterns.Length);
        return new BgNbdFit(new BgNbdParameters(values[0], values[1], values[2], values[3]), diagnostics, summary.Unit);
    }

    /// <summary>One customer's log-likelihood (the paper's equation 6, summed in logs so that no term overflows).</summary>
    public static double LogLikelihood(BgNbdParameters p, int x, double tx, double t)
    {
        var (r, alpha, a, b) = (p.R, p.Alpha, p.A, p.B);
        var a1 = SpecialFunctions.LogGamma(r + x) - SpecialFunctions.LogGamma(r) + r * Math.Log(alpha);
        var a2 = SpecialFunctions.LogGamma(a + b) + SpecialFunctions.LogGamma(b + x) - SpecialFunctions.LogGamma(b) - SpecialFunctions.LogGamma(a + b + x);
        var a3 = -(r + x) * Math.Log(alpha + t);
        if (x == 0) return a1 + a2 + a3;
        var a4 = Math.Log(a) - Math.Log(b + x - 1) - (r + x) * Math.Log(alpha + tx);
        return a1 + a2 + LogAddExp(a3, a4);
    }

    private static double LogAddExp(double u, double v) => Math.Max(u, v) + Math.Log(1 + Math.Exp(-Math.Abs(u - v)));

    /// <summary>
    /// Expected purchases in the next <paramref name="horizon"/> of a customer with (x, t_x, T): the paper's
    /// equation 10, with the hypergeometric function by its series.
    /// </summary>
    public static double ExpectedPurchases(BgNbdParameters p, double horizon, int x, double tx, double t)
    {
        var (r, alpha, a, b) = (p.R, p.Alpha, p.A, p.B);
        var z = horizon / (alpha + t + horizon);
        var hypergeometric = Math.Log(SpecialFunctions.Hypergeometric2F1(r + x, b + x, a + b + x - 1, z));
        var first = (a + b + x - 1) / (a - 1);
        var second = 1 - Math.Exp(hypergeometric + (r + x) * Math.Log((alpha + t) / (alpha + t + horizon)));
        var denominator = 1 + (x > 0 ? a / (b + x - 1) * Math.Pow((alpha + t) / (alpha + tx), r + x) : 0);
        return first * second / denominator;
    }

    /// <summary>The probability that a customer with (x, t_x, T) is still alive at T (1 for a customer with no repeat purchase).</summary>
    public static double ProbabilityAlive(BgNbdParameters p, int x, double tx, double t)
    {
        if (x == 0) return 1;
        var logRatio = (p.R + x) * Math.Log((p.Alpha + t) / (p.Alpha + tx)) + Math.Log(p.A / (p.B + x - 1));
        return 1 / (1 + Math.Exp(logRatio));
    }
}
