using System.Diagnostics;
using Segmentation.App;
using Segmentation.Report;
using Segmentation.Reporting.Html;

namespace Segmentation.Reporting;

/// <summary>The renderer every door hands the application layer: report.pdf and report.html from one report model.</summary>
public sealed class ReportRenderer : IReportRenderer
{
    public const string PdfFile = "report.pdf";
    public const string HtmlFile = "report.html";

    public static ReportRenderer Instance { get; } = new();

    public IReadOnlyList<RenderedReport> Render(ReportModel report, string folder)
    {
        var clock = Stopwatch.StartNew();
        var pdf = Path.Combine(folder, PdfFile);
        SegmentPdfReport.Write(report, pdf);
        var pdfTime = clock.Elapsed;
        clock.Restart();
        var html = Path.Combine(folder, HtmlFile);
        HtmlReport.Write(report, html);
        return [new RenderedReport(pdf, pdfTime), new RenderedReport(html, clock.Elapsed)];
    }
}
