using Segmentation.Numerics;

namespace Segmentation.Lifetime;

/// <summary>
/// A fitted BG/NBD model, in the summary's unit: purchase rates Gamma(r, alpha) across customers, dropout
/// probabilities Beta(a, b). When the likelihood is highest with no dropout at all (a/(a+b) going to 0, where a and b
/// are not identified), <see cref="A"/> and <see cref="B"/> are null and the model is its limit, the NBD: every
/// customer alive, buying at their own Poisson rate.
/// </summary>
public sealed record BgNbdFit(double R, double Alpha, double? A, double? B, FitDiagnostics Diagnostics, TimeUnit Unit)
{
    public bool NoDropout => A is null || B is null;

    /// <summary>
    /// Expected purchases in the next <paramref name="horizon"/> of a customer with (x, t_x, T): the paper's
    /// equation 10, with the hypergeometric function by its series; for the no-dropout limit (r + x) t / (alpha + T).
    /// </summary>
    public double ExpectedPurchases(double horizon, int x, double tx, double t)
    {
        Span<double> value = stackalloc double[1];
        ExpectedPurchases([horizon], x, tx, t, value);
        return value[0];
    }

    /// <summary>Expected purchases over several horizons at once (one series pass for all of them; the same values one by one would give).</summary>
    public void ExpectedPurchases(ReadOnlySpan<double> horizons, int x, double tx, double t, Span<double> into)
    {
        var (r, alpha) = (R, Alpha);
        if (NoDropout)
        {
            for (var i = 0; i < horizons.Length; i++) into[i] = (r + x) / (alpha + t) * horizons[i];
            return;
        }
        var (a, b) = (A!.Value, B!.Value);
        // Euler's transformation: 2F1(r+x, b+x; c; z) (1-z)^(r+x) = (1-z)^(a-1) 2F1(a+b-1-r, a-1; c; z) with c = a+b+x-1.
        // The transformed series falls from its first term (the original's first grows for about x z / (1 - z) terms,
        // a thousand for a heavy buyer), and the product needs no huge sum times a tiny power.
        Span<double> z = horizons.Length <= 64 ? stackalloc double[horizons.Length] : new double[horizons.Length];
        for (var i = 0; i < horizons.Length; i++) z[i] = horizons[i] / (alpha + t + horizons[i]);
        SpecialFunctions.Hypergeometric2F1(a + b - 1 - r, a - 1, a + b + x - 1, z, into);
        var first = (a + b + x - 1) / (a - 1);
        var denominator = 1 + (x > 0 ? a / (b + x - 1) * Math.Pow((alpha + t) / (alpha + tx), r + x) : 0);
        for (var i = 0; i < horizons.Length; i++)
        {
            var second = 1 - Math.Pow((alpha + t) / (alpha + t + horizons[i]), a - 1) * into[i];
            into[i] = first * second / denominator;
        }
    }

    /// <summary>The probability that a customer with (x, t_x, T) is still alive at T (1 for a customer with no repeat purchase, and without dropout).</summary>
    public double ProbabilityAlive(int x, double tx, double t)
    {
        if (x == 0 || NoDropout) return 1;
        var logRatio = (R + x) * Math.Log((Alpha + t) / (Alpha + tx)) + Math.Log(A!.Value / (B!.Value + x - 1));
        return 1 / (1 + Math.Exp(logRatio));
    }

    /// <summary>
    /// The probability of no purchase in the next <paramref name="horizon"/>: dead, or alive and buying nothing
    /// (the posterior Gamma rate's chance of no Poisson event).
    /// </summary>
    public double ProbabilityNoPurchase(double horizon, int x, double tx, double t)
    {
        var alive = ProbabilityAlive(x, tx, t);
        return 1 - alive + alive * Math.Pow((Alpha + t) / (Alpha + t + horizon), R + x);
    }
}
