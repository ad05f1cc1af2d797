using Segmentation.Lifetime;
using Segmentation.Prepare;

namespace Segmentation.Tests.Value;

/// <summary>
/// BG/BB's predictions against an independent computation: the posterior of (p, theta) integrated numerically on a
/// grid (Beta prior densities times the customer's likelihood, summed over the paths of alive and gone), not the
/// Beta-function ratios the model uses; and the summary in whole calendar periods from purchases.
/// </summary>
public sealed class BgBbPredictionTests
{
    // The published donations fit (Fader, Hardie and Shang 2010).
    private static readonly BgBbFit Donations = new(1.204, 0.750, 0.657, 2.783, new FitDiagnostics(0, [], 0, [], 0, 0, 0), TimeUnit.Months);

    private const int Grid = 600;

    /// <summary>E[f(p, theta) | x, t_x, n] with f taking the customer's state after opportunity n (alive or not) into account.</summary>
    private static double Posterior(BgBbFit fit, int x, int tx, int n, Func<double, double, bool, double> f)
    {
        double LogBetaDensity(double v, double a, double b) => (a - 1) * Math.Log(v) + (b - 1) * Math.Log(1 - v);
        var (numerator, denominator) = (0.0, 0.0);
        // The midpoint rule in u with p = u^k / (u^k + (1-u)^k): the Beta densities' singularities at 0 and 1 (the
        // donations' beta and gamma are below 1) are integrable, and this substitution makes the integrand smooth there.
        static (double Value, double Jacobian) Map(double u)
        {
            const int k = 5;
            var (a, b) = (Math.Pow(u, k), Math.Pow(1 - u, k));
            return (a / (a + b), k * Math.Pow(u * (1 - u), k - 1) / ((a + b) * (a + b)));
        }
        for (var i = 0; i < Grid; i++)
        {
            var (p, dp) = Map((i + 0.5) / Grid);
            var priorP = Math.Exp(LogBetaDensity(p, fit.Alpha, fit.Beta)) * dp;
            for (var j = 0; j < Grid; j++)
            {
                var (theta, dTheta) = Map((j + 0.5) / Grid);
                var prior = priorP * Math.Exp(LogBetaDensity(theta, fit.Gamma!.Value, fit.Delta!.Value)) * dTheta;
                // Alive after n: bought at x of the n opportunities. Gone before opportunity tx + i + 1 (i = 0..n-tx-1).
                var alive = Math.Pow(p, x) * Math.Pow(1 - p, n - x) * Math.Pow(1 - theta, n);
                var gone = 0.0;
                for (var k = 0; k < n - tx; k++) gone += Math.Pow(p, x) * Math.Pow(1 - p, tx - x + k) * theta * Math.Pow(1 - theta, tx + k);
                numerator += prior * (alive * f(p, theta, true) + gone * f(p, theta, false));
                denominator += prior * (alive + gone);
            }
        }
        return numerator / denominator;
    }

    private static double NoPurchase(double p, double theta, bool alive, int m)
    {
        if (!alive) return 1;
        var stay = (1 - theta) * (1 - p);
        var sum = Math.Pow(stay, m);
        for (var j = 0; j < m; j++) sum += theta * Math.Pow(stay, j);
        return sum;
    }

    private static double Expected(double p, double theta, bool alive, int m)
    {
        if (!alive) return 0;
        var sum = 0.0;
        for (var k = 1; k <= m; k++) sum += p * Math.Pow(1 - theta, k);
        return sum;
    }

    [Theory]
    [InlineData(0, 0, 6, 1)]
    [InlineData(2, 4, 6, 3)]
    [InlineData(6, 6, 6, 5)]
    [InlineData(1, 1, 4, 10)]
    public void Expected_purchases_and_no_purchase_equal_the_posterior_integrated_numerically(int x, int tx, int n, int m)
    {
        var expected = Posterior(Donations, x, tx, n, (p, theta, alive) => Expected(p, theta, alive, m));
        var none = Posterior(Donations, x, tx, n, (p, theta, alive) => NoPurchase(p, theta, alive, m));
        Assert.Equal(expected, Donations.ExpectedPurchases(m, x, tx, n), 6);
        Assert.Equal(none, Donations.ProbabilityNoPurchase(m, x, tx, n), 6);
        // Between whole periods: linear.
        var half = (Donations.ProbabilityNoPurchase(m, x, tx, n) + Donations.ProbabilityNoPurchase(m + 1, x, tx, n)) / 2;
        Assert.Equal(half, Donations.ProbabilityNoPurchase(m + 0.5, x, tx, n), 12);
    }

    [Fact]
    public void Alive_next_period_equals_the_posterior_integrated_numerically()
    {
        var alive = Posterior(Donations, 2, 4, 6, (_, theta, isAlive) => isAlive ? 1 - theta : 0);
        Assert.Equal(alive, Donations.ProbabilityAlive(2, 4, 6), 6);
    }

    [Fact]
    public void The_summary_in_calendar_months_counts_the_months_with_a_purchase_after_the_first()
    {
        PurchaseDay Buy(string customer, int year, int month, int day, decimal value) => new(customer, new DateTime(year, month, day), value);
        PurchaseDay[] purchases =
        [
            Buy("a", 2011, 1, 20, 10), Buy("a", 2011, 1, 25, 5), Buy("a", 2011, 3, 2, 7), Buy("a", 2011, 3, 30, 3), Buy("a", 2011, 5, 1, 20),
            Buy("a", 2011, 7, 4, 9), Buy("a", 2011, 8, 15, 1),
            Buy("b", 2011, 2, 28, 4),
            // First purchase in June, the month still running on the calibration end: no opportunity yet; July is its holdout's.
            Buy("c", 2011, 6, 3, 4), Buy("c", 2011, 6, 28, 4), Buy("c", 2011, 7, 1, 6),
            // First purchase after the calibration end: not a calibrated customer.
            Buy("d", 2011, 6, 21, 4),
        ];
        var summary = BtydSummaryBuilder.Build(purchases, new DateTime(2011, 6, 20), new DateTime(2011, 8, 31), TimeUnit.Months, inPeriods: true);
        Assert.Equal(new DateTime(2011, 5, 31), summary.CalibrationEnd);
        Assert.Equal(new DateTime(2011, 8, 31), summary.HoldoutEnd);
        Assert.Equal(3, summary.HoldoutLength);
        Assert.Equal(["a", "b", "c"], summary.Customers.Select(c => c.CustomerId));
        var a = summary.Customers[0];
        // January first; March and May bought in (March twice: one opportunity, its value 10); T = May - January.
        Assert.Equal((2, 4.0, 4.0, 15.0), (a.Frequency, a.Recency, a.T, a.MonetaryValue));
        Assert.Equal((2, 10.0), (a.HoldoutFrequency, a.HoldoutValue));
        var b = summary.Customers[1];
        Assert.Equal((0, 0.0, 3.0, 0.0, 0), (b.Frequency, b.Recency, b.T, b.MonetaryValue, b.HoldoutFrequency));
        var c = summary.Customers[2];
        Assert.Equal((0, 0.0, 0.0, 1, 6.0), (c.Frequency, c.Recency, c.T, c.HoldoutFrequency, c.HoldoutValue));
        // Without a holdout (the whole history, as a run values it): the same customers.
        var history = BtydSummaryBuilder.Build(purchases, new DateTime(2011, 6, 20), null, TimeUnit.Months, inPeriods: true);
        Assert.Equal(summary.Customers.Select(c => (c.CustomerId, c.Frequency, c.Recency, c.T)), history.Customers.Select(c => (c.CustomerId, c.Frequency, c.Recency, c.T)));
    }

    [Fact]
    public void The_summary_in_weeks_counts_weeks_from_monday()
    {
        // 2011-01-03 was a Monday: the 9th (Sunday) is the same week, the 10th the next.
        PurchaseDay[] purchases = [new("a", new DateTime(2011, 1, 3), 1), new("a", new DateTime(2011, 1, 9), 1), new("a", new DateTime(2011, 1, 10), 2)];
        var summary = BtydSummaryBuilder.Build(purchases, new DateTime(2011, 1, 19), null, TimeUnit.Weeks, inPeriods: true);
        Assert.Equal(new DateTime(2011, 1, 16), summary.CalibrationEnd);
        var a = Assert.Single(summary.Customers);
        Assert.Equal((1, 1.0, 1.0, 2.0), (a.Frequency, a.Recency, a.T, a.MonetaryValue));
    }

    [Fact]
    public void A_population_that_never_leaves_is_fitted_as_the_no_dropout_limit()
    {
        // 5,000 customers with 12 monthly chances each, buying with p from Beta(1, 3), nobody leaving: each (x, t_x)
        // weighted by its expected share, C(t_x - 1, x - 1) B(1 + x, 3 + 12 - x) / B(1, 3), so that the population itself is fitted.
        static double Choose(int n, int k) => Math.Exp(Segmentation.Numerics.SpecialFunctions.LogGamma(n + 1) - Segmentation.Numerics.SpecialFunctions.LogGamma(k + 1) - Segmentation.Numerics.SpecialFunctions.LogGamma(n - k + 1));
        double Share(int x, int tx) => (x == 0 ? 1 : Choose(tx - 1, x - 1)) * Math.Exp(BgBbFit.LogLikelihood(1, 3, x, 12));
        var counts = new Dictionary<(int, int), double> { [(0, 0)] = 5_000 * Share(0, 0) };
        for (var tx = 1; tx <= 12; tx++)
        {
            for (var x = 1; x <= tx; x++) counts[(x, tx)] = 5_000 * Share(x, tx);
        }
        Assert.Equal(5_000, counts.Values.Sum(), 6);
        var fit = BgBb.Fit([.. counts.Select(c => (c.Key.Item1, c.Key.Item2, 12, c.Value))], TimeUnit.Months);
        Assert.True(fit.NoDropout, string.Join(", ", fit.Parameters.Select(p => $"{p.Name} {p.Value}")) + string.Join("; ", fit.Diagnostics.Boundary));
        Assert.StartsWith("the likelihood is highest with no dropout", fit.Diagnostics.Boundary[0], StringComparison.Ordinal);
        Assert.Equal(1, fit.Alpha, 3);
        Assert.Equal(3, fit.Beta, 3);
        Assert.Equal(1, fit.ProbabilityAlive(3, 5, 12));
        // Without dropout: the beta-binomial's posterior mean chance per opportunity, m times.
        Assert.Equal(6 * (fit.Alpha + 3) / (fit.Alpha + fit.Beta + 12), fit.ExpectedPurchases(6, 3, 5, 12), 12);
    }
}
