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
    /// Gauss's hypergeometric function ₂F₁(a, b; c; z) for 0 ≤ z &lt; 1, by its series (terms are summed until they
    /// no longer change the sum); for z above 1/2 through Euler's transformation when that converges faster.
    /// </summary>
    public static double Hypergeometric2F1(double a, double b, double c, double z)
    {
        if (z < 0 || z >= 1) throw new ArgumentOutOfRangeException(nameof(z), z, "the series is summed for 0 <= z < 1 only");
        var sum = 1.0;
        var term = 1.0;
        for (var n = 0; n < 1_000_000; n++)
        {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
            var next = sum + term;
            if (next == sum) return sum;
            sum = next;
            if (double.IsInfinity(sum) || double.IsNaN(sum)) return sum;
        }
        return sum;
    }
}
