using SkiaSharp;

namespace Segmentation.Reporting.Pdf;

/// <summary>
/// The report's typefaces, loaded from the assembly (Lato, OFL). They are registered with ScottPlot too, so
/// charts never fall back to a machine font, and never draw silently without text when a machine has none.
/// </summary>
public static class ReportFonts
{
    public const string Family = "Lato";

    private static readonly Lazy<(SKTypeface Regular, SKTypeface Bold)> Faces = new(() =>
    {
        var regular = Load("Lato-Regular.ttf");
        var bold = Load("Lato-Bold.ttf");
        ScottPlot.Fonts.FontResolvers.Insert(0, new Resolver(regular, bold));
        ScottPlot.Fonts.Default = Family;
        ScottPlot.Fonts.Sans = Family;
        return (regular, bold);
    });

    public static SKTypeface Regular => Faces.Value.Regular;
    public static SKTypeface Bold => Faces.Value.Bold;

    /// <summary>
    /// A font for the PDF's text. Glyphs placed at their exact (subpixel, unhinted) advances: positions rounded to whole
    /// pixels open gaps inside words that text extraction reads as spaces ("custom er"), breaking search and copying.
    /// </summary>
    public static SKFont Font(SKTypeface face, float size) => new(face, size) { Subpixel = true, LinearMetrics = true, Hinting = SKFontHinting.None };

    /// <summary>Makes sure the fonts are loaded and ScottPlot uses them.</summary>
    public static void EnsureRegistered() => _ = Faces.Value;

    private static SKTypeface Load(string file)
    {
        var name = $"Segmentation.Reporting.Fonts.{file}";
        using var stream = typeof(ReportFonts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The font resource {name} is missing from the assembly.");
        using var data = SKData.Create(stream);
        return SKTypeface.FromData(data) ?? throw new InvalidOperationException($"The font {file} could not be loaded.");
    }

    private sealed class Resolver(SKTypeface regular, SKTypeface bold) : ScottPlot.IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, bool bold1, bool italic) => bold1 ? bold : regular;

        public SKTypeface? CreateTypeface(string fontName, ScottPlot.FontWeight weight, ScottPlot.FontSlant slant, ScottPlot.FontSpacing width) =>
            (int)weight >= (int)ScottPlot.FontWeight.SemiBold ? bold : regular;
    }
}
