using Segmentation.App;
using Segmentation.Lifetime;
using Segmentation.Prepare;

namespace Segmentation.Tests.Value;

[Trait(Tier.Name, Tier.Full)]
public sealed class LifetimeValueTests
{
    private static ClvResult Run(ClvOptions options) =>
        SegmentationApp.Clv(TransactionSource.File(TestPaths.RealFile("cdnow_sample.csv")), options, CdnowPublishedFiguresTests.Cdnow);

    private static readonly ClvOptions Calibrated = new() { CalibrationEnd = new DateTime(1997, 9, 30), Unit = TimeUnit.Weeks };

    [Fact]
    public void Without_discount_lifetime_value_is_the_expected_purchases_over_the_horizon_times_the_expected_spend()
    {
        var result = Run(Calibrated with { MonthlyDiscountRate = 0, IntervalDraws = 0 });
        var horizon = 12 * TimeUnits.DaysPerMonth / 7;
        foreach (var (c, v) in result.Summary.Customers.Zip(result.Customers).Take(300))
        {
            var purchases = result.Purchases.ExpectedPurchases(horizon, c.Frequency, c.Recency, c.T);
            Assert.Equal(purchases * v.ExpectedAverageValue, v.Clv, 9);
        }
    }

    [Fact]
    public void Discounting_lowers_every_value_and_the_interval_holds_most_values_with_ranks_from_0_to_100()
    {
        var undiscounted = Run(Calibrated with { MonthlyDiscountRate = 0, IntervalDraws = 0 });
        var result = Run(Calibrated);
        Assert.All(result.Customers.Zip(undiscounted.Customers), p => Assert.True(p.First.Clv < p.Second.Clv));
        Assert.All(result.Customers, v =>
        {
            Assert.True(v.ClvLow <= v.ClvHigh);
            Assert.InRange(v.ProbabilityAlive, 0, 1);
            Assert.InRange(v.ProbabilityNoPurchase, 0, 1);
        });
        Assert.True(result.Customers.Count(v => v.ClvLow <= v.Clv && v.Clv <= v.ClvHigh) >= 0.95 * result.Customers.Count);
        Assert.True(result.Customers.Count(v => v.ClvHigh > v.ClvLow) >= 0.95 * result.Customers.Count);
        Assert.Equal(100, result.Customers.MaxBy(v => v.Clv)!.ClvPercentile);
        Assert.Equal(result.Customers.Min(v => v.Clv), result.Customers.MinBy(v => v.ClvPercentile)!.Clv);
        // Seeded: the same intervals again.
        Assert.Equal(result.Customers.Select(v => v.ClvLow), Run(Calibrated).Customers.Select(v => v.ClvLow));
    }

    [Fact]
    public void On_the_UCI_year_every_customer_has_a_finite_interval_around_their_value()
    {
        // The fit's dropout is tiny (a near 0.003) and poorly identified, so some draws have a + b < 1, where the
        // hypergeometric term is negative: the intervals must still be numbers (they were empty for one-time buyers).
        var result = SegmentationApp.Clv(TransactionSource.File(TestPaths.RealFile("online_retail.csv.gz")));
        Assert.False(Assert.IsType<BgNbdFit>(result.Purchases).NoDropout);
        Assert.All(result.Customers, v => Assert.True(double.IsFinite(v.ClvLow) && double.IsFinite(v.ClvHigh) && v.ClvLow <= v.ClvHigh, $"{v.CustomerId}: {v.ClvLow} to {v.ClvHigh}"));
        Assert.True(result.Customers.Count(v => v.ClvLow <= v.Clv && v.Clv <= v.ClvHigh) >= 0.95 * result.Customers.Count);
    }

    [Fact]
    public void A_calibration_period_too_short_is_refused_with_the_threshold()
    {
        var e = Assert.Throws<ModelFitException>(() => Run(new ClvOptions { CalibrationEnd = new DateTime(1997, 2, 10), Unit = TimeUnit.Weeks }));
        Assert.Contains($"at least {ClvOptions.MinimumCalibrationDays}", e.Message, StringComparison.Ordinal);
    }
}
