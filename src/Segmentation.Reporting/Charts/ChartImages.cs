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
        string[] value = report.Value is null ? [] : [ChartIds.AliveByRecency, .. report.Value.Validation is null ? [] : new[] { ChartIds.Holdout }, .. report.Value.Diagnostics is { } d ? DiagnosticIds(d) : []];
        return [ChartIds.Sizes, ChartIds.Revenue, q.HasInformationCriteria ? ChartIds.InformationCriteria : ChartIds.Elbow,
            ChartIds.Silhouette, ChartIds.DaviesBouldin, ChartIds.CalinskiHarabasz, ChartIds.Scatter,
            .. report.Distributions.Select(b => ChartIds.Box(b.Feature)), .. value];
    }

    /// <summary>The purchase model's diagnostic charts a value section has, in the reports' order.</summary>
    public static IReadOnlyList<string> DiagnosticIds(Lifetime.Diagnostics.PurchaseDiagnostics d) =>
    [
        ChartIds.PeriodTransactions,
        .. d.Tracking is null ? [] : new[] { ChartIds.WeeklyRepeats, ChartIds.CumulativeRepeats },
        ChartIds.ExpectedMatrix,
        // Without dropout every P(alive) is 1: nothing to draw.
        .. d.Dropout is null ? [] : new[] { ChartIds.AliveMatrix },
        ChartIds.PurchaseRates,
        .. d.Dropout is null ? [] : new[] { ChartIds.Dropout },
    ];

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

    /// <summary>One customer's P(alive) over their history (<see cref="PdfDiagnosticCharts.AliveHistory"/>) as PNG bytes: the dashboard's chart for a chosen customer.</summary>
    public static byte[] AliveHistory(IReadOnlyList<Lifetime.Diagnostics.AliveOnDay> history, string model, int width = 720, int height = 300) =>
        Png(PdfDiagnosticCharts.AliveHistory(history, model), width, height);

    /// <summary>A diagnostic chart of the purchase model by id; null for another id.</summary>
    public static Action<ScottPlot.Plot>? Diagnostic(string id, Lifetime.Diagnostics.PurchaseDiagnostics d) => id switch
    {
        ChartIds.PeriodTransactions => PdfDiagnosticCharts.PeriodTransactions(d),
        ChartIds.WeeklyRepeats => PdfDiagnosticCharts.WeeklyRepeats(d),
        ChartIds.CumulativeRepeats => PdfDiagnosticCharts.CumulativeRepeats(d),
        ChartIds.ExpectedMatrix => PdfDiagnosticCharts.ExpectedMatrix(d),
        ChartIds.AliveMatrix => PdfDiagnosticCharts.AliveMatrix(d),
        ChartIds.PurchaseRates => PdfDiagnosticCharts.PurchaseRates(d),
        ChartIds.Dropout => PdfDiagnosticCharts.Dropout(d),
        _ => null,
    };

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
        _ when r.Value?.Diagnostics is { } d && Diagnostic(id, d) is { } chart => chart,
        _ => r.Distributions.FirstOrDefault(b => ChartIds.Box(b.Feature) == id) is { } boxes ? PdfCharts.Distribution(boxes) : null,
    };
}
