using PlotlyChart = Plotly.NET.CSharp.Chart;

using Plotly.NET.CSharp;
using Segmentation.Prepare;
using Segmentation.Report;
using Segmentation.Reporting.Charts;

namespace Segmentation.Interactive;

/// <summary>
/// The notebooks' charts, each as a <see cref="Figure"/>: Plotly.NET for exploring, with a PNG twin drawn by ScottPlot
/// for where scripts do not run. The segment charts are the reports' own (the same figures, the same boxes).
/// </summary>
public static class NotebookCharts
{
    /// <summary>Show the PNG twin under each interactive chart (<c>Show</c> in setup.csx); off leaves the interactive chart alone.</summary>
    public static bool StaticImages { get; set; } = true;

    private static double[] Values(RfmTable rfm, string feature, bool log) => rfm.Customers.Select(c => feature switch
    {
        "Recency" => c.Recency,
        "Frequency" => (double)c.Frequency,
        _ => (double)c.Monetary,
    }).Select(v => log ? Math.Log10(Math.Max(v, 1)) : v).ToArray();

    /// <summary>The bins of <see cref="Histogram"/>, the same for its interactive chart and its PNG twin.</summary>
    public const int HistogramBins = 40;

    /// <summary>
    /// A feature's distribution over the customers in <see cref="HistogramBins"/> bins, counted here once for both
    /// twins: the interactive chart carries 40 bars, not every customer's value for plotly.js to bin (a million values
    /// in the notebook, binned otherwise than the PNG).
    /// </summary>
    public static Figure Histogram(RfmTable rfm, string feature, bool log = false)
    {
        var values = Values(rfm, feature, log);
        var axis = log ? $"log10({feature})" : feature;
        var histogram = ScottPlot.Statistics.Histogram.WithBinCount(HistogramBins, values);
        var width = histogram.FirstBinSize;
        var chart = HtmlCharts.Styled(PlotlyChart.Column<double, double, string>(values: histogram.Counts.Select(c => (double)c).ToArray(), Keys: histogram.Bins.Select(b => b + width / 2).ToArray(), Name: feature, Width: width)
            .WithXAxisStyle<double, double, string>(TitleText: axis)
            .WithYAxisStyle<double, double, string>(TitleText: "customers").WithSize(800, 320));
        return new Figure(chart, new StaticImage(ChartImages.Png(plot =>
        {
            plot.Add.Histogram(histogram);
            plot.XLabel(axis);
            plot.YLabel("customers");
        }, 800, 320)));
    }

    public static Figure RevenueByMonth(SalesSummary sales)
    {
        var keys = sales.Months.Select(m => m.Key).ToArray();
        var revenue = sales.Months.Select(m => (double)m.Revenue).ToArray();
        var chart = HtmlCharts.Styled(PlotlyChart.Column<double, string, string>(values: revenue, Keys: keys, Name: "revenue")
            .WithYAxisStyle<double, double, string>(TitleText: "revenue").WithSize(800, 320));
        return new Figure(chart, new StaticImage(ChartImages.Png(plot =>
        {
            plot.Add.Bars(revenue);
            plot.Axes.Bottom.SetTicks(Enumerable.Range(0, keys.Length).Select(i => (double)i).ToArray(), keys);
            plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
            plot.Axes.Bottom.TickLabelStyle.Alignment = ScottPlot.Alignment.MiddleLeft;
            plot.YLabel("revenue");
        }, 800, 360)));
    }

    public static Figure Top(IReadOnlyList<RevenueLine> lines, int count = 10)
    {
        var shown = lines.Take(count).Reverse().ToArray();
        var chart = HtmlCharts.Styled(PlotlyChart.Bar<double, string, string>(values: shown.Select(l => (double)l.Revenue), Keys: shown.Select(l => l.Key).ToArray(), Name: "revenue")
            .WithSize(800, 40 + 28 * Math.Min(count, lines.Count)));
        return new Figure(chart, new StaticImage(ChartImages.Png(plot =>
        {
            var bars = plot.Add.Bars(shown.Select(l => (double)l.Revenue).ToArray());
            bars.Horizontal = true;
            plot.Axes.Left.SetTicks(Enumerable.Range(0, shown.Length).Select(i => (double)i).ToArray(), shown.Select(l => l.Key).ToArray());
            plot.XLabel("revenue");
        }, 800, 40 + 28 * Math.Max(1, shown.Length))));
    }

    // The segment charts render the report model, as the reports do: the PNG is the PDF's chart.
    private static Figure Report(string id, ReportModel report, string missing) =>
        HtmlCharts.For(id, report) is { } chart && ChartImages.Png(id, report) is { } png
            ? new Figure(chart, new StaticImage(png))
            : throw new InvalidOperationException(missing);

    public static Figure Elbow(ReportModel report) => Report(ChartIds.Elbow, report, "The elbow chart is a k-means run's (a mixture has InformationCriteria).");
    public static Figure Silhouette(ReportModel report) => Report(ChartIds.Silhouette, report, "The run has no sweep of k.");
    public static Figure SegmentSizes(ReportModel report) => Report(ChartIds.Sizes, report, "The run has no segments.");
    public static Figure RevenueBySegment(ReportModel report) => Report(ChartIds.Revenue, report, "The run has no segments.");
    public static Figure Box(ReportModel report, string feature) => Report(ChartIds.Box(feature), report, $"No distribution of {feature}.");

    /// <summary>The customers in R, F and M by segment; its static twin is frequency against monetary, as in the PDF.</summary>
    public static Figure Rfm3D(ReportModel report) =>
        new(HtmlCharts.Rfm3D(report), new StaticImage(ChartImages.Png(ChartIds.Scatter, report) ?? throw new InvalidOperationException("The run has no customers.")));

    /// <summary>P(alive) against recency, by segment (a run with lifetime value).</summary>
    public static Figure AliveByRecency(ReportModel report) =>
        Report(ChartIds.AliveByRecency, report, "The run has no lifetime value: segment with SegmentationOptions.Clv set.");

    /// <summary>Holdout purchases per customer, predicted and actual (a run with a lifetime-value check).</summary>
    public static Figure Holdout(ReportModel report) =>
        Report(ChartIds.Holdout, report, "The run has no holdout check: set ClvOptions.CalibrationEnd before the last purchase.");

    /// <summary>The purchase model's diagnostic charts, as the reports draw them (a run with lifetime value).</summary>
    public static IReadOnlyList<Figure> Diagnostics(ReportModel report) => report.Value?.Diagnostics is { } d
        ? [.. ChartImages.DiagnosticIds(d).Select(id => Report(id, report, ""))]
        : throw new InvalidOperationException("The run has no lifetime value: segment with SegmentationOptions.Clv set.");

    /// <summary>One customer's P(alive) day by day (SegmentationApp.AliveHistory), their purchase days marked.</summary>
    public static Figure AliveHistory(IReadOnlyList<Lifetime.Diagnostics.AliveOnDay> history, string customerId)
    {
        var purchases = history.Where(h => h.Purchased).ToArray();
        var title = $"Customer {customerId}: P(alive) day by day";
        var chart = HtmlCharts.Styled(PlotlyChart.Combine(new[]
            {
                PlotlyChart.Line<DateTime, double, string>(x: history.Select(h => h.Day).ToArray(), y: history.Select(h => Math.Round(h.Alive, 4)).ToArray(), Name: "P(alive)"),
                PlotlyChart.Point<DateTime, double, string>(x: purchases.Select(h => h.Day).ToArray(), y: purchases.Select(h => Math.Round(h.Alive, 4)).ToArray(), Name: "purchase"),
            })
            .WithXAxisStyle<double, double, string>(TitleText: title)
            .WithYAxisStyle<double, double, string>(TitleText: "P(alive)", MinMax: new Tuple<double, double>(0, 1.02))
            .WithSize(800, 320));
        return new Figure(chart, new StaticImage(ChartImages.Png(plot =>
        {
            var line = plot.Add.Scatter(history.Select(h => h.Day.ToOADate()).ToArray(), history.Select(h => h.Alive).ToArray());
            line.MarkerSize = 0;
            line.LegendText = "P(alive)";
            var marks = plot.Add.ScatterPoints(purchases.Select(h => h.Day.ToOADate()).ToArray(), purchases.Select(h => h.Alive).ToArray());
            marks.MarkerSize = 7;
            marks.LegendText = "purchase";
            plot.Axes.DateTimeTicksBottom();
            plot.Axes.SetLimitsY(0, 1.02);
            plot.Title(title);
            plot.ShowLegend(ScottPlot.Alignment.LowerLeft);
        }, 800, 320)));
    }

    /// <summary>A Gaussian mixture's BIC and AIC by k.</summary>
    public static Figure InformationCriteria(ReportModel report) => Report(ChartIds.InformationCriteria, report, "The run is not a Gaussian mixture's.");

    /// <summary>DBSCAN's k-distance curve, the one eps is read from.</summary>
    public static Figure KDistance(ReportModel report) => Report(ChartIds.KDistance, report, "The k-distance curve is a DBSCAN run's.");

    /// <summary>
    /// One k's silhouette diagram: every customer's silhouette, by segment, highest first, with the mean as a line.
    /// Customers are drawn as at most <paramref name="points"/> per segment (evenly spaced in rank) to keep the notebook small.
    /// </summary>
    public static Figure Silhouettes(SilhouetteDiagram diagram, int points = 300)
    {
        var offset = 0;
        var bands = new List<(string Name, double[] Position, double[] Value)>();
        foreach (var g in diagram.Groups)
        {
            var step = Math.Max(1, g.Values.Length / points);
            var kept = Enumerable.Range(0, g.Values.Length).Where(i => i % step == 0).ToArray();
            bands.Add(($"{g.Segment} ({Formatting.Display.Count(g.Values.Length)})", kept.Select(i => (double)(offset + i)).ToArray(), kept.Select(i => g.Values[i]).ToArray()));
            offset += g.Values.Length + 20;
        }
        var title = $"k = {diagram.K}: mean silhouette {Formatting.Display.Number(diagram.Mean, 3)}";
        var chart = HtmlCharts.Styled(PlotlyChart.Combine(bands.Select(b => PlotlyChart.Area<double, double, string>(x: b.Position, y: b.Value, Name: b.Name)))
            .WithXAxisStyle<double, double, string>(TitleText: $"{title}; customers by segment, highest first")
            .WithYAxisStyle<double, double, string>(TitleText: "silhouette")
            .WithSize(700, 360));
        return new Figure(chart, new StaticImage(ChartImages.Png(plot =>
        {
            foreach (var (name, position, value) in bands)
            {
                var fill = plot.Add.FillY(position, new double[position.Length], value);
                fill.LegendText = name;
            }
            plot.Add.HorizontalLine(diagram.Mean).LinePattern = ScottPlot.LinePattern.Dashed;
            plot.Title(title);
            plot.YLabel("silhouette");
            plot.XLabel("customers, by segment, highest silhouette first");
            plot.Axes.Bottom.TickLabelStyle.IsVisible = false;
            plot.ShowLegend(ScottPlot.Alignment.UpperRight);
        }, 700, 360)));
    }
}
