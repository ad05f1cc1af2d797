namespace Segmentation.Lifetime;

/// <summary>A fitted MBG/NBD model, in the summary's unit (see <see cref="BetaGeometricFit"/>): the first purchase is a chance to leave too.</summary>
public sealed record MbgNbdFit(double R, double Alpha, double? A, double? B, FitDiagnostics Diagnostics, TimeUnit Unit)
    : BetaGeometricFit(R, Alpha, A, B, Diagnostics, Unit)
{
    public override string Model => MbgNbd.Name;

    internal override bool LeavesAfterFirst => true;
}
