using Plotly.NET;
using Plotly.NET.CSharp;
using Segmentation.Features;
using Segmentation.Report;
using Segmentation.Reporting.Charts;
using PlotlyChart = Plotly.NET.CSharp.Chart;

namespace Segmentation.Interactive;

/// <summary>Plotly.NET charts for exploration; the segment charts are the HTML report's own.</summary>
public static class NotebookCharts
{
    public static GenericChart Histogram(RfmTable rfm, string feature, bool log = false)
    {
        var values = rfm.Customers.Select(c => feature switch
        {
            "Recency" => c.Recency,
            "Frequency" => (double)c.Frequency,
            _ => (double)c.Monetary,
        }).Select(v => log ? Math.Log10(Math.Max(v, 1)) : v).ToArray();
        return HtmlCharts.Styled(PlotlyChart.Histogram<double, double, string>(X: values, Name: feature)
            .WithXAxisStyle<double, double, string>(TitleText: log ? $"log10({feature})" : feature)
            .WithYAxisStyle<double, double, string>(TitleText: "customers").WithSize(800, 320));
    }

    public static GenericChart RevenueByMonth(SalesSummary sales) => HtmlCharts.Styled(
        PlotlyChart.Column<double, string, string>(values: sales.Months.Select(m => (double)m.Revenue), Keys: sales.Months.Select(m => m.Key).ToArray(), Name: "revenue")
            .WithYAxisStyle<double, double, string>(TitleText: "revenue").WithSize(800, 320));

    public static GenericChart Top(IReadOnlyList<RevenueLine> lines, int count = 10) => HtmlCharts.Styled(
        PlotlyChart.Bar<double, string, string>(values: lines.Take(count).Reverse().Select(l => (double)l.Revenue), Keys: lines.Take(count).Reverse().Select(l => l.Key).ToArray(), Name: "revenue")
            .WithSize(800, 40 + 28 * Math.Min(count, lines.Count)));

    // The segment charts render the report model, as the HTML report does: the same figures, the same boxes.
    public static GenericChart Elbow(ReportModel report) => HtmlCharts.For(ChartIds.Elbow, report)!;
    public static GenericChart Silhouette(ReportModel report) => HtmlCharts.For(ChartIds.Silhouette, report)!;
    public static GenericChart SegmentSizes(ReportModel report) => HtmlCharts.For(ChartIds.Sizes, report)!;
    public static GenericChart RevenueBySegment(ReportModel report) => HtmlCharts.For(ChartIds.Revenue, report)!;
    public static GenericChart Box(ReportModel report, string feature) => HtmlCharts.For(ChartIds.Box(feature), report)!;
    public static GenericChart Rfm3D(ReportModel report) => HtmlCharts.Rfm3D(report);

    /// <summary>P(alive) against recency, by segment (a run with lifetime value).</summary>
    public static GenericChart AliveByRecency(ReportModel report) => HtmlCharts.For(ChartIds.AliveByRecency, report)
        ?? throw new InvalidOperationException("The run has no lifetime value: segment with SegmentationOptions.Clv set.");

    /// <summary>Holdout purchases per customer, predicted and actual (a run with a lifetime-value check).</summary>
    public static GenericChart Holdout(ReportModel report) => HtmlCharts.For(ChartIds.Holdout, report)
        ?? throw new InvalidOperationException("The run has no holdout check: set ClvOptions.CalibrationEnd before the last purchase.");

    /// <summary>A Gaussian mixture's BIC and AIC by k.</summary>
    public static GenericChart InformationCriteria(ReportModel report) => HtmlCharts.For(ChartIds.InformationCriteria, report)!;

    /// <summary>DBSCAN's k-distance curve, the one eps is read from.</summary>
    public static GenericChart KDistance(ReportModel report) =>
        HtmlCharts.For(ChartIds.KDistance, report) ?? throw new ArgumentException("The k-distance curve is a DBSCAN run's.", nameof(report));
}
