using Segmentation.Formatting;
using Segmentation.Prepare;
using Segmentation.Report;
using Segmentation.Reporting;
using Segmentation.Runs;
using Segmentation.Runs.Files;
using Segmentation.Runs.Refresh;
using UglyToad.PdfPig;

namespace Segmentation.Tests.Reporting;

[Collection(ReportCollection.Name)]
[Trait(Tier.Name, Tier.Full)]
public sealed class RefreshReportTests(ReportFixture report) : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_refreshed_run_reports_what_changed_with_the_drift_figures_and_the_movements()
    {
        var september = Preparation.Run(TestPaths.RealFile("online_retail.csv.gz"), new PrepareOptions { AsOf = new DateTime(2011, 10, 1) });
        new RunFiles(_dir.File("september")).Write(SegmentationPipeline.Segment(september, SegmentationOptions.Default));
        var current = Preparation.Run(TestPaths.RealFile("online_retail.csv.gz"));
        var refresh = Refresher.Run(PreviousRunReader.Read(_dir.File("september")), current, SegmentationOptions.Default);
        var pdf = _dir.File("report.pdf");

        var rendered = SegmentPdfReport.Write(ReportBuilder.Build(refresh.Run, ReportFixture.Settings, refresh), pdf);

        using var document = PdfDocument.Open(pdf);
        var text = string.Concat(string.Concat(document.GetPages().Select(p => p.Text)).Where(c => !char.IsWhiteSpace(c)));
        string Squash(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));
        Assert.Contains(Squash("What changed since the last run"), text, StringComparison.Ordinal);
        foreach (var psi in new[] { refresh.Drift.PsiRecency, refresh.Drift.PsiFrequency, refresh.Drift.PsiMonetary, refresh.Drift.PsiSegmentShares, refresh.Drift.AdjustedRandIndex })
        {
            Assert.Contains(Display.Number(psi, 3), text, StringComparison.Ordinal);
        }
        Assert.All(refresh.Movements, m => Assert.Contains(Squash(m), text, StringComparison.Ordinal));
        Assert.True(rendered.Pages > report.Pdf.Pages - 1);
    }
}
