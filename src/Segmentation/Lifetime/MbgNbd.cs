namespace Segmentation.Lifetime;

/// <summary>
/// The modified BG/NBD model (Batislam, Denizel and Filiztekin 2007): BG/NBD where a customer may also leave right
/// after the first purchase, so that one who never bought again is not taken to be alive for sure.
/// </summary>
internal static class MbgNbd
{
    public const string Name = "MBG/NBD";

    public static MbgNbdFit Fit(BtydSummary summary)
    {
        var (r, alpha, a, b, diagnostics) = BgNbd.FitBetaGeometric(Name, summary, leavesAfterFirst: true);
        return new MbgNbdFit(r, alpha, a, b, diagnostics, summary.Unit);
    }
}
