using Segmentation.Lifetime.Diagnostics;

namespace Segmentation.Reporting.Charts;

/// <summary>What the PDF's and the HTML's diagnostic charts draw alike: the data's colour, the model's, and a density's axis.</summary>
internal static class DiagnosticStyle
{
    /// <summary>The data (actual counts, a fitted density).</summary>
    public const string Actual = "#1f4e79";

    /// <summary>The model (simulated, expected, a mean).</summary>
    public const string Model = "#e07b39";

    /// <summary>
    /// The top of a density's axis: a shape below 1 has a density without bound at 0, so the axis stops where the curve
    /// is still readable, above the highest point past its first twentieth.
    /// </summary>
    public static double DensityTop(DensityCurve c) => c.Density.Skip(c.Density.Count / 20).DefaultIfEmpty(1).Max() * 1.6;
}
