using Segmentation.Numerics;

namespace Segmentation.Lifetime;

/// <summary>
/// The Pareto/NBD model (Schmittlein, Morrison and Colombo 1987), fitted by maximum likelihood on the summary:
/// customers with the same (x, t_x, T) are one term with a weight; the terms of x alone are computed once per x.
/// </summary>
internal static class ParetoNbd
{
    public const string Name = "Pareto/NBD";

    /// <summary>Below this share of customers leaving within the longest history the fit is taken to say: no dropout.</summary>
    private const double NoDropoutBelow = 1e-4;

    public static ParetoNbdFit Fit(BtydSummary summary)
    {
        var patterns = summary.Patterns();
        if (patterns.Length == 0) throw new ModelFitException(Name, "there are no customers to fit");
        var xs = patterns.Select(p => p.X).Distinct().Order().ToArray();
        var ofX = patterns.Select(p => Array.BinarySearch(xs, p.X)).ToArray();
        var leading = new double[xs.Length];
        // A0 needs the tail at (x, t_x) and at (x, T): far fewer distinct pairs than patterns (whole days repeat), so
        // each is computed once per evaluation, in parallel.
        var keys = new Dictionary<(int X, double Y), int>();
        int Key(int x, double y) => keys.TryGetValue((x, y), out var k) ? k : keys[(x, y)] = keys.Count;
        var atTx = patterns.Select(p => Key(p.X, p.Tx)).ToArray();
        var atT = patterns.Select(p => Key(p.X, p.T)).ToArray();
        var pairs = keys.OrderBy(k => k.Value).Select(k => k.Key).ToArray();
        var tails = new double[pairs.Length];
        double LogLikelihood(double[] p)
        {
            var (r, alpha, s, beta) = (p[0], p[1], p[2], p[3]);
            var (lgR, logAlpha, logBeta, logS) = (SpecialFunctions.LogGamma(r), Math.Log(alpha), Math.Log(beta), Math.Log(s));
            for (var k = 0; k < xs.Length; k++) leading[k] = SpecialFunctions.LogGamma(r + xs[k]) - lgR + r * logAlpha + s * logBeta;
            Parallel.For(0, pairs.Length, k => tails[k] = ParetoNbdFit.LogTail(r, alpha, s, beta, pairs[k].X, pairs[k].Y));
            return ParallelSum.Of(patterns.Length, (from, to) =>
            {
                var sum = 0.0;
                for (var i = from; i < to; i++)
                {
                    var (x, _, t, weight) = patterns[i];
                    // The note's equation 18: alive throughout, or gone at some time between the last purchase and T.
                    var alive = -(r + x) * Math.Log(alpha + t) - s * Math.Log(beta + t);
                    var logA0 = ParetoNbdFit.LogDifference(tails[atTx[i]], tails[atT[i]]);
                    var gone = logS - Math.Log(r + s + x) + logA0;
                    sum += weight * (leading[ofX[i]] + Math.Max(alive, gone) + Math.Log(1 + Math.Exp(-Math.Abs(alive - gone))));
                }
                return sum;
            });
        }
        var (values, diagnostics) = LikelihoodFit.Maximise(Name, ["r", "alpha", "s", "beta"], LogLikelihood, [1, 1, 1, 1], summary.Customers.Count, patterns.Length);
        // The share of customers who would leave within the longest customer's time, 1 - (beta / (beta + T))^s.
        var leaving = -SpecialFunctions.ExpM1(values[2] * Math.Log(values[3] / (values[3] + patterns.Max(p => p.T))));
        if (leaving >= NoDropoutBelow) return new ParetoNbdFit(values[0], values[1], values[2], values[3], diagnostics, summary.Unit);
        var reading = $"the likelihood is highest with no dropout (at the search's end {leaving:G2} of customers would leave within the longest history): " +
            "s and beta are not identified, and the model is its limit, the NBD: every customer alive, buying at their own rate";
        var (r, alpha, limit) = Nbd.FitLimit(Name, patterns, values[0], values[1], summary.Customers.Count, reading);
        return new ParetoNbdFit(r, alpha, null, null, limit, summary.Unit);
    }
}
