using Segmentation.Lifetime;

namespace Segmentation.Tests.Value;

/// <summary>
/// Pareto/NBD on the CDNOW sample in weeks against the published fit (Fader, Hardie and Lee's note; the BTYD package's
/// walkthrough; lifetimes' tests) and the published figures of one customer: 26 repeat purchases, the last at week
/// 30.857, 31 weeks since the first.
/// </summary>
public sealed class ParetoNbdPublishedFiguresTests
{
    private static readonly Lazy<ParetoNbdFit> Fit = new(() => ParetoNbd.Fit(CdnowPublishedFiguresTests.Summary.Value));

    [Fact]
    public void Gives_the_published_parameters_and_log_likelihood()
    {
        var fit = Fit.Value;
        Assert.InRange(fit.R, 0.553 - 0.0005, 0.553 + 0.0005);
        Assert.InRange(fit.Alpha, 10.58 - 0.005, 10.58 + 0.005);
        Assert.False(fit.NoDropout);
        Assert.InRange(fit.S!.Value, 0.606 - 0.0005, 0.606 + 0.0005);
        Assert.InRange(fit.Beta!.Value, 11.67 - 0.005, 11.67 + 0.005);
        Assert.InRange(fit.Diagnostics.LogLikelihood, -9594.98 - 0.005, -9594.98 + 0.005);
        Assert.False(fit.Diagnostics.OnBoundary);
        Assert.All(fit.Diagnostics.StandardErrors, se => Assert.True(se > 0 && double.IsFinite(se)));
    }

    [Fact]
    public void Gives_the_published_figures_of_the_customer_with_26_repeat_purchases()
    {
        // The figures were computed from the published parameters as printed (at the fit's own, 25.455 purchases).
        var fit = Published(0.553, 10.58, 0.606, 11.67);
        Assert.InRange(fit.ExpectedPurchases(52, 26, 30.857, 31), 25.456 - 0.0005, 25.456 + 0.0005);
        Assert.InRange(fit.ProbabilityAlive(26, 30.857, 31), 0.9979 - 0.00005, 0.9979 + 0.00005);
    }

    /// <summary>
    /// The closed forms against the model's definition evaluated apart, at 40 digits (mpmath, tests/reference/pareto_nbd.py):
    /// the likelihood's A0 and the window's chance of leaving as numerical integrals of the rates' densities, not the
    /// hypergeometric function. Heavy buyers (400 and 1,000 purchases, where the untransformed series overflows), alpha
    /// above beta, and a w of 0.9998, whose series runs to about 200,000 terms.
    /// </summary>
    [Theory]
    [InlineData(0.553, 10.58, 0.606, 11.67, 26, 30.857, 31, 52, 10, 25.45617601096076, 0.99787208957827863, 0.026666851013551913)]
    [InlineData(0.8, 60.0, 0.5, 900.0, 400, 360.0, 365.0, 365, 30, 307.81654505505576, 0.95467643126490231, 0.045724189840767396)]
    [InlineData(0.9, 80.0, 1.3, 20.0, 3, 100.0, 300.0, 365, 60, 0.10294088746876454, 0.046063244598623988, 0.98184165939580647)]
    [InlineData(0.5, 1.0, 0.7, 5000.0, 0, 0.0, 100.0, 90, 90, 0.43180558587729374, 0.97512697111450288, 0.73534024263434241)]
    [InlineData(0.55, 10.58, 0.61, 11.67, 1000, 77.0, 78.0, 52, 1, 9.5712784673570912, 0.018873348891003317, 0.98113825902786323)]
    public void Equal_the_definition_integrated_at_forty_digits(double r, double alpha, double s, double beta, int x, double tx, double t,
        double horizon, double window, double expected, double alive, double none)
    {
        var fit = Published(r, alpha, s, beta);
        Close(expected, fit.ExpectedPurchases(horizon, x, tx, t));
        Close(alive, fit.ProbabilityAlive(x, tx, t));
        Close(none, fit.ProbabilityNoPurchase(window, x, tx, t));

        static void Close(double want, double got) => Assert.True(Math.Abs(got - want) <= 1e-10 * want, $"{got:R} against {want:R}");
    }

    private static ParetoNbdFit Published(double r, double alpha, double s, double beta) =>
        new(r, alpha, s, beta, new FitDiagnostics(0, [], 0, [], 0, 0, 0), TimeUnit.Weeks);
}
