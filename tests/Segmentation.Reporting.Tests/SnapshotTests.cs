using System.Text;
using System.Text.Json;
using Segmentation.IO;
using Segmentation.Reporting;
using Segmentation.Reporting.Pdf;
using Segmentation.Runs.Files;

namespace Segmentation.Tests.Reporting;

/// <summary>
/// What people read on the UCI run, held against approved snapshots (tests/Segmentation.Reporting.Tests/Approved):
/// the report model's text as the PDF and HTML say it, and metrics.json. A change shows as a readable diff.
/// </summary>
[Collection(ReportCollection.Name)]
[Trait(Tier.Name, Tier.Full)]
public sealed class SnapshotTests(ReportFixture report)
{
    [Fact]
    public void The_report_models_text_on_the_uci_data_is_the_approved_one()
    {
        var document = SegmentPdfReport.Compose(report.Report);

        Approvals.Verify("uci-report-text", Scrub.Runtime(Text(document)));
    }

    [Fact]
    public void Metrics_json_on_the_uci_data_is_the_approved_one()
    {
        var json = JsonSerializer.Serialize(RunMetrics.From(report.Run), Json.Options);

        Approvals.Verify("uci-metrics", Scrub.Runtime(Scrub.Numbers(Scrub.Paths(json, (TestPaths.SharedData, "<data>")))));
    }

    /// <summary>The document as plain text: headings, paragraphs, figures, tables, and each chart's id and caption.</summary>
    internal static string Text(ReportDocument document)
    {
        var text = new StringBuilder();
        text.Append(document.Title).Append(" | ").Append(document.Source).Append(" | ").Append(document.RunDate).Append('\n');
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case HeadingBlock h:
                    text.Append('\n').Append(new string('#', h.Level)).Append(' ').Append(h.Text).Append('\n');
                    break;
                case ParagraphBlock p:
                    text.Append(p.Muted ? "(note) " : "").Append(p.Text).Append('\n');
                    break;
                case KeyFiguresBlock k:
                    text.Append(string.Join(" | ", k.Figures.Select(f => $"{f.Label}: {f.Value}"))).Append('\n');
                    break;
                case TableBlock t:
                    text.Append("| ").Append(string.Join(" | ", t.Columns.Select(c => c.Header))).Append(" |\n");
                    foreach (var row in t.Rows) text.Append("| ").Append(string.Join(" | ", row)).Append(" |\n");
                    break;
                case ChartBlock c:
                    text.Append("[chart ").Append(c.Id).Append("] ").Append(c.Caption).Append('\n');
                    break;
                default:
                    break;
            }
        }
        return text.ToString();
    }
}
