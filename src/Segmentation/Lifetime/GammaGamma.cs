using Segmentation.Numerics;

namespace Segmentation.Lifetime;

/// <summary>The Gamma-Gamma spend model's parameters: a purchase's value is Gamma(p, nu), each customer's nu Gamma(q, gamma).</summary>
public sealed record GammaGammaParameters(double P, double Q, double Gamma);

/// <summary>A fitted Gamma-Gamma model, with the check of its assumption: spend per purchase independent of frequency.</summary>
public sealed record GammaGammaFit(GammaGammaParameters Parameters, FitDiagnostics Diagnostics, double FrequencySpendCorrelation);

/// <summary>
/// The Gamma-Gamma model of spend per purchase (Fader, Hardie and Lee 2005, "RFM and CLV"; Fader and Hardie 2013),
/// fitted by maximum likelihood on the customers with repeat purchases, on their number of repeat purchase days and
/// the mean value of those.
/// </summary>
internal static class GammaGamma
{
    public const string Name = "Gamma-Gamma";

    public static GammaGammaFit Fit(BtydSummary summary)
    {
        var repeat = summary.Customers.Where(c => c.Frequency > 0 && c.MonetaryValue > 0).ToList();
        if (repeat.Count < 2) throw new ModelFitException(Name, $"{repeat.Count} customer(s) with a repeat purchase of positive value; the spend model needs more");
        var groups = Groups<(int X, double M)>.By(repeat, c => (c.Frequency, c.MonetaryValue));
        var patterns = groups.Keys.Select((k, i) => (X: (double)k.X, M: k.M, Weight: (double)groups.Counts[i])).ToArray();
        // log m does not depend on the parameters: once per pattern, not once per evaluation.
        var logM = patterns.Select(p => Math.Log(p.M)).ToArray();
        // The terms that depend on x alone are computed once per distinct x per evaluation, in the order of the one expression.
        var xs = patterns.Select(p => p.X).Distinct().Order().ToArray();
        var ofX = patterns.Select(p => Array.BinarySearch(xs, p.X)).ToArray();
        var logX = xs.Select(x => Math.Log(x)).ToArray();
        var leading = new double[xs.Length];
        double LogLikelihood(double[] v)
        {
            var (p, q, gamma) = (v[0], v[1], v[2]);
            var (lgQ, qLogGamma) = (SpecialFunctions.LogGamma(q), q * Math.Log(gamma));
            for (var k = 0; k < xs.Length; k++) leading[k] = SpecialFunctions.LogGamma(p * xs[k] + q) - SpecialFunctions.LogGamma(p * xs[k]) - lgQ + qLogGamma;
            return ParallelSum.Of(patterns.Length, (from, to) =>
            {
                var sum = 0.0;
                for (var i = from; i < to; i++)
                {
                    var (x, m, weight) = patterns[i];
                    var k = ofX[i];
                    sum += weight * (leading[k] + (p * x - 1) * logM[i] + p * x * logX[k] - (p * x + q) * Math.Log(x * m + gamma));
                }
                return sum;
            });
        }
        var (values, diagnostics) = LikelihoodFit.Maximise(Name, ["p", "q", "gamma"], LogLikelihood, [1, 1, 1], repeat.Count, patterns.Length);
        if (values[1] <= 1) throw new ModelFitException(Name, $"q = {values[1]:G3} is at or below 1: the customers' mean spend per purchase has no finite expectation under the fit");
        var correlation = Correlation(repeat.Select(c => (double)c.Frequency).ToArray(), repeat.Select(c => c.MonetaryValue).ToArray());
        return new GammaGammaFit(new GammaGammaParameters(values[0], values[1], values[2]), diagnostics, correlation);
    }

    /// <summary>The expected value of a purchase by a customer with x repeat purchases of mean value m (the population mean for x = 0).</summary>
    public static double ExpectedAverageValue(GammaGammaParameters g, int x, double m) =>
        g.P * (g.Gamma + x * m) / (g.P * x + g.Q - 1);

    private static double Correlation(double[] u, double[] v)
    {
        var (mu, mv) = (u.Average(), v.Average());
        double suv = 0, suu = 0, svv = 0;
        for (var i = 0; i < u.Length; i++)
        {
            suv += (u[i] - mu) * (v[i] - mv);
            suu += (u[i] - mu) * (u[i] - mu);
            svv += (v[i] - mv) * (v[i] - mv);
        }
        return suu > 0 && svv > 0 ? suv / Math.Sqrt(suu * svv) : double.NaN;
    }
}
