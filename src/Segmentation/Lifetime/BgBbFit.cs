using Segmentation.Numerics;

namespace Segmentation.Lifetime;

/// <summary>
/// A fitted BG/BB model (Fader, Hardie and Shang 2010), for purchases at discrete opportunities, one per period of
/// <see cref="PurchaseModelFit.Unit"/> (a day, a calendar week, a calendar month): while alive a customer buys at each
/// opportunity with their own probability p, Beta(alpha, beta) across customers, and before each opportunity leaves
/// with their own probability theta, Beta(gamma, delta). A customer is (x, t_x, n): periods with a purchase among the
/// n after the first purchase's, and the last of them (0 for none). Horizons between whole periods are interpolated
/// linearly between the periods on either side (a month of weeks is 4.35 opportunities). <see cref="Gamma"/> and
/// <see cref="Delta"/> are null where the fit is its no-dropout limit, the beta-binomial: every customer stays, buying
/// at each opportunity with their own chance.
/// </summary>
public sealed record BgBbFit(double Alpha, double Beta, double? Gamma, double? Delta, FitDiagnostics Diagnostics, TimeUnit Unit) : PurchaseModelFit(Diagnostics, Unit)
{
    public override string Model => BgBb.Name;

    public override bool NoDropout => Gamma is null || Delta is null;

    public override IReadOnlyList<(string Name, double? Value)> Parameters => [("alpha", Alpha), ("beta", Beta), ("gamma", Gamma), ("delta", Delta)];

    internal override double[] Estimated => NoDropout ? [Alpha, Beta] : [Alpha, Beta, Gamma!.Value, Delta!.Value];

    internal override PurchaseModelFit With(double[] estimated) => NoDropout
        ? this with { Alpha = estimated[0], Beta = estimated[1] }
        : this with { Alpha = estimated[0], Beta = estimated[1], Gamma = estimated[2], Delta = estimated[3] };

    internal override bool Discrete => true;

    internal override (double Shape, double Rate)? PurchaseRates => null;

    internal override Dropout? Dropout => NoDropout ? null : new(DropoutKind.BeforePeriod, Gamma!.Value, Delta!.Value);

    /// <summary>The paper's equation 5, in logs: alive throughout the n opportunities, or gone before one of those after t_x.</summary>
    public double LogLikelihood(int x, int tx, int n) => NoDropout
        ? LogLikelihood(Alpha, Beta, x, n)
        : LogLikelihood(Alpha, Beta, Gamma!.Value, Delta!.Value, x, tx, n);

    /// <summary>The no-dropout limit's: x purchases at n opportunities, the beta-binomial (without the binomial coefficient, as equation 5).</summary>
    internal static double LogLikelihood(double alpha, double beta, int x, int n) =>
        SpecialFunctions.LogBeta(alpha + x, beta + n - x) - SpecialFunctions.LogBeta(alpha, beta);

    internal static double LogLikelihood(double alpha, double beta, double gamma, double delta, int x, int tx, int n)
    {
        var (ab, gd) = (SpecialFunctions.LogBeta(alpha, beta), SpecialFunctions.LogBeta(gamma, delta));
        var sum = SpecialFunctions.LogBeta(alpha + x, beta + n - x) - ab + SpecialFunctions.LogBeta(gamma, delta + n) - gd;
        for (var i = 0; i <= n - tx - 1; i++)
        {
            var term = SpecialFunctions.LogBeta(alpha + x, beta + tx - x + i) - ab + SpecialFunctions.LogBeta(gamma + 1, delta + tx + i) - gd;
            sum = Math.Max(sum, term) + Math.Log(1 + Math.Exp(-Math.Abs(sum - term)));
        }
        return sum;
    }

    /// <summary>P(alive at opportunity n + m): the paper's equation 11 (m = 1: alive for the next opportunity).</summary>
    public double ProbabilityAlive(int m, int x, int tx, int n) => NoDropout ? 1 : Math.Exp(
        SpecialFunctions.LogBeta(Alpha + x, Beta + n - x) - SpecialFunctions.LogBeta(Alpha, Beta)
        + SpecialFunctions.LogBeta(Gamma!.Value, Delta!.Value + n + m) - SpecialFunctions.LogBeta(Gamma.Value, Delta.Value)
        - LogLikelihood(x, tx, n));

    /// <summary>Expected purchases in the next m opportunities: the paper's equation 13.</summary>
    public double ExpectedPurchases(int m, int x, int tx, int n)
    {
        if (NoDropout) return m * (Alpha + x) / (Alpha + Beta + n);
        var (gamma, delta) = (Gamma!.Value, Delta!.Value);
        // delta / (gamma - 1) and the difference after it change sign together at gamma = 1 (the donations' gamma is 0.657).
        var lead = SpecialFunctions.LogBeta(Alpha + x + 1, Beta + n - x) - SpecialFunctions.LogBeta(Alpha, Beta) - LogLikelihood(x, tx, n)
            + SpecialFunctions.LogGamma(gamma + delta) - SpecialFunctions.LogGamma(1 + delta);
        var now = SpecialFunctions.LogGamma(1 + delta + n) - SpecialFunctions.LogGamma(gamma + delta + n);
        var then = SpecialFunctions.LogGamma(1 + delta + n + m) - SpecialFunctions.LogGamma(gamma + delta + n + m);
        return Math.Exp(lead) * delta / (gamma - 1) * (Math.Exp(now) - Math.Exp(then));
    }

    /// <summary>P(alive) for the next opportunity, the paper's reading (its table 6: 0.11, 0.59, 0.93 on the donations).</summary>
    public override double ProbabilityAlive(int x, double tx, double t) => ProbabilityAlive(1, x, Whole(tx), Whole(t));

    public override void ExpectedPurchases(ReadOnlySpan<double> horizons, int x, double tx, double t, Span<double> into)
    {
        var (recency, n) = (Whole(tx), Whole(t));
        for (var i = 0; i < horizons.Length; i++) into[i] = Between(horizons[i], m => ExpectedPurchases(m, x, recency, n));
    }

    /// <summary>
    /// Gone before the next opportunity, or alive and not buying at the opportunities until leaving or the window's
    /// end. Given p and theta and alive after n, no purchase in m has chance Σ_{j&lt;m} theta ((1-theta)(1-p))^j +
    /// ((1-theta)(1-p))^m; over the posterior each term is a ratio of Beta functions, and the dead share is 1 minus
    /// P(alive at n), equation 11 with m = 0.
    /// </summary>
    internal override Func<double, double> NoPurchaseCurve(int x, double tx, double t)
    {
        var (recency, n) = (Whole(tx), Whole(t));
        if (NoDropout)
        {
            var now = SpecialFunctions.LogBeta(Alpha + x, Beta + n - x);
            return horizon => Between(horizon, m => Math.Exp(SpecialFunctions.LogBeta(Alpha + x, Beta + n - x + m) - now));
        }
        var (gamma0, delta) = (Gamma!.Value, Delta!.Value);
        var logLikelihood = LogLikelihood(x, recency, n);
        var (ab, gd) = (SpecialFunctions.LogBeta(Alpha, Beta), SpecialFunctions.LogBeta(gamma0, delta));
        double Term(int j, double gamma) =>
            Math.Exp(SpecialFunctions.LogBeta(Alpha + x, Beta + n - x + j) - ab + SpecialFunctions.LogBeta(gamma, delta + n + j) - gd - logLikelihood);
        var dead = 1 - Term(0, gamma0);
        // Σ_{j<m} of the leaving terms, extended as the search asks for longer windows.
        var leaving = new List<double> { 0 };
        double NoPurchase(int m)
        {
            while (leaving.Count <= m) leaving.Add(leaving[^1] + Term(leaving.Count - 1, gamma0 + 1));
            return Math.Clamp(dead + leaving[m] + Term(m, gamma0), 0, 1);
        }
        return horizon => Between(horizon, NoPurchase);
    }

    /// <summary>A p from Beta(alpha, beta) and a theta from Beta(gamma, delta); at each of the whole periods in t, gone with chance theta, else a purchase with chance p.</summary>
    internal override int SimulateRepeats(double t, Random random)
    {
        var p = RandomDraws.Beta(random, Alpha, Beta);
        var theta = NoDropout ? 0 : RandomDraws.Beta(random, Gamma!.Value, Delta!.Value);
        var repeats = 0;
        for (var period = 1; period <= Whole(t); period++)
        {
            if (random.NextDouble() < theta) break;
            if (random.NextDouble() < p) repeats++;
        }
        return repeats;
    }

    /// <summary>A whole number of periods: the summary of a BG/BB fit counts them (see <see cref="BtydSummaryBuilder"/>).</summary>
    private static int Whole(double periods) => (int)Math.Round(periods);

    /// <summary>f at a horizon of whole and fractional periods: linear between the whole periods on either side.</summary>
    private static double Between(double horizon, Func<int, double> f)
    {
        if (horizon <= 0) return f(0);
        var whole = (int)Math.Floor(horizon);
        var fraction = horizon - whole;
        var below = f(whole);
        return fraction == 0 ? below : below + fraction * (f(whole + 1) - below);
    }
}
