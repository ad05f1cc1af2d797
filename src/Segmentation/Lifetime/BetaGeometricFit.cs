using Segmentation.Numerics;

namespace Segmentation.Lifetime;

/// <summary>
/// A fitted model where a customer buys at their own Poisson rate, Gamma(r, alpha) across customers, and may leave at
/// a purchase with their own probability, Beta(a, b): BG/NBD (Fader, Hardie and Lee 2005) and MBG/NBD (Batislam,
/// Denizel and Filiztekin 2007), where the first purchase is such a chance too. MBG/NBD's formulas are BG/NBD's with
/// b + 1 in place of b and the dropout term present for a customer with no repeat purchase as well. When the
/// likelihood is highest with no dropout at all (a/(a+b) going to 0, where a and b are not identified), <see cref="A"/>
/// and <see cref="B"/> are null and the model is its limit, the NBD: every customer alive, buying at their own rate.
/// </summary>
public abstract record BetaGeometricFit(double R, double Alpha, double? A, double? B, FitDiagnostics Diagnostics, TimeUnit Unit) : PurchaseModelFit(Diagnostics, Unit)
{
    public override bool NoDropout => A is null || B is null;

    /// <summary>MBG/NBD: the first purchase is a chance to leave.</summary>
    internal abstract bool LeavesAfterFirst { get; }

    public override IReadOnlyList<(string Name, double? Value)> Parameters => [("r", R), ("alpha", Alpha), ("a", A), ("b", B)];

    internal override double[] Estimated => NoDropout ? [R, Alpha] : [R, Alpha, A!.Value, B!.Value];

    internal override PurchaseModelFit With(double[] estimated) =>
        NoDropout ? this with { R = estimated[0], Alpha = estimated[1] } : this with { R = estimated[0], Alpha = estimated[1], A = estimated[2], B = estimated[3] };

    public override void ExpectedPurchases(ReadOnlySpan<double> horizons, int x, double tx, double t, Span<double> into) =>
        ExpectedPurchases(horizons, x, new ReadOnlySpan<double>(in tx), t, into);

    /// <summary>
    /// BG/NBD's equation 10 (MBG/NBD's: Wagner and Hoppe 2008), the hypergeometric function by its series, one pass
    /// for all horizons; for the no-dropout limit (r + x) t / (alpha + T). The numerator depends on x and T alone,
    /// only the denominator on t_x: the series is summed once for every recency.
    /// </summary>
    internal override void ExpectedPurchases(ReadOnlySpan<double> horizons, int x, ReadOnlySpan<double> recencies, double t, Span<double> into)
    {
        var n = horizons.Length;
        var (r, alpha) = (R, Alpha);
        if (NoDropout)
        {
            for (var j = 0; j < recencies.Length; j++) Nbd.ExpectedPurchases(r, alpha, horizons, x, t, into.Slice(j * n, n));
            return;
        }
        var (a, b) = (A!.Value, B!.Value + (LeavesAfterFirst ? 1 : 0));
        Span<double> numerators = n <= 64 ? stackalloc double[n] : new double[n];
        double Denominator(double tx, double odds) => 1 + (x > 0 || LeavesAfterFirst ? odds * Math.Pow((alpha + t) / (alpha + tx), r + x) : 0);
        double odds;
        if (a > GeometricLimit)
        {
            odds = Geometric(a, b, horizons, x, t, numerators);
        }
        else
        {
            // Euler's transformation: 2F1(r+x, b+x; c; z) (1-z)^(r+x) = (1-z)^(a-1) 2F1(a+b-1-r, a-1; c; z) with c = a+b+x-1.
            // The transformed series falls from its first term (the original's first grows for about x z / (1 - z) terms,
            // a thousand for a heavy buyer), and the product needs no huge sum times a tiny power.
            Span<double> z = n <= 64 ? stackalloc double[n] : new double[n];
            for (var i = 0; i < n; i++) z[i] = horizons[i] / (alpha + t + horizons[i]);
            SpecialFunctions.Hypergeometric2F1(a + b - 1 - r, a - 1, a + b + x - 1, z, numerators);
            var first = (a + b + x - 1) / (a - 1);
            for (var i = 0; i < n; i++)
            {
                var second = 1 - Math.Pow((alpha + t) / (alpha + t + horizons[i]), a - 1) * numerators[i];
                numerators[i] = first * second;
            }
            odds = a / (b + x - 1);
        }
        for (var j = 0; j < recencies.Length; j++)
        {
            var denominator = Denominator(recencies[j], odds);
            for (var i = 0; i < n; i++) into[j * n + i] = numerators[i] / denominator;
        }
    }

    /// <summary>
    /// Beyond this a, the fit is at its boundary where a and b grow together (one chance of leaving, a/(a+b), for
    /// everyone): Euler's form would multiply an overflowing series by an underflowing power, and the limit is exact
    /// to about x/a.
    /// </summary>
    private const double GeometricLimit = 1e4;

    /// <summary>
    /// Equation 10 as a and b go to infinity with p = a/(a+b), q = 1 - p: 2F1(r+x, b+x; a+b+x-1; z) tends to
    /// (1 - q z)^-(r+x) and (a+b+x-1)/(a-1) to 1/p, so E = (1 - ((1-z)/(1-qz))^(r+x)) / p over the same denominator:
    /// the numerators into <paramref name="into"/>, the denominator's odds (p/q) returned.
    /// </summary>
    private double Geometric(double a, double b, ReadOnlySpan<double> horizons, int x, double t, Span<double> into)
    {
        var p = a / (a + b);
        var q = b / (a + b);
        for (var i = 0; i < horizons.Length; i++)
        {
            var z = horizons[i] / (Alpha + t + horizons[i]);
            into[i] = -SpecialFunctions.ExpM1((R + x) * (Math.Log(1 - z) - Math.Log(1 - q * z))) / p;
        }
        return p / q;
    }

    /// <summary>P(alive at T): 1 without dropout, and under BG/NBD for a customer with no repeat purchase (nobody leaves before buying again).</summary>
    public override double ProbabilityAlive(int x, double tx, double t)
    {
        if (NoDropout || (x == 0 && !LeavesAfterFirst)) return 1;
        var b = B!.Value + (LeavesAfterFirst ? 1 : 0);
        var logRatio = (R + x) * Math.Log((Alpha + t) / (Alpha + tx)) + Math.Log(A!.Value / (b + x - 1));
        return 1 / (1 + Math.Exp(logRatio));
    }

    /// <summary>
    /// Gone, or alive and buying nothing (the posterior Gamma rate's chance of no Poisson event): a customer leaves
    /// only at a purchase, so none leaves in a window without one.
    /// </summary>
    internal override Func<double, double> NoPurchaseCurve(int x, double tx, double t)
    {
        var alive = ProbabilityAlive(x, tx, t);
        return horizon => 1 - alive + alive * Nbd.ProbabilityNoPurchase(R, Alpha, horizon, x, t);
    }

    internal override (double Shape, double Rate)? PurchaseRates => (R, Alpha);

    internal override Dropout? Dropout => NoDropout ? null : new Dropout(DropoutKind.AtPurchase, A!.Value, B!.Value);

    /// <summary>A rate from Gamma(r, alpha), a chance p from Beta(a, b); a purchase after each exponential wait until T, and a chance p of leaving after each (and at the first, under MBG/NBD).</summary>
    internal override int SimulateRepeats(double t, Random random)
    {
        var rate = RandomDraws.Gamma(random, R, Alpha);
        var p = NoDropout ? 0 : RandomDraws.Beta(random, A!.Value, B!.Value);
        if (LeavesAfterFirst && random.NextDouble() < p) return 0;
        var (repeats, time) = (0, 0.0);
        while ((time += RandomDraws.Exponential(random, rate)) <= t)
        {
            repeats++;
            if (random.NextDouble() < p) break;
        }
        return repeats;
    }
}
