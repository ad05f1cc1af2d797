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
}
