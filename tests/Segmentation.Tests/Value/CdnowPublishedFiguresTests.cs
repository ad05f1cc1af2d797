using System.Globalization;
using Segmentation.App;
using Segmentation.Lifetime;
using Segmentation.Prepare;

namespace Segmentation.Tests.Value;

/// <summary>
/// The CDNOW sample the BG/NBD and Gamma-Gamma models were published on (../shared/data, its README gives the
/// figures): our summary, fits and predictions against the papers'.
/// </summary>
public sealed class CdnowPublishedFiguresTests
{
    internal static readonly PrepareOptions Cdnow = CdnowFile.Options;

    internal static readonly Lazy<BtydSummary> Summary = new(() => SegmentationApp.Summary(
        TransactionSource.File(TestPaths.RealFile("cdnow_sample.csv")),
        new ClvOptions { CalibrationEnd = new DateTime(1997, 9, 30), Unit = TimeUnit.Weeks },
        Cdnow));

    internal static readonly Lazy<BgNbdFit> BgNbd = new(() => Segmentation.Lifetime.BgNbd.Fit(Summary.Value));

    [Fact]
    public void The_summary_in_weeks_equals_the_published_one_for_every_customer()
    {
        var published = File.ReadAllLines(TestPaths.RealFile("cdnow_sample_summary.csv")).Skip(1).Select(l => l.Split(','))
            .ToDictionary(c => c[0], c => (Frequency: int.Parse(c[1], CultureInfo.InvariantCulture), Recency: double.Parse(c[2], CultureInfo.InvariantCulture),
                T: double.Parse(c[3], CultureInfo.InvariantCulture), Monetary: double.Parse(c[4], CultureInfo.InvariantCulture)));
        var ours = Summary.Value.Customers;
        Assert.Equal(2357, ours.Count);
        Assert.Equal(published.Keys.Order(StringComparer.Ordinal), ours.Select(c => c.CustomerId).Order(StringComparer.Ordinal));
        foreach (var c in ours)
        {
            var p = published[c.CustomerId];
            Assert.Equal(p.Frequency, c.Frequency);
            Assert.InRange(c.Recency - p.Recency, -0.01, 0.01);
            Assert.InRange(c.T - p.T, -0.01, 0.01);
            Assert.InRange(c.MonetaryValue - p.Monetary, -0.01, 0.01);
        }
        Assert.Equal(946, Summary.Value.RepeatCustomers);
    }

    [Fact]
    public void BG_NBD_gives_the_published_parameters_and_log_likelihood()
    {
        var fit = BgNbd.Value;
        Assert.False(fit.NoDropout);
        Assert.InRange(fit.R, 0.243 - 0.005, 0.243 + 0.005);
        Assert.InRange(fit.Alpha, 4.414 - 0.005, 4.414 + 0.005);
        Assert.InRange(fit.A!.Value, 0.793 - 0.005, 0.793 + 0.005);
        Assert.InRange(fit.B!.Value, 2.426 - 0.005, 2.426 + 0.005);
        Assert.InRange(fit.Diagnostics.LogLikelihood, -9582.4 - 0.5, -9582.4 + 0.5);
        Assert.False(fit.Diagnostics.OnBoundary);
        Assert.True(fit.Diagnostics.GradientNorm < 1e-2, $"gradient norm {fit.Diagnostics.GradientNorm}");
        Assert.All(fit.Diagnostics.StandardErrors, se => Assert.True(se > 0 && double.IsFinite(se)));
        // Customers with the same (x, t_x, T) are one term of the likelihood.
        Assert.True(fit.Diagnostics.Patterns < fit.Diagnostics.Customers);
    }

    [Fact]
    public void BG_NBD_gives_the_published_conditional_expectation()
    {
        Assert.InRange(BgNbd.Value.ExpectedPurchases(39, 2, 30.43, 38.86), 1.226 - 0.001, 1.226 + 0.001);
    }

    [Fact]
    public void BG_NBD_gives_the_published_figures_of_the_customer_with_26_repeat_purchases()
    {
        Assert.InRange(BgNbd.Value.ExpectedPurchases(52, 26, 30.857, 31), 25.757 - 0.0005, 25.757 + 0.0005);
        Assert.InRange(BgNbd.Value.ProbabilityAlive(26, 30.857, 31), 0.9689 - 0.00005, 0.9689 + 0.00005);
    }

    [Fact]
    public void Gamma_Gamma_on_the_946_repeat_customers_gives_the_published_parameters()
    {
        var fit = GammaGamma.Fit(Summary.Value);
        Assert.Equal(946, fit.Diagnostics.Customers);
        Assert.InRange(fit.Parameters.P, 6.25 - 0.02, 6.25 + 0.02);
        Assert.InRange(fit.Parameters.Q, 3.74 - 0.02, 3.74 + 0.02);
        Assert.InRange(fit.Parameters.Gamma, 15.44 - 0.02, 15.44 + 0.02);
        Assert.False(fit.Diagnostics.OnBoundary);
    }
}
