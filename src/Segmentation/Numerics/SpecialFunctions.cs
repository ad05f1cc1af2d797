namespace Segmentation.Numerics;

/// <summary>The special functions the buy-till-you-die models need, which .NET does not provide.</summary>
internal static class SpecialFunctions
{
    // Lanczos approximation, g = 7, n = 9 (Numerical Recipes' coefficients): relative error below 1e-15 for x > 0.
    private static readonly double[] Lanczos =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    ];

    /// <summary>ln Γ(x) for x &gt; 0.</summary>
    public static double LogGamma(double x)
    {
        if (x <= 0) return double.NaN;
        // Reflection keeps the series in its accurate range.
        if (x < 0.5) return Math.Log(Math.PI / Math.Sin(Math.PI * x)) - LogGamma(1 - x);
        x -= 1;
        var sum = Lanczos[0];
        var t = x + 7.5;
        for (var i = 1; i < Lanczos.Length; i++) sum += Lanczos[i] / (x + i);
        return 0.5 * Math.Log(2 * Math.PI) + (x + 0.5) * Math.Log(t) - t + Math.Log(sum);
    }

    /// <summary>ln B(a, b).</summary>
    public static double LogBeta(double a, double b) => LogGamma(a) + LogGamma(b) - LogGamma(a + b);

    /// <summary>
    /// Gauss's hypergeometric function ₂F₁(a, b; c; z) for 0 ≤ z &lt; 1 at several z at once, by its series: each
    /// z's terms are summed until they no longer change its sum. The terms' common factor
    /// (a + n)(b + n) / ((c + n)(n + 1)) is computed once for all z (a BG/NBD value needs twelve months of one
    /// customer's series); each z's sum has the bits the one-z series would give.
    /// </summary>
    public static void Hypergeometric2F1(double a, double b, double c, ReadOnlySpan<double> z, Span<double> into)
    {
        foreach (var v in z)
        {
            if (v < 0 || v >= 1) throw new ArgumentOutOfRangeException(nameof(z), v, "the series is summed for 0 <= z < 1 only");
        }
        Span<double> terms = z.Length <= 64 ? stackalloc double[z.Length] : new double[z.Length];
        Span<bool> done = z.Length <= 64 ? stackalloc bool[z.Length] : new bool[z.Length];
        terms.Fill(1);
        into.Fill(1);
        done.Clear();
        var open = z.Length;
        for (var n = 0; n < 1_000_000 && open > 0; n++)
        {
            var common = (a + n) * (b + n) / ((c + n) * (n + 1));
            for (var i = 0; i < z.Length; i++)
            {
                if (done[i]) continue;
                terms[i] *= common * z[i];
                var next = into[i] + terms[i];
                if (next == into[i] || double.IsInfinity(next) || double.IsNaN(next))
                {
                    if (next != into[i]) into[i] = next;
                    done[i] = true;
                    open--;
                    continue;
                }
                into[i] = next;
            }
        }
    }

    /// <summary>₂F₁(a, b; c; z) at one z (see the overload for several).</summary>
    public static double Hypergeometric2F1(double a, double b, double c, double z)
    {
        Span<double> value = stackalloc double[1];
        Hypergeometric2F1(a, b, c, [z], value);
        return value[0];
    }
}
