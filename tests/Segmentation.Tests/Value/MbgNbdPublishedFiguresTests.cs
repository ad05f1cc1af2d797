using Segmentation.Lifetime;

namespace Segmentation.Tests.Value;

/// <summary>MBG/NBD on the CDNOW sample in weeks against the published fit (BTYDplus; lifetimes' tests).</summary>
public sealed class MbgNbdPublishedFiguresTests
{
    private static readonly Lazy<MbgNbdFit> Fit = new(() => MbgNbd.Fit(CdnowPublishedFiguresTests.Summary.Value));

    [Fact]
    public void Gives_the_published_parameters()
    {
        var fit = Fit.Value;
        Assert.False(fit.NoDropout);
        Assert.InRange(fit.R, 0.525 - 0.0005, 0.525 + 0.0005);
        Assert.InRange(fit.Alpha, 6.183 - 0.0005, 6.183 + 0.0005);
        Assert.InRange(fit.A!.Value, 0.891 - 0.0005, 0.891 + 0.0005);
        Assert.InRange(fit.B!.Value, 1.614 - 0.0005, 1.614 + 0.0005);
        Assert.False(fit.Diagnostics.OnBoundary);
    }

    [Fact]
    public void A_customer_with_no_repeat_purchase_may_have_left()
    {
        // The model's difference from BG/NBD: the first purchase is a chance to leave.
        Assert.InRange(Fit.Value.ProbabilityAlive(0, 0, 30), 0.01, 0.99);
        Assert.Equal(1, CdnowPublishedFiguresTests.BgNbd.Value.ProbabilityAlive(0, 0, 30));
    }
}
