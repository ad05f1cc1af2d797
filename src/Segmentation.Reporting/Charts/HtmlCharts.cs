using Plotly.NET;
using Plotly.NET.CSharp;
using Segmentation.Pipeline;
using PlotlyChart = Plotly.NET.CSharp.Chart;

namespace Segmentation.Reporting.Charts;

/// <summary>The HTML report's interactive charts (Plotly.NET), one for each chart id of the PDF, plus a 3D RFM view.</summary>
public static class HtmlCharts
{
    public static GenericChart? For(string id, SegmentationRun run) => Make(id, run) is { } chart ? Styled(chart) : null;

    /// <summary>
    /// A light template: Plotly.NET's default one is serialised with every chart and cost about 140 ms each,
    /// most of the HTML report's time.
    /// </summary>
    public static GenericChart Styled(GenericChart chart) => Plotly.NET.Chart.withTemplate(ChartTemplates.lightMirrored).Invoke(chart);

    private static GenericChart? Make(string id, SegmentationRun run)
    {
        var ks = run.Sweep.Metrics.Select(m => m.K).ToArray();
        if (id == ChartIds.Sizes) return Columns(run, p => p.Customers, "Customers");
        if (id == ChartIds.Revenue) return Columns(run, p => Math.Round(p.RevenueShare * 100, 2), "Share of revenue (%)");
        if (id == ChartIds.Elbow) return Line(ks, run.Sweep.Metrics.Select(m => m.Inertia).ToArray(), "Inertia");
        if (id == ChartIds.Silhouette) return Line(ks, run.Sweep.Metrics.Select(m => m.Silhouette).ToArray(), "Silhouette");
        if (id == ChartIds.DaviesBouldin) return Line(ks, run.Sweep.Metrics.Select(m => m.DaviesBouldin).ToArray(), "Davies-Bouldin");
        if (id == ChartIds.CalinskiHarabasz) return Line(ks, run.Sweep.Metrics.Select(m => m.CalinskiHarabasz).ToArray(), "Calinski-Harabasz");
        if (id == ChartIds.Scatter) return Scatter2D(run);
        foreach (var feature in new[] { "Recency", "Frequency", "Monetary" })
        {
            if (id == ChartIds.Box(feature)) return Box(run, feature);
        }
        return null;
    }

    private static GenericChart Columns(SegmentationRun run, Func<Segments.SegmentProfile, double> value, string title) =>
        GenericChart.combine(run.Profiles.Select(p =>
            PlotlyChart.Column<double, string, string>(values: [value(p)], Keys: new[] { p.Segment }, Name: p.Segment, MarkerColor: Color.fromHex(SegmentPalette.Of(p.Cluster)))))
        .WithSize(900, 380);

    private static GenericChart Line(int[] ks, double[] values, string title) =>
        PlotlyChart.Line<int, double, string>(x: ks, y: values, Name: title, ShowMarkers: true)
            .WithXAxisStyle<double, double, string>(TitleText: "k").WithYAxisStyle<double, double, string>(TitleText: title).WithSize(900, 340);

    private static double[] Feature(Segmentation.Segments.CustomerSegment c, string feature, bool log) => feature switch
    {
        "Recency" => [c.Rfm.Recency],
        "Frequency" => [log ? Math.Log10(c.Rfm.Frequency) : c.Rfm.Frequency],
        _ => [log ? Math.Log10(Math.Max((double)c.Rfm.Monetary, 1)) : (double)c.Rfm.Monetary],
    };

    private static GenericChart Box(SegmentationRun run, string feature)
    {
        var log = feature != "Recency";
        return GenericChart.combine(run.Profiles.Select(p =>
        {
            var members = run.Customers.Where(c => c.Cluster == p.Cluster).ToArray();
            return PlotlyChart.BoxPlot<string, double, string>(
                X: members.Select(_ => p.Segment).ToArray(),
                Y: members.Select(c => Feature(c, feature, log)[0]).ToArray(),
                Name: p.Segment, MarkerColor: Color.fromHex(SegmentPalette.Of(p.Cluster)));
        })).WithYAxisStyle<double, double, string>(TitleText: log ? $"log10({feature.ToLowerInvariant()})" : "days since last purchase").WithSize(900, 380);
    }

    private static GenericChart Scatter2D(SegmentationRun run) =>
        GenericChart.combine(run.Profiles.Select(p =>
        {
            var members = run.Customers.Where(c => c.Cluster == p.Cluster).ToArray();
            return PlotlyChart.Point<double, double, string>(
                x: members.Select(c => Math.Log10(c.Rfm.Frequency)).ToArray(),
                y: members.Select(c => Math.Log10(Math.Max((double)c.Rfm.Monetary, 1))).ToArray(),
                Name: p.Segment, MarkerColor: Color.fromHex(SegmentPalette.Of(p.Cluster)),
                MultiText: members.Select(c => c.Rfm.CustomerId).ToArray());
        })).WithXAxisStyle<double, double, string>(TitleText: "log10(orders)").WithYAxisStyle<double, double, string>(TitleText: "log10(spend)").WithSize(900, 520);

    /// <summary>Every customer in recency, log frequency and log monetary, coloured by segment.</summary>
    public static GenericChart Rfm3D(SegmentationRun run) => Styled(
        GenericChart.combine(run.Profiles.Select(p =>
        {
            var members = run.Customers.Where(c => c.Cluster == p.Cluster).ToArray();
            return PlotlyChart.Scatter3D<int, double, double, string>(
                x: members.Select(c => c.Rfm.Recency).ToArray(),
                y: members.Select(c => Math.Log10(c.Rfm.Frequency)).ToArray(),
                z: members.Select(c => Math.Log10(Math.Max((double)c.Rfm.Monetary, 1))).ToArray(),
                mode: StyleParam.Mode.Markers,
                Name: p.Segment,
                MarkerColor: Color.fromHex(SegmentPalette.Of(p.Cluster)),
                MultiText: members.Select(c => c.Rfm.CustomerId).ToArray());
        })).WithSize(900, 640));
}
