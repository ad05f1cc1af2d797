using System.Globalization;
using System.Text;

namespace Segmentation.Benchmarks;

/// <summary>
/// How cost grows with rows: process wall time and peak memory against rows, one line per format, on log-log axes,
/// as an SVG for RESULTS.md (a straight line of slope 1 is linear growth; the dotted line marks it).
/// </summary>
internal static class GrowthChart
{
    /// <summary>The chart's file, beside the results that link to it.</summary>
    public const string FileName = "growth.svg";

    public sealed record Point(string Format, long Rows, double Seconds, double PeakMb);

    private const int Width = 360, Height = 260, Left = 60, Right = 20, Top = 30, Bottom = 45;

    public static string Svg(IReadOnlyList<Point> points)
    {
        var svg = new StringBuilder();
        svg.AppendLine(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{2 * Width}\" height=\"{Height}\" font-family=\"sans-serif\" font-size=\"11\">");
        svg.AppendLine("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>");
        Panel(svg, 0, "process wall (s)", points, p => p.Seconds);
        Panel(svg, Width, "peak memory (MB)", points, p => p.PeakMb);
        return svg.AppendLine("</svg>").ToString();
    }

    private static void Panel(StringBuilder svg, int offset, string title, IReadOnlyList<Point> points, Func<Point, double> value)
    {
        static double Floor10(double v) => Math.Pow(10, Math.Floor(Math.Log10(v)));
        static double Ceiling10(double v) => Math.Pow(10, Math.Ceiling(Math.Log10(v)));
        var (xMin, xMax) = (Floor10(points.Min(p => p.Rows)), Ceiling10(points.Max(p => p.Rows)));
        var (yMin, yMax) = (Floor10(points.Min(value)), Ceiling10(points.Max(value)));
        double X(double rows) => offset + Left + (Math.Log10(rows) - Math.Log10(xMin)) / (Math.Log10(xMax) - Math.Log10(xMin)) * (Width - Left - Right);
        double Y(double v) => Top + (Math.Log10(yMax) - Math.Log10(v)) / (Math.Log10(yMax) - Math.Log10(yMin)) * (Height - Top - Bottom);
        string F(double v) => v.ToString("F1", CultureInfo.InvariantCulture);

        svg.AppendLine(CultureInfo.InvariantCulture, $"<text x=\"{offset + Width / 2}\" y=\"16\" text-anchor=\"middle\" font-weight=\"bold\">{title} against rows</text>");
        // The linear-growth lines leave the plot where the data grows slower: clipped to it.
        svg.AppendLine(CultureInfo.InvariantCulture, $"<clipPath id=\"plot{offset}\"><rect x=\"{offset + Left}\" y=\"{Top}\" width=\"{Width - Left - Right}\" height=\"{Height - Top - Bottom}\"/></clipPath>");
        for (var d = xMin; d <= xMax * 1.001; d *= 10)
        {
            svg.AppendLine(CultureInfo.InvariantCulture, $"<line x1=\"{F(X(d))}\" y1=\"{Top}\" x2=\"{F(X(d))}\" y2=\"{Height - Bottom}\" stroke=\"#ddd\"/>");
            svg.AppendLine(CultureInfo.InvariantCulture, $"<text x=\"{F(X(d))}\" y=\"{Height - Bottom + 14}\" text-anchor=\"middle\">{Rows(d)}</text>");
        }
        for (var d = yMin; d <= yMax * 1.001; d *= 10)
        {
            svg.AppendLine(CultureInfo.InvariantCulture, $"<line x1=\"{offset + Left}\" y1=\"{F(Y(d))}\" x2=\"{offset + Width - Right}\" y2=\"{F(Y(d))}\" stroke=\"#ddd\"/>");
            svg.AppendLine(CultureInfo.InvariantCulture, $"<text x=\"{offset + Left - 4}\" y=\"{F(Y(d) + 4)}\" text-anchor=\"end\">{d.ToString("G", CultureInfo.InvariantCulture)}</text>");
        }
        svg.AppendLine(CultureInfo.InvariantCulture, $"<text x=\"{offset + Width / 2}\" y=\"{Height - 8}\" text-anchor=\"middle\">rows (log scale)</text>");
        var colours = new[] { "#1f77b4", "#d62728", "#2ca02c" };
        var formats = points.Select(p => p.Format).Distinct().ToList();
        foreach (var (format, i) in formats.Select((f, i) => (f, i)))
        {
            var line = points.Where(p => p.Format == format).OrderBy(p => p.Rows).ToList();
            var colour = colours[i % colours.Length];
            svg.AppendLine(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" points=\"{string.Join(" ", line.Select(p => $"{F(X(p.Rows))},{F(Y(value(p)))}"))}\"/>");
            foreach (var p in line) svg.AppendLine(CultureInfo.InvariantCulture, $"<circle cx=\"{F(X(p.Rows))}\" cy=\"{F(Y(value(p)))}\" r=\"3\" fill=\"{colour}\"/>");
            svg.AppendLine(CultureInfo.InvariantCulture, $"<text x=\"{offset + Left + 8}\" y=\"{Top + 14 + 14 * i}\" fill=\"{colour}\">{format}</text>");
            // Linear growth from this format's smallest point, for comparison.
            var first = line[0];
            var last = line[^1];
            svg.AppendLine(CultureInfo.InvariantCulture, $"<line x1=\"{F(X(first.Rows))}\" y1=\"{F(Y(value(first)))}\" x2=\"{F(X(last.Rows))}\" y2=\"{F(Y(Math.Max(yMin, value(first) * last.Rows / first.Rows)))}\" stroke=\"{colour}\" stroke-dasharray=\"2,3\" clip-path=\"url(#plot{offset})\"/>");
        }
    }

    private static string Rows(double rows) => rows >= 1e6 ? $"{rows / 1e6:G}M" : rows >= 1e3 ? $"{rows / 1e3:G}k" : rows.ToString("G", CultureInfo.InvariantCulture);
}
