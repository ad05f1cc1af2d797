using Segmentation.Lifetime;

namespace Segmentation.Tests.Value;

/// <summary>
/// The expected next purchase of every CDNOW customer against an independent computation: the continuous t at which
/// P(no purchase in t) = 1/2, found by bisection on the model's closed form, rounded up to a whole day. For BG/NBD the
/// closed form is written out here (alive at T, a customer leaves only right after a purchase, so
/// P(no purchase in t) = 1 - P(alive) + P(alive) ((alpha+T) / (alpha+T+t))^(r+x), P(alive) as Fader, Hardie and Lee
/// give it); for Pareto/NBD, the model CDNOW's comparison keeps, it is the fit's own, itself checked against the
/// model's definition integrated at 40 digits.
/// </summary>
public sealed class NextPurchaseTests
{
    private static readonly DateTime CalibrationEnd = new(1997, 9, 30);

    [Fact]
    public void BG_NBD_every_CDNOW_customer_buys_next_on_the_day_bisection_finds()
    {
        var summary = CdnowPublishedFiguresTests.Summary.Value;
        var fit = CdnowPublishedFiguresTests.BgNbd.Value;
        var result = LifetimeValue.Estimate(summary, new ClvOptions { Unit = TimeUnit.Weeks, IntervalDraws = 0 });
        Assert.IsType<BgNbdFit>(result.Purchases);
        var (r, alpha, a, b) = (fit.R, fit.Alpha, fit.A!.Value, fit.B!.Value);

        double NoPurchase(BtydCustomer c, double weeks)
        {
            var (x, tx, t) = (c.Frequency, c.Recency, c.T);
            var alive = x == 0 ? 1 : 1 / (1 + a / (b + x - 1) * Math.Pow((alpha + t) / (alpha + tx), r + x));
            return 1 - alive + alive * Math.Pow((alpha + t) / (alpha + t + weeks), r + x);
        }

        Check(summary, result, NoPurchase);
    }

    [Fact]
    public void Pareto_NBD_every_CDNOW_customer_buys_next_on_the_day_bisection_finds()
    {
        var summary = CdnowPublishedFiguresTests.Summary.Value;
        var result = LifetimeValue.Estimate(summary, new ClvOptions { Unit = TimeUnit.Weeks, IntervalDraws = 0, Model = PurchaseModel.ParetoNbd });
        var fit = Assert.IsType<ParetoNbdFit>(result.Purchases);
        Check(summary, result, (c, weeks) => fit.ProbabilityNoPurchase(weeks, c.Frequency, c.Recency, c.T));
    }

    private static void Check(BtydSummary summary, ClvResult result, Func<BtydCustomer, double, double> noPurchase)
    {
        Assert.Equal(CalibrationEnd, summary.CalibrationEnd);
        var (dated, undated, checkedDays) = (0, 0, 0);
        foreach (var (c, v) in summary.Customers.Zip(result.Customers))
        {
            Assert.Equal(c.CustomerId, v.CustomerId);
            for (var i = 0; i < NextPurchase.WithinDays.Count; i++)
            {
                Assert.Equal(1 - noPurchase(c, NextPurchase.WithinDays[i] / 7.0), v.PurchaseWithin[i], 12);
            }
            var longest = NextPurchase.LongestDays / 7.0;
            if (noPurchase(c, longest) > 0.5)
            {
                Assert.Null(v.ExpectedNextPurchase);
                undated++;
                continue;
            }
            var (low, high) = (0.0, longest);
            for (var step = 0; step < 200 && high - low > 1e-12 * high; step++)
            {
                var middle = (low + high) / 2;
                if (noPurchase(c, middle) > 0.5) low = middle;
                else high = middle;
            }
            var days = high * 7;
            Assert.NotNull(v.ExpectedNextPurchase);
            dated++;
            // A crossing within a millionth of a day of midnight could round either way: the day is not checked there.
            if (Math.Abs(days - Math.Round(days)) < 1e-6) continue;
            Assert.Equal(CalibrationEnd.AddDays(Math.Ceiling(days)), v.ExpectedNextPurchase);
            checkedDays++;
        }
        Assert.Equal(summary.Customers.Count, dated + undated);
        Assert.True(dated > 100 && undated > 100, $"{dated} customers dated, {undated} not: the test should see both");
        Assert.True(checkedDays >= dated - 5, $"{checkedDays} of {dated} days checked");
    }
}
