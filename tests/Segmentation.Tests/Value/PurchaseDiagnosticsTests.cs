using Segmentation.App;
using Segmentation.Prepare;
using Segmentation.Lifetime;
using Segmentation.Lifetime.Diagnostics;
using Segmentation.Numerics;

namespace Segmentation.Tests.Value;

/// <summary>
/// The diagnostics' numbers on CDNOW (weeks, calibration to 1997-09-30, holdout to 1998-06-30), each against
/// something computed another way: the data's own counts, the models' published unconditional expectations, the
/// densities' integrals, and P(alive) from the summary.
/// </summary>
public sealed class PurchaseDiagnosticsTests
{
    private static readonly Lazy<BtydSummary> Summary = new(() => SegmentationApp.Summary(
        TransactionSource.File(TestPaths.RealFile("cdnow_sample.csv")),
        new ClvOptions { CalibrationEnd = new DateTime(1997, 9, 30), HoldoutEnd = new DateTime(1998, 6, 30), Unit = TimeUnit.Weeks },
        CdnowPublishedFiguresTests.Cdnow));

    private static readonly Lazy<PurchaseModelFit[]> Fits = new(() =>
        [BgNbd.Fit(Summary.Value), MbgNbd.Fit(Summary.Value), ParetoNbd.Fit(Summary.Value)]);

    [Fact]
    public void The_tracking_counts_every_repeat_purchase_day_of_the_summary_once()
    {
        var summary = Summary.Value;
        var tracking = PurchaseDiagnosticsBuilder.Build(summary, Fits.Value[0], 42)!.Tracking!;
        Assert.Equal(summary.Customers.Sum(c => c.Frequency + c.HoldoutFrequency!.Value), tracking.Actual.Sum());
        var inCalibration = tracking.Weeks.Select((w, i) => (w, i)).Where(p => p.w.AddDays(6) <= summary.CalibrationEnd).Sum(p => tracking.Actual[p.i]);
        Assert.True(inCalibration <= summary.Customers.Sum(c => c.Frequency));
        Assert.Equal(tracking.Actual.Sum(), tracking.CumulativeActual[^1]);
        Assert.Equal(new DateTime(1997, 1, 1), tracking.Weeks[0]);
        Assert.InRange(new DateTime(1998, 6, 30), tracking.Weeks[^1], tracking.Weeks[^1].AddDays(6));
    }

    /// <summary>
    /// The expected line is the sum of each customer's unconditional E[X(t)]: at the calibration end it is the sum
    /// over customers of E[X(T)], written here in the published closed forms (BG/NBD: Fader, Hardie and Lee 2005,
    /// equation 7; Pareto/NBD: Schmittlein, Morrison and Colombo 1987).
    /// </summary>
    [Fact]
    public void The_expected_line_at_the_calibration_end_is_the_sum_of_the_published_unconditional_expectations()
    {
        var summary = Summary.Value;
        foreach (var fit in new[] { Fits.Value[0], Fits.Value[2] })
        {
            double Unconditional(double t) => fit switch
            {
                BgNbdFit f => (f.A!.Value + f.B!.Value - 1) / (f.A.Value - 1) * (1 - Math.Pow(f.Alpha / (f.Alpha + t), f.R)
                    * Hypergeometric(f.R, f.B.Value, f.A.Value + f.B.Value - 1, t / (f.Alpha + t))),
                ParetoNbdFit p => p.R * p.Beta!.Value / (p.Alpha * (p.S!.Value - 1)) * (1 - Math.Pow(p.Beta.Value / (p.Beta.Value + t), p.S.Value - 1)),
                _ => throw new InvalidOperationException(),
            };
            var tracking = PurchaseDiagnosticsBuilder.Build(summary, fit, 42)!.Tracking!;
            var days = (int)(summary.CalibrationEnd - tracking.Weeks[0]).TotalDays;
            Assert.Equal(6, days % 7); // the calibration end is the last day of a week here
            var expected = tracking.CumulativeExpected[days / 7];
            var published = summary.Customers.Sum(c => Unconditional(c.T));
            Assert.Equal(published, expected, 6);
        }
    }

    /// <summary>Each model's simulated customers make as many repeat purchases on average as the model expects, within Monte-Carlo error.</summary>
    [Fact]
    public void Simulated_customers_buy_what_each_model_expects()
    {
        var customers = Summary.Value.Customers;
        foreach (var fit in Fits.Value)
        {
            var random = new Random(7);
            var draws = Enumerable.Range(0, 20).SelectMany(_ => customers.Select(c => (double)fit.SimulateRepeats(c.T, random))).ToArray();
            var expected = customers.Average(c => fit.ExpectedPurchases(c.T, 0, 0, 0));
            var mean = draws.Average();
            var error = Math.Sqrt(draws.Sum(d => (d - mean) * (d - mean)) / (draws.Length - 1) / draws.Length);
            Assert.True(Math.Abs(draws.Average() - expected) < 4 * error, $"{fit.Model}: simulated {draws.Average():F4}, expected {expected:F4} (standard error {error:F4})");
        }
    }

    [Fact]
    public void The_period_bars_count_the_data_and_the_simulation_the_same_customers()
    {
        var summary = Summary.Value;
        var bars = PurchaseDiagnosticsBuilder.Build(summary, Fits.Value[2], 42)!.PeriodTransactions;
        Assert.Equal(["0", "1", "2", "3", "4", "5", "6", "7+"], bars.Select(b => b.Repeats));
        Assert.Equal(summary.Customers.Count(c => c.Frequency == 0), bars[0].Actual);
        Assert.Equal(summary.Customers.Count(c => c.Frequency >= 7), bars[^1].Actual);
        Assert.Equal(summary.Customers.Count, bars.Sum(b => b.Actual));
        Assert.Equal(summary.Customers.Count, bars.Sum(b => b.Simulated), 6);
        // Pareto/NBD fits CDNOW well: about 1,411 of 2,357 make no repeat purchase, and the model simulates within 5% of it.
        Assert.InRange(bars[0].Simulated / bars[0].Actual, 0.95, 1.05);
    }

    [Fact]
    public void The_matrices_are_the_models_own_predictions_and_the_densities_their_mixing_distributions()
    {
        var summary = Summary.Value;
        foreach (var fit in Fits.Value)
        {
            var d = PurchaseDiagnosticsBuilder.Build(summary, fit, 42)!;
            var m = d.Matrix;
            Assert.Equal(summary.Customers.Max(c => c.T), m.T);
            // The rows run up to the 99th percentile of frequency (at least 5) in even steps.
            var top = Math.Max(5, (int)Math.Ceiling(Statistics.Quantile([.. summary.Customers.Select(c => (double)c.Frequency).Order()], 0.99)));
            var step = m.Frequencies[1] - m.Frequencies[0];
            Assert.InRange(m.Frequencies[^1], top - step + 1, top);
            var (i, j) = (m.Frequencies.Count - 1, m.Recencies.Count / 2);
            Assert.Equal(fit.ExpectedPurchases(90 / 7.0, m.Frequencies[i], m.Recencies[j], m.T), m.Expected[i][j], 12);
            Assert.Equal(fit.ProbabilityAlive(m.Frequencies[i], m.Recencies[j], m.T), m.Alive[i][j], 12);
            // The more recent the last purchase, the more likely alive.
            Assert.True(m.Alive[i][^1] > m.Alive[i][1]);
            // The rates' curve is Gamma(r, alpha) per year: its mean r / alpha, and between two points the density's ratio is (x2/x1)^(r-1) e^(-rate (x2 - x1)).
            var (r, alpha) = fit.PurchaseRates!.Value;
            var rate = alpha / (365.25 / 7);
            Assert.Equal(r / rate, d.Rates.Mean, 9);
            var (a, b) = (d.Rates.X.Count / 4, d.Rates.X.Count / 2);
            Assert.Equal(Math.Pow(d.Rates.X[b] / d.Rates.X[a], r - 1) * Math.Exp(-rate * (d.Rates.X[b] - d.Rates.X[a])), d.Rates.Density[b] / d.Rates.Density[a], 9);
            var dropout = d.Dropout!;
            if (fit.Dropout!.Kind == DropoutKind.AtPurchase)
            {
                var (first, second) = (fit.Dropout.First, fit.Dropout.Second);
                Assert.Equal(first / (first + second), dropout.Mean, 12);
                // Beta(a, b) on (0, 1), normalised: the midpoint sum over 200 cells is 1 but for the cells at the ends.
                Assert.InRange(dropout.Density.Sum() * (dropout.X[1] - dropout.X[0]), 0.9, 1.0);
            }
            else Assert.Equal(fit.Dropout.First / (fit.Dropout.Second / (365.25 / 7)), dropout.Mean, 9);
        }
    }

    [Fact]
    public void A_customers_alive_history_ends_at_their_P_alive_at_the_calibration_end()
    {
        var summary = Summary.Value;
        var fit = Fits.Value[0];
        // The first CDNOW customer with five purchase days or more: rebuild their purchase days from the file, as the notebook does.
        var rows = File.ReadAllLines(TestPaths.RealFile("cdnow_sample.csv")).Skip(1).Select(l => l.Split(','));
        var byCustomer = rows.GroupBy(r => r[0]).First(g => g.Select(r => r[2]).Distinct().Count() > 4);
        var days = byCustomer.Select(r => DateTime.ParseExact(r[2], "yyyy-MM-dd", null)).ToList();
        var history = AliveHistory.Of(fit, days, summary.CalibrationEnd);
        var c = summary.Customers.Single(c => c.CustomerId == byCustomer.Key);
        Assert.Equal(fit.ProbabilityAlive(c.Frequency, c.Recency, c.T), history[^1].Alive, 12);
        Assert.Equal(days.Where(d => d <= summary.CalibrationEnd).Distinct().Count(), history.Count(h => h.Purchased));
        Assert.Equal(days.Min(), history[0].Day);
        Assert.Equal(summary.CalibrationEnd, history[^1].Day);
    }

    private static double Hypergeometric(double a, double b, double c, double z)
    {
        var (term, sum) = (1.0, 1.0);
        for (var n = 0; n < 100_000 && Math.Abs(term) > 1e-16 * Math.Abs(sum); n++)
        {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
            sum += term;
        }
        return sum;
    }
}
