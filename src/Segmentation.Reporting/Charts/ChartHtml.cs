namespace Segmentation.Reporting.Charts;

/// <summary>
/// A Plotly.NET chart as an HTML fragment that is safe whatever text its data holds. Plotly.NET's own
/// <c>toChartHTML</c> writes the figure's JSON into a script block as it is, so a customer id such as
/// <c>&lt;/script&gt;&lt;img onerror=...&gt;</c> ends the block and runs: here the JSON's <c>&lt;</c>, <c>&gt;</c>,
/// <c>&amp;</c> and U+2028/2029 are written as \u escapes, which JSON and JavaScript read back as the same
/// characters (they can only occur inside strings in a JSON text).
/// </summary>
public static class ChartHtml
{
    public static string Fragment(Plotly.NET.GenericChart chart, string id)
    {
        var json = ScriptSafe(Plotly.NET.GenericChart.toFigureJson(chart));
        return $"<div id=\"{id}\" class=\"chart\"></div><script>(function () {{ var f = {json}; Plotly.newPlot('{id}', f.data, f.layout, {{ responsive: true }}); }})();</script>";
    }

    /// <summary>JSON made safe to place inside an HTML script element.</summary>
    public static string ScriptSafe(string json) => json
        .Replace("<", "\\u003c", StringComparison.Ordinal)
        .Replace(">", "\\u003e", StringComparison.Ordinal)
        .Replace("&", "\\u0026", StringComparison.Ordinal)
        .Replace("\u2028", "\\u2028", StringComparison.Ordinal)
        .Replace("\u2029", "\\u2029", StringComparison.Ordinal);
}
