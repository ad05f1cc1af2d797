namespace Segmentation.Lifetime;

/// <summary>A fitted BG/NBD model, in the summary's unit (see <see cref="BetaGeometricFit"/>).</summary>
public sealed record BgNbdFit(double R, double Alpha, double? A, double? B, FitDiagnostics Diagnostics, TimeUnit Unit)
    : BetaGeometricFit(R, Alpha, A, B, Diagnostics, Unit)
{
    public override string Model => BgNbd.Name;

    internal override bool LeavesAfterFirst => false;
}
