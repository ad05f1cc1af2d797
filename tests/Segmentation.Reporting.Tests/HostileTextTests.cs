using System.Globalization;
using System.Text;
using Segmentation.App;
using Segmentation.Interactive;
using Segmentation.Prepare;
using Segmentation.Reporting;
using Segmentation.Runs;

namespace Segmentation.Tests.Reporting;

/// <summary>
/// Text from the input is inert wherever it lands: script-like customer ids, countries, descriptions, stock codes,
/// invoice numbers, a column name and a file name go through a whole run, and report.html and the notebooks' HTML
/// open in Chromium without a dialog, without a script error, with every chart drawn.
/// </summary>
[Trait(Tier.Name, Tier.Full)]
public sealed class HostileTextTests : IDisposable
{
    private static readonly string[] Hostile =
    [
        "</script><img src=x onerror=alert(1)>",
        "\"><script>alert(2)</script>",
        "'-alert(3)-'",
        "\u2028alert(4)//\u2029",
        "<svg onload=alert(5)>",
        "&lt;script&gt;alert(6)&lt;/script&gt;",
        "<!--<script>alert(7)//",
        "=HYPERLINK(\"http://x\",\"y\")",
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "]]></x><iframe src=javascript:alert(8)>",
    ];

    private const string CustomerColumn = "Customer <script>alert(9)</script>";
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>60 customers with varied orders; the hostile texts in every text column and in the customer column's name.</summary>
    private string HostileFile()
    {
        var random = new Random(11);
        var csv = new StringBuilder($"InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,{Q(CustomerColumn)},Country\n");
        var invoice = 0;
        for (var c = 0; c < 60; c++)
        {
            var customer = c < Hostile.Length ? Hostile[c] : c < 2 * Hostile.Length ? Hostile[c - Hostile.Length] + c.ToString(CultureInfo.InvariantCulture) : "C" + c.ToString(CultureInfo.InvariantCulture);
            var orders = 1 + random.Next(c % 7 == 0 ? 30 : 6);
            for (var o = 0; o < orders; o++)
            {
                invoice++;
                var date = new DateTime(2011, 1, 1).AddDays(random.Next(340)).AddMinutes(random.Next(600));
                for (var line = 0; line < 1 + random.Next(3); line++)
                {
                    var text = Hostile[(invoice + line) % Hostile.Length];
                    csv.Append(Q($"{Hostile[invoice % Hostile.Length]}{invoice}")).Append(',')
                        .Append(Q(text + line)).Append(',').Append(Q(text)).Append(',')
                        .Append(1 + random.Next(20)).Append(',').Append(date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)).Append(',')
                        .Append((0.5 + random.Next(2000) / 100.0).ToString(CultureInfo.InvariantCulture)).Append(',')
                        .Append(Q(customer)).Append(',').Append(Q(Hostile[(c + 3) % Hostile.Length])).Append('\n');
                }
            }
        }
        var path = _dir.File("x\"><img src=x onerror=alert(10)>.csv");
        File.WriteAllText(path, csv.ToString());
        return path;
    }

    private static string Q(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static SegmentationOptions Options => SegmentationOptions.Default with
    {
        Prepare = PrepareOptions.Default with { Ingest = Segmentation.Prepare.Sources.IngestOptions.Default with { Mapping = Segmentation.Prepare.Sources.ColumnMapping.OnlineRetail with { Customer = CustomerColumn } } },
        Clustering = SegmentationOptions.Default.Clustering with { KMax = 6 },
    };

    [Fact]
    public async Task Hostile_input_text_is_inert_in_the_html_report()
    {
        var outcome = SegmentationApp.Run(new RunRequest(TransactionSource.File(HostileFile())) { Options = Options, Publish = new PublishOptions { Folder = _dir.File("run"), RecordHistory = false } }, ReportRenderer.Instance);
        var html = _dir.File("run/report.html");
        var text = File.ReadAllText(html);

        Assert.Equal(60, outcome.Run.Rfm.Count);
        Assert.Contains(outcome.Run.Customers, c => c.Rfm.CustomerId == Hostile[0]);
        foreach (var raw in new[] { "<img src=x", "<script>alert", "<svg onload", "<iframe", "\u2028" }) Assert.DoesNotContain(raw, text, StringComparison.Ordinal);

        await using var page = await ChromiumPage.Open(html);
        var (plots, drawn) = await page.Charts();
        await page.Page.TypeAsync("#customer-filter", "script");
        var filtered = await page.Page.EvaluateExpressionAsync<int>("document.querySelectorAll('#customers tbody tr').length");
        var cell = await page.Page.EvaluateExpressionAsync<string>("document.querySelector('#customers tbody td').textContent");

        Assert.Empty(page.Dialogs);
        Assert.Empty(page.Errors);
        Assert.True(plots >= 10, $"{plots} plots");
        Assert.Equal(plots, drawn);
        Assert.InRange(filtered, 2, 60);
        Assert.Contains("script", cell, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_customer_ids_are_written_so_that_a_spreadsheet_does_not_run_them_and_read_back_unchanged()
    {
        var source = TransactionSource.File(HostileFile());
        SegmentationApp.Run(new RunRequest(source) { Options = Options, Publish = new PublishOptions { Folder = _dir.File("run"), Reports = false, RecordHistory = false } });

        var lines = File.ReadAllLines(_dir.File("run/customer_segments.csv"));
        Assert.Contains(lines, l => l.StartsWith("\"'=HYPERLINK(", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("'@SUM(", StringComparison.Ordinal) || l.StartsWith("\"'@SUM(", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith('=') || l.StartsWith("\"=", StringComparison.Ordinal) || l.StartsWith('@') || l.StartsWith("\"@", StringComparison.Ordinal));

        // Read back by a refresh: every customer is found again under its own id (no one new, no one lapsed).
        var refresh = SegmentationApp.Refresh(new RefreshRequest(source, _dir.File("run")) { Options = Options, Publish = new PublishOptions { Folder = _dir.File("again"), Reports = false, RecordHistory = false } });
        Assert.DoesNotContain(refresh.Result.Migration.Cells, c => c.From == Segmentation.Clustering.Segments.SegmentMigration.New || c.To == Segmentation.Clustering.Segments.SegmentMigration.Lapsed);
    }

    [Fact]
    public async Task Hostile_input_text_is_inert_in_the_notebooks_html_output()
    {
        var run = SegmentationApp.Segment(TransactionSource.File(HostileFile()), Options);
        var report = SegmentationApp.Report(run);
        var page = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>");
        // What the notebooks' formatters (notebooks/setup.csx) write for a DataFrame and a chart.
        page.Append(NotebookHtml.Table(Frames.Customers(report.Customers), maxRows: 60));
        page.Append(NotebookHtml.Table(Frames.Rfm(run.Rfm), maxRows: 60));
        page.Append(NotebookHtml.Chart(NotebookCharts.Rfm3D(report).Chart));
        page.Append(NotebookHtml.Chart(NotebookCharts.Box(report, "Monetary").Chart));
        page.Append("</body></html>");
        var path = _dir.File("notebook.html");
        File.WriteAllText(path, page.ToString());

        await using var chromium = await ChromiumPage.Open(path);
        var (plots, drawn) = await chromium.Charts();
        var cells = await chromium.Page.EvaluateExpressionAsync<string[]>("Array.from(document.querySelectorAll('td')).map(t => t.textContent)");

        Assert.Empty(chromium.Dialogs);
        Assert.Empty(chromium.Errors);
        Assert.Equal(2, plots);
        Assert.Equal(plots, drawn);
        Assert.Contains(Hostile[0], cells);
    }
}
