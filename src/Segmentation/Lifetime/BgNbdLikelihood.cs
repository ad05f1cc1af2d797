using Segmentation.Numerics;

namespace Segmentation.Lifetime;

/// <summary>
/// The BG/NBD log-likelihood of the customers, summed over their distinct (x, t_x, T) patterns with weights: the
/// paper's equation 6, summed in logs so that no term overflows; or MBG/NBD's (Batislam, Denizel and Filiztekin 2007),
/// where the first purchase is a chance to leave too. The terms that depend on x alone (three log gammas and
/// a log) are computed once per distinct x, since the search evaluates the sum about a thousand times.
/// </summary>
internal sealed class BgNbdLikelihood
{
    private readonly (int X, double Tx, double T, double Weight)[] _patterns;
    private readonly int[] _xs;
    private readonly int[] _ofX;
    private readonly double[] _a1;
    private readonly double[] _a2;
    private readonly double[] _a4;
    private readonly bool _leavesAfterFirst;

    public BgNbdLikelihood((int X, double Tx, double T, double Weight)[] patterns, bool leavesAfterFirst = false)
    {
        _patterns = patterns;
        _leavesAfterFirst = leavesAfterFirst;
        _xs = [.. patterns.Select(p => p.X).Distinct().Order()];
        _ofX = [.. patterns.Select(p => Array.BinarySearch(_xs, p.X))];
        (_a1, _a2, _a4) = (new double[_xs.Length], new double[_xs.Length], new double[_xs.Length]);
    }

    /// <summary>Not thread-safe: one search at a time (the per-x terms are kept between calls to spare allocations).</summary>
    public double Sum(double r, double alpha, double a, double b)
    {
        var (lgR, logAlpha, lgAb, lgB, logA) = (SpecialFunctions.LogGamma(r), Math.Log(alpha), SpecialFunctions.LogGamma(a + b), SpecialFunctions.LogGamma(b), Math.Log(a));
        // MBG/NBD: x + 1 chances to leave where BG/NBD has x.
        var shift = _leavesAfterFirst ? 1 : 0;
        for (var k = 0; k < _xs.Length; k++)
        {
            var x = _xs[k];
            _a1[k] = SpecialFunctions.LogGamma(r + x) - lgR + r * logAlpha;
            _a2[k] = lgAb + SpecialFunctions.LogGamma(b + x + shift) - lgB - SpecialFunctions.LogGamma(a + b + x + shift);
            _a4[k] = logA - Math.Log(b + x - 1 + shift);
        }
        return ParallelSum.Of(_patterns.Length, (from, to) =>
        {
            var sum = 0.0;
            for (var i = from; i < to; i++)
            {
                var (x, tx, t, weight) = _patterns[i];
                var k = _ofX[i];
                var a3 = -(r + x) * Math.Log(alpha + t);
                var term = x == 0 && !_leavesAfterFirst ? _a1[k] + _a2[k] + a3 : _a1[k] + _a2[k] + LogAddExp(a3, _a4[k] - (r + x) * Math.Log(alpha + tx));
                sum += weight * term;
            }
            return sum;
        });
    }

    private static double LogAddExp(double u, double v) => Math.Max(u, v) + Math.Log(1 + Math.Exp(-Math.Abs(u - v)));
}
