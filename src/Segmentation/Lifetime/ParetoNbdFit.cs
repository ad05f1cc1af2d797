using Segmentation.Numerics;

namespace Segmentation.Lifetime;

/// <summary>
/// A fitted Pareto/NBD model (Schmittlein, Morrison and Colombo 1987), in the summary's unit: while alive a customer
/// buys at their own Poisson rate, Gamma(r, alpha) across customers, and leaves at a time of their own, exponential
/// with a rate Gamma(s, beta) across customers, purchase or not. The formulas are Fader, Hardie and Lee's 2005 note
/// ("A note on deriving the Pareto/NBD model and related expressions"), with its A0 as a difference of one function,
/// <see cref="LogTail"/>, summed so that it neither overflows nor loses a heavy buyer's terms. <see cref="S"/> and
/// <see cref="Beta"/> are null where the fit is its no-dropout limit, the NBD.
/// </summary>
public sealed record ParetoNbdFit(double R, double Alpha, double? S, double? Beta, FitDiagnostics Diagnostics, TimeUnit Unit) : PurchaseModelFit(Diagnostics, Unit)
{
    public override string Model => ParetoNbd.Name;

    public override bool NoDropout => S is null || Beta is null;

    public override IReadOnlyList<(string Name, double? Value)> Parameters => [("r", R), ("alpha", Alpha), ("s", S), ("beta", Beta)];

    internal override double[] Estimated => NoDropout ? [R, Alpha] : [R, Alpha, S!.Value, Beta!.Value];

    internal override PurchaseModelFit With(double[] estimated) =>
        NoDropout ? this with { R = estimated[0], Alpha = estimated[1] } : this with { R = estimated[0], Alpha = estimated[1], S = estimated[2], Beta = estimated[3] };

    internal override (double Shape, double Rate)? PurchaseRates => (R, Alpha);

    internal override Dropout? Dropout => NoDropout ? null : new Dropout(DropoutKind.Rate, S!.Value, Beta!.Value);

    /// <summary>A rate from Gamma(r, alpha), a rate of leaving from Gamma(s, beta) and a lifetime exponential at it; purchases after exponential waits until the lifetime or T.</summary>
    internal override int SimulateRepeats(double t, Random random)
    {
        var rate = RandomDraws.Gamma(random, R, Alpha);
        var end = NoDropout ? t : Math.Min(t, RandomDraws.Exponential(random, RandomDraws.Gamma(random, S!.Value, Beta!.Value)));
        var (repeats, time) = (0, 0.0);
        while ((time += RandomDraws.Exponential(random, rate)) <= end) repeats++;
        return repeats;
    }

    /// <summary>The note's equation 41: P(alive) times the expected purchases of a customer who stays while they may leave.</summary>
    public override void ExpectedPurchases(ReadOnlySpan<double> horizons, int x, double tx, double t, Span<double> into)
    {
        if (NoDropout)
        {
            Nbd.ExpectedPurchases(R, Alpha, horizons, x, t, into);
            return;
        }
        var (s, beta) = (S!.Value, Beta!.Value);
        var alive = ProbabilityAlive(x, tx, t);
        var scale = alive * (R + x) * (beta + t) / (Alpha + t);
        for (var i = 0; i < horizons.Length; i++)
        {
            // (1 - q^(s-1)) / (s - 1), q = (beta+T)/(beta+T+t): its limit -ln q at s = 1 taken smoothly.
            var logQ = Math.Log((beta + t) / (beta + t + horizons[i]));
            var s1 = s - 1;
            into[i] = scale * (Math.Abs(s1) < 1e-9 ? -logQ : -SpecialFunctions.ExpM1(s1 * logQ) / s1);
        }
    }

    /// <summary>The note's equation 36 (1 / (1 + s/(r+s+x) (alpha+T)^(r+x) (beta+T)^s A0)).</summary>
    public override double ProbabilityAlive(int x, double tx, double t)
    {
        if (NoDropout) return 1;
        return Alive(x, t, LogTail(R, Alpha, S!.Value, Beta!.Value, x, tx), LogTail(R, Alpha, S!.Value, Beta!.Value, x, t));
    }

    /// <summary>P(alive) from the tail at t_x and at T.</summary>
    private double Alive(int x, double t, double tailTx, double tailT)
    {
        var (s, beta) = (S!.Value, Beta!.Value);
        var logA0 = LogDifference(tailTx, tailT);
        return 1 / (1 + Math.Exp(Math.Log(s) - Math.Log(R + s + x) + (R + x) * Math.Log(Alpha + t) + s * Math.Log(beta + t) + logA0));
    }

    /// <summary>
    /// Gone, or alive at T and making no purchase before leaving or the window's end. Alive, the rates are Gamma(r + x,
    /// alpha + T) and Gamma(s, beta + T): no purchase and no leaving in the window has chance
    /// ((alpha+T)/(alpha+T+t))^(r+x) ((beta+T)/(beta+T+t))^s, and leaving at u in the window before any purchase has
    /// density s/(beta+T+u) ((alpha+T)/(alpha+T+u))^(r+x) ((beta+T)/(beta+T+u))^s, whose integral is a difference of
    /// <see cref="LogTail"/>.
    /// </summary>
    internal override Func<double, double> NoPurchaseCurve(int x, double tx, double t)
    {
        if (NoDropout) return horizon => Nbd.ProbabilityNoPurchase(R, Alpha, horizon, x, t);
        var (s, beta) = (S!.Value, Beta!.Value);
        var tailT = LogTail(R, Alpha, s, beta, x, t);
        var alive = Alive(x, t, LogTail(R, Alpha, s, beta, x, tx), tailT);
        var (a, b, rx) = (Alpha + t, beta + t, R + x);
        var lead = Math.Log(s) + rx * Math.Log(a) + s * Math.Log(b) - Math.Log(R + s + x);
        return horizon =>
        {
            var stays = Math.Exp(rx * Math.Log(a / (a + horizon)) + s * Math.Log(b / (b + horizon)));
            var logLeaves = lead + LogDifference(tailT, LogTail(R, Alpha, s, beta, x, t + horizon));
            return 1 - alive + alive * Math.Min(1, stays + Math.Exp(logLeaves));
        };
    }

    /// <summary>
    /// ln G(y), G(y) = (r+s+x) ∫_y^∞ (alpha+u)^-(r+x) (beta+u)^-(s+1) du, so that A0 = G(t_x) - G(T). In closed form
    /// G(y) = 2F1(r+s+x, b; r+s+x+1; w) / (m+y)^(r+s+x), m = max(alpha, beta), w = |alpha - beta| / (m+y), b = r+x when
    /// alpha &lt; beta and s+1 otherwise. Euler's transformation, 2F1(c-1, b; c; w) = (1-w)^(1-b) 2F1(1, c-b; c; w),
    /// leaves a function whose series falls from its first term by at least w each: the untransformed one's terms grow
    /// for about (r+x) w / (1-w) terms first, to beyond a double for a heavy buyer (lifetimes' issue 25). Where w nears
    /// 1 (alpha and beta far apart: a fit heading for no dropout) the series needs about 40 / (1-w) terms, and Gauss's
    /// continued fraction takes over: about 800 at w = 0.9996, where the series takes 100,000.
    /// </summary>
    internal static double LogTail(double r, double alpha, double s, double beta, int x, double y)
    {
        var c = r + s + x + 1;
        var (high, low, b) = alpha < beta ? (beta, alpha, r + x) : (alpha, beta, s + 1);
        var w = (high - low) / (high + y);
        var f = w <= SeriesUpTo ? Series(c - b, c, w) : ContinuedFraction(c - b, c, w);
        return (1 - b) * (Math.Log(low + y) - Math.Log(high + y)) + Math.Log(f) - (c - 1) * Math.Log(high + y);
    }

    /// <summary>Up to this w the series is summed (at most about 370 terms to the last that counts); beyond it, the continued fraction.</summary>
    private const double SeriesUpTo = 0.9;

    /// <summary>2F1(1, b; c; w) = Σ (b)_n / (c)_n w^n for 0 &lt; b &lt; c, to the last term that changes the sum.</summary>
    private static double Series(double b, double c, double w)
    {
        var (term, sum) = (1.0, 1.0);
        for (var n = 0; term > 1e-17 * sum; n++)
        {
            term *= (b + n) / (c + n) * w;
            sum += term;
        }
        return sum;
    }

    /// <summary>
    /// 2F1(1, b; c; w) as Gauss's continued fraction for F(a+1, b; c'+1; w) / F(a, b; c'; w) at a = 0, c' = c - 1
    /// (1 / (1 + k1 w / (1 + k2 w / ...)), k(2m+1) = (a-c'-m)(b+m) / ((c'+2m)(c'+2m+1)), k(2m) = (b-c'-m)(a+m) / ((c'+2m-1)(c'+2m))),
    /// evaluated from the top by the modified Lentz method until a step changes it by less than 1e-16.
    /// </summary>
    private static double ContinuedFraction(double b, double c, double w)
    {
        const double Tiny = 1e-300;
        var cp = c - 1;
        var (g, lentzC, lentzD) = (1.0, 1.0, 0.0);
        for (var j = 1; j < MaxSteps; j++)
        {
            var m = j / 2;
            var k = j % 2 == 1 ? (-cp - m) * (b + m) / ((cp + 2 * m) * (cp + 2 * m + 1)) : (b - cp - m) * m / ((cp + 2 * m - 1) * (cp + 2 * m));
            lentzD = 1 + k * w * lentzD;
            lentzC = 1 + k * w / lentzC;
            if (lentzD == 0) lentzD = Tiny;
            if (lentzC == 0) lentzC = Tiny;
            lentzD = 1 / lentzD;
            var delta = lentzC * lentzD;
            g *= delta;
            if (Math.Abs(delta - 1) < 1e-16) break;
        }
        return 1 / g;
    }

    /// <summary>The continued fraction's steps grow as 1 / sqrt(1 - w): 45,000 at w = 1 - 1e-7, beyond what a fit's parameters reach (log-parameters within ±12).</summary>
    private const int MaxSteps = 1_000_000;

    /// <summary>ln(e^u - e^v) for u ≥ v; -∞ when they are equal (A0 of a customer whose last purchase is now).</summary>
    internal static double LogDifference(double u, double v) => v >= u ? double.NegativeInfinity : u + Math.Log(-SpecialFunctions.ExpM1(v - u));
}
