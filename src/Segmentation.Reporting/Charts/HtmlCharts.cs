using PlotlyChart = Plotly.NET.CSharp.Chart;

using Plotly.NET;
using Plotly.NET.CSharp;
using Segmentation.Clustering.Segments;
using Segmentation.Report;

namespace Segmentation.Reporting.Charts;

/// <summary>The HTML report's interactive charts (Plotly.NET), one for each chart id of the PDF, plus a 3D RFM view.</summary>
public static class HtmlCharts
{
    public static GenericChart? For(string id, ReportModel report) => Make(id, report) is { } chart ? Styled(chart) : null;

    /// <summary>
    /// A light template: Plotly.NET's default one is serialised with every chart and cost about 140 ms each,
    /// most of the HTML report's time.
    /// </summary>
    public static GenericChart Styled(GenericChart chart) => Plotly.NET.Chart.withTemplate(ChartTemplates.lightMirrored).Invoke(chart);

    private static GenericChart? Make(string id, ReportModel r)
    {
        var sweep = r.Quality.Sweep;
        var ks = sweep.Select(m => m.K).ToArray();
        if (id == ChartIds.Sizes) return Columns(r, p => p.Customers);
        if (id == ChartIds.Revenue) return Columns(r, p => Math.Round(p.RevenueShare * 100, 2));
        if (id == ChartIds.Elbow) return Line(ks, sweep.Select(m => m.Inertia).ToArray(), "Inertia");
        if (id == ChartIds.Silhouette) return Line(ks, sweep.Select(m => m.Silhouette).ToArray(), "Silhouette");
        if (id == ChartIds.DaviesBouldin) return Line(ks, sweep.Select(m => m.DaviesBouldin).ToArray(), "Davies-Bouldin");
        if (id == ChartIds.CalinskiHarabasz) return Line(ks, sweep.Select(m => m.CalinskiHarabasz).ToArray(), "Calinski-Harabasz");
        if (id == ChartIds.Scatter) return Scatter2D(r);
        if (id == ChartIds.InformationCriteria)
        {
            return GenericChart.combine(new[]
            {
                Line(ks, sweep.Select(m => m.Bic ?? double.NaN).ToArray(), "BIC"),
                Line(ks, sweep.Select(m => m.Aic ?? double.NaN).ToArray(), "AIC"),
            }).WithYAxisStyle<double, double, string>(TitleText: "Information criterion (lower is better)");
        }
        if (id == ChartIds.KDistance && r.Quality.Density is { } d)
        {
            var x = Enumerable.Range(0, d.KDistanceCurve.Count).Select(i => d.KDistanceCurve.Count == 1 ? 0 : Math.Round(100.0 * i / (d.KDistanceCurve.Count - 1), 2)).ToArray();
            return PlotlyChart.Line<double, double, string>(x: x, y: d.KDistanceCurve.ToArray(), Name: $"distance to the {d.MinSamples}th nearest")
                .WithXAxisStyle<double, double, string>(TitleText: "Customers, farthest first (%)")
                .WithYAxisStyle<double, double, string>(TitleText: $"Distance to the {d.MinSamples}th nearest (eps = {Formatting.Display.Number(d.Eps, 3)})")
                .WithSize(900, 340);
        }
        if (id == ChartIds.AliveByRecency && r.Value is not null)
        {
            return GenericChart.combine(r.Profiles.Select(p =>
            {
                var members = r.PlottedIn(p.Cluster).Where(c => c.Value is not null).ToArray();
                return PlotlyChart.Point<int, double, string>(x: members.Select(c => c.Rfm.Recency).ToArray(), y: members.Select(c => c.Value!.ProbabilityAlive).ToArray(),
                    Name: p.Segment, MarkerColor: Color.fromHex(SegmentPalette.Of(p.Cluster)), MultiText: members.Select(c => c.Rfm.CustomerId).ToArray());
            }))
            .WithXAxisStyle<double, double, string>(TitleText: "recency: days since the last purchase")
            .WithYAxisStyle<double, double, string>(TitleText: "P(alive)").WithSize(900, 420);
        }
        if (id == ChartIds.Holdout && r.Value?.Validation is { } v)
        {
            var groups = v.Groups.Select(g => g.Frequency).ToArray();
            return GenericChart.combine(new[]
            {
                PlotlyChart.Line<string, double, string>(x: groups, y: v.Groups.Select(g => g.PredictedPerCustomer).ToArray(), Name: "predicted", ShowMarkers: true),
                PlotlyChart.Line<string, double, string>(x: groups, y: v.Groups.Select(g => g.ActualPerCustomer).ToArray(), Name: "actual", ShowMarkers: true),
            })
            .WithXAxisStyle<double, double, string>(TitleText: "repeat purchases in the calibration period")
            .WithYAxisStyle<double, double, string>(TitleText: "holdout purchases per customer").WithSize(900, 340);
        }
        if (r.Value?.Diagnostics is { } diagnostics && HtmlDiagnosticCharts.For(id, diagnostics) is { } diagnostic) return diagnostic;
        return r.Distributions.FirstOrDefault(b => ChartIds.Box(b.Feature) == id) is { } boxes ? Box(boxes) : null;
    }

    private static GenericChart Columns(ReportModel r, Func<SegmentProfile, double> value) =>
        GenericChart.combine(r.Profiles.Select(p =>
            PlotlyChart.Column<double, string, string>(values: [value(p)], Keys: new[] { p.Segment }, Name: p.Segment, MarkerColor: Color.fromHex(SegmentPalette.Of(p.Cluster)))))
        .WithSize(900, 380);

    private static GenericChart Line(int[] ks, double[] values, string title) =>
        PlotlyChart.Line<int, double, string>(x: ks, y: values, Name: title, ShowMarkers: true)
            .WithXAxisStyle<double, double, string>(TitleText: "k").WithYAxisStyle<double, double, string>(TitleText: title).WithSize(900, 340);

    /// <summary>
    /// Boxes drawn from the model's own statistics (Plotly's q1/median/q3/fence form), not from the raw values:
    /// Plotly would otherwise apply its own 1.5 IQR whisker rule, and the PDF and HTML would disagree.
    /// </summary>
    public static GenericChart Box(FeatureBoxes boxes)
    {
        var traces = boxes.Boxes.Select(b =>
        {
            var trace = new Trace2D("box");
            trace.SetProperty("name", b.Segment);
            trace.SetProperty("x", new[] { b.Segment });
            trace.SetProperty("q1", new[] { b.Q1 });
            trace.SetProperty("median", new[] { b.Median });
            trace.SetProperty("q3", new[] { b.Q3 });
            trace.SetProperty("lowerfence", new[] { b.Low });
            trace.SetProperty("upperfence", new[] { b.High });
            trace.SetProperty("marker", new Dictionary<string, object> { ["color"] = SegmentPalette.Of(b.Cluster) });
            return GenericChart.ofTraceObject(true, trace);
        });
        return GenericChart.combine(traces)
            .WithYAxisStyle<double, double, string>(TitleText: boxes.LogScale ? $"{boxes.Unit} (log scale)" : boxes.Unit,
                AxisType: boxes.LogScale ? StyleParam.AxisType.Log : StyleParam.AxisType.Linear)
            .WithSize(900, 380);
    }

    private static GenericChart Scatter2D(ReportModel r) =>
        GenericChart.combine(r.Profiles.Select(p =>
        {
            var members = r.PlottedIn(p.Cluster).ToArray();
            return PlotlyChart.Point<double, double, string>(
                x: members.Select(c => (double)c.Rfm.Frequency).ToArray(),
                y: members.Select(c => Math.Max((double)c.Rfm.Monetary, 1)).ToArray(),
                Name: p.Segment, MarkerColor: Color.fromHex(SegmentPalette.Of(p.Cluster)),
                MultiText: members.Select(c => c.Rfm.CustomerId).ToArray());
        }))
        .WithXAxisStyle<double, double, string>(TitleText: "orders (log scale)", AxisType: StyleParam.AxisType.Log)
        .WithYAxisStyle<double, double, string>(TitleText: "spend (log scale)", AxisType: StyleParam.AxisType.Log).WithSize(900, 520);

    /// <summary>The plotted customers in recency, frequency and monetary (log scales for the last two), coloured by segment.</summary>
    public static GenericChart Rfm3D(ReportModel r) => Styled(
        GenericChart.combine(r.Profiles.Select(p =>
        {
            var members = r.PlottedIn(p.Cluster).ToArray();
            return PlotlyChart.Scatter3D<int, double, double, string>(
                x: members.Select(c => c.Rfm.Recency).ToArray(),
                y: members.Select(c => Math.Log10(Math.Max(c.Rfm.Frequency, 1))).ToArray(),
                z: members.Select(c => Math.Log10(Math.Max((double)c.Rfm.Monetary, 1))).ToArray(),
                mode: StyleParam.Mode.Markers,
                Name: p.Segment,
                MarkerColor: Color.fromHex(SegmentPalette.Of(p.Cluster)),
                MultiText: members.Select(c => c.Rfm.CustomerId).ToArray());
        })).WithSize(900, 640));
}
