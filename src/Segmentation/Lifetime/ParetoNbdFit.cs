using Segmentation.Numerics;

namespace Segmentation.Lifetime;

/// <summary>
/// A fitted Pareto/NBD model (Schmittlein, Morrison and Colombo 1987), in the summary's unit: while alive a customer
/// buys at their own Poisson rate, Gamma(r, alpha) across customers, and leaves at a time of their own, exponential
/// with a rate Gamma(s, beta) across customers, purchase or not. The formulas are Fader, Hardie and Lee's 2005 note
/// ("A note on deriving the Pareto/NBD model and related expressions"), with its A0 as a difference of one function,
/// <see cref="LogTail"/>, summed so that it neither overflows nor loses a heavy buyer's terms.
/// </summary>
public sealed record ParetoNbdFit(double R, double Alpha, double S, double Beta, FitDiagnostics Diagnostics, TimeUnit Unit) : PurchaseModelFit(Diagnostics, Unit)
{
    public override string Model => ParetoNbd.Name;

    public override IReadOnlyList<(string Name, double? Value)> Parameters => [("r", R), ("alpha", Alpha), ("s", S), ("beta", Beta)];

    internal override double[] Estimated => [R, Alpha, S, Beta];

    internal override PurchaseModelFit With(double[] estimated) => this with { R = estimated[0], Alpha = estimated[1], S = estimated[2], Beta = estimated[3] };

    /// <summary>The note's equation 41: P(alive) times the expected purchases of a customer who stays while they may leave.</summary>
    public override void ExpectedPurchases(ReadOnlySpan<double> horizons, int x, double tx, double t, Span<double> into)
    {
        var alive = ProbabilityAlive(x, tx, t);
        var scale = alive * (R + x) * (Beta + t) / (Alpha + t);
        for (var i = 0; i < horizons.Length; i++)
        {
            // (1 - q^(s-1)) / (s - 1), q = (beta+T)/(beta+T+t): its limit -ln q at s = 1 taken smoothly.
            var logQ = Math.Log((Beta + t) / (Beta + t + horizons[i]));
            var s1 = S - 1;
            into[i] = scale * (Math.Abs(s1) < 1e-9 ? -logQ : -SpecialFunctions.ExpM1(s1 * logQ) / s1);
        }
    }

    /// <summary>The note's equation 36 (1 / (1 + s/(r+s+x) (alpha+T)^(r+x) (beta+T)^s A0)).</summary>
    public override double ProbabilityAlive(int x, double tx, double t)
    {
        var logA0 = LogDifference(LogTail(R, Alpha, S, Beta, x, tx), LogTail(R, Alpha, S, Beta, x, t));
        return 1 / (1 + Math.Exp(Math.Log(S) - Math.Log(R + S + x) + (R + x) * Math.Log(Alpha + t) + S * Math.Log(Beta + t) + logA0));
    }

    /// <summary>
    /// Gone, or alive at T and making no purchase before leaving or the window's end. Alive, the rates are Gamma(r + x,
    /// alpha + T) and Gamma(s, beta + T): no purchase and no leaving in the window has chance
    /// ((alpha+T)/(alpha+T+t))^(r+x) ((beta+T)/(beta+T+t))^s, and leaving at u in the window before any purchase has
    /// density s/(beta+T+u) ((alpha+T)/(alpha+T+u))^(r+x) ((beta+T)/(beta+T+u))^s, whose integral is a difference of
    /// <see cref="LogTail"/>.
    /// </summary>
    public override double ProbabilityNoPurchase(double horizon, int x, double tx, double t)
    {
        var alive = ProbabilityAlive(x, tx, t);
        var (a, b, rx) = (Alpha + t, Beta + t, R + x);
        var stays = Math.Exp(rx * Math.Log(a / (a + horizon)) + S * Math.Log(b / (b + horizon)));
        var logLeaves = Math.Log(S) + rx * Math.Log(a) + S * Math.Log(b) - Math.Log(R + S + x)
            + LogDifference(LogTail(R, Alpha, S, Beta, x, t), LogTail(R, Alpha, S, Beta, x, t + horizon));
        return 1 - alive + alive * Math.Min(1, stays + Math.Exp(logLeaves));
    }

    /// <summary>
    /// ln G(y), G(y) = (r+s+x) ∫_y^∞ (alpha+u)^-(r+x) (beta+u)^-(s+1) du, so that A0 = G(t_x) - G(T). In closed form
    /// G(y) = 2F1(r+s+x, b; r+s+x+1; w) / (m+y)^(r+s+x), m = max(alpha, beta), w = |alpha - beta| / (m+y), b = r+x when
    /// alpha &lt; beta and s+1 otherwise. Euler's transformation, 2F1(c-1, b; c; w) = (1-w)^(1-b) 2F1(1, c-b; c; w),
    /// leaves a series whose terms fall from the first by at least w each: the untransformed one's grow for about
    /// (r+x) w / (1-w) terms first, to beyond a double for a heavy buyer (lifetimes' issue 25).
    /// </summary>
    internal static double LogTail(double r, double alpha, double s, double beta, int x, double y)
    {
        var c = r + s + x + 1;
        var (high, low, b) = alpha < beta ? (beta, alpha, r + x) : (alpha, beta, s + 1);
        var w = (high - low) / (high + y);
        var (term, sum) = (1.0, 1.0);
        for (var n = 0; n < MaxTerms && term > 1e-17 * sum; n++)
        {
            term *= (c - b + n) / (c + n) * w;
            sum += term;
        }
        return (1 - b) * (Math.Log(low + y) - Math.Log(high + y)) + Math.Log(sum) - (c - 1) * Math.Log(high + y);
    }

    /// <summary>The series is summed to the last term that counts; past this many (w within 4e-6 of 1) the sum is as good as it gets.</summary>
    private const int MaxTerms = 10_000_000;

    /// <summary>ln(e^u - e^v) for u ≥ v; -∞ when they are equal (A0 of a customer whose last purchase is now).</summary>
    internal static double LogDifference(double u, double v) => v >= u ? double.NegativeInfinity : u + Math.Log(-SpecialFunctions.ExpM1(v - u));
}
