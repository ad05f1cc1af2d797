using Segmentation.Numerics;

namespace Segmentation.Lifetime;

/// <summary>
/// The Pareto/NBD model (Schmittlein, Morrison and Colombo 1987), fitted by maximum likelihood on the summary:
/// customers with the same (x, t_x, T) are one term with a weight; the terms of x alone are computed once per x.
/// </summary>
internal static class ParetoNbd
{
    public const string Name = "Pareto/NBD";

    public static ParetoNbdFit Fit(BtydSummary summary)
    {
        var patterns = summary.Patterns();
        if (patterns.Length == 0) throw new ModelFitException(Name, "there are no customers to fit");
        var xs = patterns.Select(p => p.X).Distinct().Order().ToArray();
        var ofX = patterns.Select(p => Array.BinarySearch(xs, p.X)).ToArray();
        var leading = new double[xs.Length];
        double LogLikelihood(double[] p)
        {
            var (r, alpha, s, beta) = (p[0], p[1], p[2], p[3]);
            var (lgR, logAlpha, logBeta, logS) = (SpecialFunctions.LogGamma(r), Math.Log(alpha), Math.Log(beta), Math.Log(s));
            for (var k = 0; k < xs.Length; k++) leading[k] = SpecialFunctions.LogGamma(r + xs[k]) - lgR + r * logAlpha + s * logBeta;
            var sum = 0.0;
            for (var i = 0; i < patterns.Length; i++)
            {
                var (x, tx, t, weight) = patterns[i];
                // The note's equation 18: alive throughout, or gone at some time between the last purchase and T.
                var alive = -(r + x) * Math.Log(alpha + t) - s * Math.Log(beta + t);
                var logA0 = ParetoNbdFit.LogDifference(ParetoNbdFit.LogTail(r, alpha, s, beta, x, tx), ParetoNbdFit.LogTail(r, alpha, s, beta, x, t));
                var gone = logS - Math.Log(r + s + x) + logA0;
                sum += weight * (leading[ofX[i]] + Math.Max(alive, gone) + Math.Log(1 + Math.Exp(-Math.Abs(alive - gone))));
            }
            return sum;
        }
        var (values, diagnostics) = LikelihoodFit.Maximise(Name, ["r", "alpha", "s", "beta"], LogLikelihood, [1, 1, 1, 1], summary.Customers.Count, patterns.Length);
        return new ParetoNbdFit(values[0], values[1], values[2], values[3], diagnostics, summary.Unit);
    }
}
