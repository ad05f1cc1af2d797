using Segmentation.Report;
using Segmentation.Reporting;
using Segmentation.Reporting.Html;
using Segmentation.Reporting.Pdf;
using Segmentation.Runs;

namespace Segmentation.Tests.Reporting;

/// <summary>Both reports of the real data's default run, rendered once for all the tests that read them.</summary>
public sealed class ReportFixture : IDisposable
{
    private readonly RealDataFixture _data = new();
    private readonly TempFolder _dir = new();
    private readonly Lazy<RenderedPdf> _pdf;
    private readonly Lazy<string> _html;

    public ReportFixture()
    {
        _report = new(() => ReportBuilder.Build(Run, Settings));
        _pdf = new(() => SegmentPdfReport.Write(Report, _dir.File("report.pdf")));
        _html = new(() =>
        {
            HtmlReport.Write(Report, _dir.File("report.html"));
            return _dir.File("report.html");
        });
    }

    private readonly Lazy<ReportModel> _report;

    public static ReportSettings Settings { get; } = new() { RunDate = new DateTime(2026, 11, 25) };

    public ReportModel Report => _report.Value;

    public SegmentationRun Run => _data.Run;
    /// <summary>The rendered PDF's path (rendered on first use).</summary>
    public string PdfPath
    {
        get
        {
            _ = _pdf.Value;
            return _dir.File("report.pdf");
        }
    }

    public RenderedPdf Pdf => _pdf.Value;
    public string Html => _html.Value;
    public string Folder => _dir.Path;

    public void Dispose() => _dir.Dispose();
}

[CollectionDefinition(Name)]
public sealed class ReportCollection : ICollectionFixture<ReportFixture>
{
    public const string Name = "reports";
}
