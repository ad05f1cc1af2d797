namespace Segmentation.Reporting.Charts;

/// <summary>One colour per cluster id, the same in the PDF and the HTML (Tableau 10, colour-blind friendly enough for 10).</summary>
public static class SegmentPalette
{
    public static IReadOnlyList<string> Hex { get; } =
        ["#1F77B4", "#2CA02C", "#FF7F0E", "#9467BD", "#8C564B", "#17BECF", "#E377C2", "#BCBD22", "#7F7F7F", "#D62728", "#393B79", "#637939"];

    public static string Of(int cluster) => Hex[cluster % Hex.Count];

    public static ScottPlot.Color Color(int cluster) => ScottPlot.Color.FromHex(Of(cluster));
}
