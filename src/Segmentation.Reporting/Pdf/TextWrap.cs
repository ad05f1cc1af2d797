using SkiaSharp;

namespace Segmentation.Reporting.Pdf;

internal static class TextWrap
{
    /// <summary>Breaks text into lines no wider than <paramref name="width"/>, at spaces, or inside a word too long for a line.</summary>
    public static List<string> Lines(string text, SKFont font, float width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (font.MeasureText(candidate) <= width) { line = candidate; continue; }
                if (line.Length > 0) lines.Add(line);
                line = word;
                while (font.MeasureText(line) > width && line.Length > 1)
                {
                    var fit = line.Length - 1;
                    while (fit > 1 && font.MeasureText(line[..fit]) > width) fit--;
                    lines.Add(line[..fit]);
                    line = line[fit..];
                }
            }
            lines.Add(line);
        }
        return lines;
    }
}
