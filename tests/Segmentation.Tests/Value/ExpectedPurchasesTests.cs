using Segmentation.Lifetime;

namespace Segmentation.Tests.Value;

/// <summary>
/// BG/NBD expected purchases (the paper's equation 10) against the same formula evaluated independently at 40 digits
/// (mpmath's hyp2f1, untransformed; /tmp/ref.py in the note of #28): a published CDNOW customer, a heavy buyer whose
/// untransformed series needs about a thousand terms, and parameters with a + b + x - 1 below 0, where the
/// hypergeometric value itself is negative.
/// </summary>
public sealed class ExpectedPurchasesTests
{
    private static BgNbdFit Fit(double r, double alpha, double a, double b) =>
        new(r, alpha, a, b, new FitDiagnostics(0, [], 0, [], 0, 0, 0), TimeUnit.Days);

    [Theory]
    [InlineData(39, 2, 30.43, 38.86, 0.243, 4.414, 0.793, 2.426, 1.2260281747671445)]
    [InlineData(52, 26, 30.857, 31, 0.243, 4.414, 0.793, 2.426, 25.756406936513719)]
    [InlineData(365, 0, 0, 300, 0.83, 70.0, 0.0034, 6.8, 0.8184512000094656)]
    [InlineData(365, 200, 370, 373, 0.83, 70.0, 0.0034, 6.8, 165.27664021069337)]
    [InlineData(365, 0, 0, 200, 0.9, 60.0, 0.2, 0.3, 0.92713575403859709)]
    [InlineData(30, 1, 10, 200, 0.9, 60.0, 0.2, 0.3, 0.023677237729399809)]
    public void Equal_the_formula_at_forty_digits(double horizon, int x, double tx, double t, double r, double alpha, double a, double b, double expected)
    {
        var value = Fit(r, alpha, a, b).ExpectedPurchases(horizon, x, tx, t);
        Assert.True(Math.Abs(value - expected) <= 1e-12 * expected, $"{value:R} against {expected:R}");
    }

    /// <summary>
    /// A fit at the boundary where a and b grew together (the synthetic sample's, a 3.3e5, b 5.7e6): Euler's form
    /// overflowed to NaN there; the geometric limit matches the untransformed formula at 40 digits (mpmath) to x/a.
    /// </summary>
    [Theory]
    [InlineData(99, 0, 0, 200, 0.31719536873696759)]
    [InlineData(99, 5, 150, 200, 1.8683941963485508)]
    [InlineData(365, 60, 290, 300, 12.665287222024134)]
    public void At_the_boundary_where_a_and_b_grow_together_equal_the_formula_at_forty_digits(double horizon, int x, double tx, double t, double expected)
    {
        var value = Fit(0.7353, 24.75, 332625.1773, 5682602.4786).ExpectedPurchases(horizon, x, tx, t);
        Assert.True(Math.Abs(value - expected) <= 1e-4 * expected, $"{value:R} against {expected:R}");
    }

    [Fact]
    public void Several_horizons_at_once_are_the_values_one_by_one()
    {
        var fit = Fit(0.83, 70, 0.0034, 6.8);
        double[] horizons = [30.4, 60.9, 91.3, 365.25];
        var together = new double[horizons.Length];
        fit.ExpectedPurchases(horizons, 12, 200, 300, together);
        Assert.Equal(horizons.Select(h => fit.ExpectedPurchases(h, 12, 200, 300)), together);
    }

    public static TheoryData<string> Models => ["BG/NBD", "MBG/NBD", "BG/NBD at the boundary", "NBD limit", "Pareto/NBD"];

    private static PurchaseModelFit Of(string model)
    {
        var diagnostics = new FitDiagnostics(0, [], 0, [], 0, 0, 0);
        return model switch
        {
            "BG/NBD" => Fit(0.83, 70, 0.0034, 6.8),
            "MBG/NBD" => new MbgNbdFit(0.83, 70, 0.2, 3.1, diagnostics, TimeUnit.Days),
            "BG/NBD at the boundary" => Fit(0.7353, 24.75, 332625.1773, 5682602.4786),
            "NBD limit" => new BgNbdFit(0.83, 70, null, null, diagnostics, TimeUnit.Days),
            _ => new ParetoNbdFit(0.55, 10.5, 0.61, 11.7, diagnostics, TimeUnit.Days),
        };
    }

    /// <summary>
    /// Lifetime value computes the customers who share x and T in one call, the part of (x, T) once: each recency's
    /// figures are the ones its own call gives, to the bit, for every model (those that split the formula and those that do not).
    /// </summary>
    [Theory]
    [MemberData(nameof(Models))]
    public void Customers_who_share_x_and_T_get_their_own_figures_to_the_bit(string model)
    {
        var fit = Of(model);
        double[] horizons = [.. Enumerable.Range(1, 12).Select(m => m * 30.4375)];
        foreach (var (x, t) in new[] { (0, 300.0), (1, 300.0), (7, 250.0), (40, 373.0) })
        {
            double[] recencies = x == 0 ? [0.0] : [1.0, t / 3, t / 2, t - 1, t];
            var together = new double[recencies.Length * horizons.Length];
            fit.ExpectedPurchases(horizons, x, recencies, t, together);
            for (var j = 0; j < recencies.Length; j++)
            {
                var alone = new double[horizons.Length];
                fit.ExpectedPurchases(horizons, x, recencies[j], t, alone);
                Assert.Equal(alone, together.AsSpan(j * horizons.Length, horizons.Length).ToArray());
            }
        }
    }

    /// <summary>The layout by (x, T): every pattern once, those of one (x, T) side by side, each where its position says.</summary>
    [Fact]
    public void Patterns_are_laid_out_by_x_and_T()
    {
        (int, double, double)[] customers = [(2, 50, 300), (0, 0, 300), (2, 80, 300), (2, 50, 300), (1, 10, 200), (2, 90, 300), (1, 20, 200), (0, 0, 200)];
        var patterns = Segmentation.Numerics.Groups<(int X, double Tx, double T)>.By(customers, c => c);
        var ages = PatternAges.Of(patterns);
        Assert.Equal([(2, 300.0), (0, 300.0), (1, 200.0), (0, 200.0)], ages.Keys);
        Assert.Equal([0, 3, 4, 6, 7], ages.Start);
        Assert.Equal(patterns.Keys.Length, ages.Position.Distinct().Count());
        for (var k = 0; k < patterns.Keys.Length; k++)
        {
            var at = ages.Position[k];
            var g = Array.IndexOf(ages.Keys, (patterns.Keys[k].X, patterns.Keys[k].T));
            Assert.InRange(at, ages.Start[g], ages.Start[g + 1] - 1);
            Assert.Equal(patterns.Keys[k].Tx, ages.Recencies[at]);
        }
    }
}
