using Segmentation.Report;
using Segmentation.Reporting.Pdf;

namespace Segmentation.Reporting.Charts;

/// <summary>
/// The report's charts as PNG images, drawn by the same ScottPlot builders as the PDF's: the web app shows them,
/// and an image cannot carry script, whatever the data's text.
/// </summary>
public static class ChartImages
{
    /// <summary>The charts a report has, in the order the web app shows them.</summary>
    public static IReadOnlyList<string> Ids(ReportModel report)
    {
        var q = report.Quality;
        if (q.Density is not null) return [ChartIds.Sizes, ChartIds.Revenue, ChartIds.KDistance, ChartIds.Scatter];
        string[] value = report.Value is null ? [] : report.Value.Validation is null ? [ChartIds.AliveByRecency] : [ChartIds.AliveByRecency, ChartIds.Holdout];
        return [ChartIds.Sizes, ChartIds.Revenue, q.HasInformationCriteria ? ChartIds.InformationCriteria : ChartIds.Elbow,
            ChartIds.Silhouette, ChartIds.DaviesBouldin, ChartIds.CalinskiHarabasz, ChartIds.Scatter,
            .. report.Distributions.Select(b => ChartIds.Box(b.Feature)), .. value];
    }

    /// <summary>The chart <paramref name="id"/> of <paramref name="report"/> as PNG bytes, or null when the report has no such chart.</summary>
    public static byte[]? Png(string id, ReportModel report, int width = 720, int height = 360)
    {
        if (!Ids(report).Contains(id) || Build(id, report) is not { } build) return null;
        return Png(build, width, height);
    }

    /// <summary>Any ScottPlot chart as PNG bytes, in the reports' font (the notebooks' static twins of their exploration charts).</summary>
    public static byte[] Png(Action<ScottPlot.Plot> build, int width = 720, int height = 360)
    {
        ReportFonts.EnsureRegistered();
        var plot = new ScottPlot.Plot();
        plot.Font.Set(ReportFonts.Family);
        build(plot);
        using var image = plot.GetImage(width, height);
        return image.GetImageBytes(ScottPlot.ImageFormat.Png);
    }

    private static Action<ScottPlot.Plot>? Build(string id, ReportModel r) => id switch
    {
        ChartIds.Sizes => PdfCharts.SegmentSizes(r),
        ChartIds.Revenue => PdfCharts.RevenueBySegment(r),
        ChartIds.Elbow => PdfCharts.Elbow(r),
        ChartIds.InformationCriteria => PdfCharts.InformationCriteria(r),
        ChartIds.KDistance => PdfCharts.KDistance(r),
        ChartIds.Silhouette => PdfCharts.MetricByK(r, m => m.Silhouette, "Silhouette"),
        ChartIds.DaviesBouldin => PdfCharts.MetricByK(r, m => m.DaviesBouldin, "Davies-Bouldin"),
        ChartIds.CalinskiHarabasz => PdfCharts.MetricByK(r, m => m.CalinskiHarabasz, "Calinski-Harabasz"),
        ChartIds.Scatter => PdfCharts.FrequencyVsMonetary(r),
        ChartIds.AliveByRecency => PdfCharts.AliveByRecency(r),
        ChartIds.Holdout => PdfCharts.Holdout(r),
        _ => r.Distributions.FirstOrDefault(b => ChartIds.Box(b.Feature) == id) is { } boxes ? PdfCharts.Distribution(boxes) : null,
    };
}
