using Segmentation.Pipeline;
using Segmentation.Reporting;
using Segmentation.Reporting.Html;
using Segmentation.Reporting.Pdf;

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
        _pdf = new(() => SegmentPdfReport.Write(Run, _dir.File("report.pdf"), Options));
        _html = new(() =>
        {
            HtmlReport.Write(Run, _dir.File("report.html"), Options);
            return _dir.File("report.html");
        });
    }

    public static ReportOptions Options { get; } = new() { RunDate = new DateTime(2026, 11, 25) };

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
