using System.Runtime.Intrinsics;

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

    /// <summary>
    /// e^x - 1, accurate near 0 where the subtraction would lose the digits (.NET's double.ExpM1 subtracts): Kahan's
    /// (e^x - 1) x / ln e^x, whose rounding errors cancel.
    /// </summary>
    public static double ExpM1(double x)
    {
        var u = Math.Exp(x);
        if (u == 1 || double.IsPositiveInfinity(u)) return u == 1 ? x : u;
        var um1 = u - 1;
        return um1 == -1 ? -1 : um1 * x / Math.Log(u);
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
        // Four z to a vector; padding lanes have z = 0, whose series ends at its first term.
        var width = Vector256<double>.Count;
        var vectors = (z.Length + width - 1) / width;
        // On the stack for the few z a caller passes (a value's twelve months); on the heap beyond.
        var small = vectors <= 16;
        Span<double> padded = small ? stackalloc double[vectors * width] : new double[vectors * width];
        padded.Clear();
        z.CopyTo(padded);
        Span<Vector256<double>> zs = small ? stackalloc Vector256<double>[vectors] : new Vector256<double>[vectors];
        Span<Vector256<double>> terms = small ? stackalloc Vector256<double>[vectors] : new Vector256<double>[vectors];
        Span<Vector256<double>> sums = small ? stackalloc Vector256<double>[vectors] : new Vector256<double>[vectors];
        Span<Vector256<double>> done = small ? stackalloc Vector256<double>[vectors] : new Vector256<double>[vectors];
        for (var v = 0; v < vectors; v++)
        {
            zs[v] = Vector256.Create<double>(padded.Slice(v * width, width));
            (terms[v], sums[v], done[v]) = (Vector256<double>.One, Vector256<double>.One, Vector256<double>.Zero);
        }
        // A mask lane is all ones, a NaN as a double: whether every lane is done is read from the sign bits.
        var all = (1u << width) - 1;
        var open = vectors;
        for (var n = 0; n < 1_000_000 && open > 0; n++)
        {
            var common = Vector256.Create((a + n) * (b + n) / ((c + n) * (n + 1)));
            open = 0;
            for (var v = 0; v < vectors; v++)
            {
                if (done[v].ExtractMostSignificantBits() == all) continue;
                // A lane stops when its next term no longer changes its sum, or when the sum is no longer finite
                // (kept, as the one-z series returns it); a stopped lane keeps its sum.
                var term = terms[v] * (common * zs[v]);
                var next = sums[v] + term;
                var same = Vector256.Equals(next, sums[v]);
                var finite = Vector256.LessThanOrEqual(Vector256.Abs(next), Vector256.Create(double.MaxValue));
                sums[v] = Vector256.ConditionalSelect(done[v] | same, sums[v], next);
                terms[v] = term;
                done[v] |= same | ~finite;
                if (done[v].ExtractMostSignificantBits() != all) open++;
            }
        }
        for (var v = 0; v < vectors; v++)
        {
            for (var lane = 0; lane < width && v * width + lane < z.Length; lane++) into[v * width + lane] = sums[v].GetElement(lane);
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
