using System.Net;
using System.Text;
using System.Text.Json;
using Segmentation.Formatting;
using Segmentation.IO;
using Segmentation.App;
using Segmentation.Report;
using Segmentation.Reporting.Charts;
using Segmentation.Reporting.Pdf;

namespace Segmentation.Reporting.Html;

/// <summary>
/// The interactive report: the PDF's content (the same <see cref="ReportDocument"/>) as one self-contained
/// HTML file, with Plotly.NET charts in place of the ScottPlot ones, a 3D RFM view, a sortable and
/// filterable customer table and the labelled customers as a CSV download. plotly.js is inlined: the file
/// opens with no network. Every text from the input is escaped: HTML-encoded in the page, \u-escaped in the
/// JSON of the script blocks (see <see cref="ChartHtml"/>).
/// </summary>
public static class HtmlReport
{
    public static void Write(ReportModel report, string path) => AtomicFile.WriteText(path, w => w.Write(Render(report)));

    public static string Render(ReportModel report)
    {
        var doc = SegmentPdfReport.Compose(report);
        var charts = 0;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E(doc.Title)).Append("</title>\n<style>").Append(Style).Append("</style>\n")
            .Append("<script>").Append(PlotlyJs.Value).Append("</script>\n</head>\n<body>\n")
            .Append("<header><h1>").Append(E(doc.Title)).Append("</h1><p>").Append(E(doc.Source)).Append(" &middot; ").Append(E(doc.RunDate)).Append("</p></header>\n");

        var sections = doc.Blocks.OfType<HeadingBlock>().Where(h => h.Level == 1).Select(h => h.Text).Append("Explore the customers").ToList();
        html.Append("<nav>").AppendJoin(" ", sections.Select(s => $"<a href=\"#{Anchor(s)}\">{E(s)}</a>")).Append("</nav>\n<main>\n");
        foreach (var block in doc.Blocks) Append(html, block, report, ref charts);
        Explore(html, report, ref charts);
        html.Append("</main>\n");
        if (report.ListsCustomers) html.Append("<script>").Append(TableScript).Append("</script>\n");
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void Append(StringBuilder html, Block block, ReportModel report, ref int charts)
    {
        switch (block)
        {
            case HeadingBlock { Level: 1 } h:
                html.Append("<h2 id=\"").Append(Anchor(h.Text)).Append("\">").Append(E(h.Text)).Append("</h2>\n");
                break;
            case HeadingBlock h:
                html.Append("<h3>").Append(E(h.Text)).Append("</h3>\n");
                break;
            case ParagraphBlock p:
                html.Append(p.Muted ? "<p class=\"note\">" : "<p>").Append(E(p.Text)).Append("</p>\n");
                break;
            case KeyFiguresBlock k:
                html.Append("<div class=\"tiles\">");
                foreach (var f in k.Figures) html.Append("<div class=\"tile\"><span>").Append(E(f.Label)).Append("</span><b>").Append(E(f.Value)).Append("</b></div>");
                html.Append("</div>\n");
                break;
            case TableBlock t:
                html.Append("<table><thead><tr>");
                foreach (var c in t.Columns) html.Append(c.Align == Align.Right ? "<th class=\"num\">" : "<th>").Append(E(c.Header)).Append("</th>");
                html.Append("</tr></thead><tbody>");
                for (var r = 0; r < t.Rows.Count; r++)
                {
                    html.Append(r == t.BoldRow ? "<tr class=\"bold\">" : "<tr>");
                    for (var c = 0; c < t.Columns.Count; c++)
                    {
                        html.Append(t.Columns[c].Align == Align.Right ? "<td class=\"num\">" : "<td>").Append(E(t.Rows[r][c])).Append("</td>");
                    }
                    html.Append("</tr>");
                }
                html.Append("</tbody></table>\n");
                break;
            case ChartBlock c when HtmlCharts.For(c.Id, report) is { } chart:
                html.Append("<figure>").Append(ChartHtml.Fragment(chart, $"chart-{++charts}")).Append("<figcaption>").Append(E(c.Caption)).Append("</figcaption></figure>\n");
                break;
            default:
                break;
        }
    }

    private static void Explore(StringBuilder html, ReportModel report, ref int charts)
    {
        html.Append("<h2 id=\"").Append(Anchor("Explore the customers")).Append("\">Explore the customers</h2>\n");
        html.Append("<figure>").Append(ChartHtml.Fragment(HtmlCharts.Rfm3D(report), $"chart-{++charts}"))
            .Append("<figcaption>").Append(E(report.PlottedWho))
            .Append(" in RFM space: recency (days), log10 orders, log10 spend. Drag to turn; click a segment in the legend to hide it.</figcaption></figure>\n");

        if (!report.ListsCustomers)
        {
            html.Append("<p class=\"note\">").Append(Display.Count(report.Customers.Count))
                .Append(" customers are too many to list in this page: every one, with its segment, is in the customer file written with this report (customer_segments.csv).</p>\n");
            return;
        }
        var dataUri = "data:text/csv;charset=utf-8;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(SegmentationApp.CustomersCsv(report.Customers)));
        html.Append("<p><a class=\"download\" download=\"customer_segments.csv\" href=\"").Append(dataUri).Append("\">Download the labelled customers (customer_segments.csv, ")
            .Append(Display.Count(report.Customers.Count)).Append(" rows)</a></p>\n");

        var rows = report.Customers.Select(c => new object[]
        {
            c.Rfm.CustomerId, c.Rfm.Recency, c.Rfm.Frequency, Math.Round((double)c.Rfm.Monetary, 2), c.Score.Code, c.Score.Segment, c.Segment,
        });
        html.Append("<div class=\"filters\"><input id=\"customer-filter\" type=\"search\" placeholder=\"Filter: customer ID, segment...\">")
            .Append("<select id=\"segment-filter\"><option value=\"\">All segments</option>");
        foreach (var p in report.Profiles) html.Append("<option>").Append(E(p.Segment)).Append("</option>");
        html.Append("</select> <span id=\"customer-count\"></span></div>\n")
            .Append("<table id=\"customers\"><thead><tr>")
            .Append("<th data-col=\"0\">Customer</th><th class=\"num\" data-col=\"1\">Recency</th><th class=\"num\" data-col=\"2\">Frequency</th><th class=\"num\" data-col=\"3\">Monetary</th>")
            .Append("<th data-col=\"4\">RFM code</th><th data-col=\"5\">Score segment</th><th data-col=\"6\">Segment</th></tr></thead><tbody></tbody></table>\n")
            .Append("<script type=\"application/json\" id=\"customers-data\">").Append(ChartHtml.ScriptSafe(JsonSerializer.Serialize(rows))).Append("</script>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Anchor(string heading) =>
        new(heading.ToLowerInvariant().Select(ch => char.IsAsciiLetterOrDigit(ch) ? ch : '-').ToArray());

    /// <summary>plotly.js as Plotly.NET ships it (an embedded resource), safe to inline in a script element.</summary>
    public static string PlotlyScript => PlotlyJs.Value;

    private static readonly Lazy<string> PlotlyJs = new(() =>
    {
        var assembly = typeof(Plotly.NET.GenericChart).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith(".min.js", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase);
    });

    private const string Style = """
        body{font-family:Lato,"Segoe UI",Helvetica,Arial,sans-serif;color:#222b36;margin:0;background:#fff}
        header{background:#1f5f99;color:#fff;padding:16px 32px}header h1{margin:0;font-size:24px}header p{margin:4px 0 0;opacity:.85}
        nav{position:sticky;top:0;background:#f3f6fa;padding:8px 32px;border-bottom:1px solid #d5dae0;z-index:10}
        nav a{margin-right:14px;color:#1f5f99;text-decoration:none;font-size:14px}
        main{max-width:980px;margin:0 auto;padding:8px 32px 64px}
        h2{color:#1f5f99;border-bottom:1px solid #d5dae0;padding-bottom:4px;margin-top:40px}
        .note{color:#6b7580;font-size:13px}
        .tiles{display:flex;gap:10px;margin:10px 0}.tile{flex:1;background:#f3f6fa;border-radius:4px;padding:8px 10px}
        .tile span{display:block;color:#6b7580;font-size:12px}.tile b{font-size:20px}
        table{border-collapse:collapse;width:100%;font-size:13px;margin:8px 0 16px}
        th{background:#e8eef5;text-align:left;padding:5px}td{padding:4px 5px;border-bottom:1px solid #d5dae0;vertical-align:top}
        .num{text-align:right}tr.bold td{font-weight:bold}
        figure{margin:12px 0}figcaption{color:#6b7580;font-size:12px}
        #customers th{cursor:pointer}.filters{margin:8px 0}.filters input{width:280px;padding:4px}
        a.download{display:inline-block;background:#1f5f99;color:#fff;padding:6px 12px;border-radius:4px;text-decoration:none}
        """;

    private const string TableScript = """
        (function () {
          var data = JSON.parse(document.getElementById('customers-data').textContent);
          var body = document.querySelector('#customers tbody');
          var filter = document.getElementById('customer-filter');
          var segment = document.getElementById('segment-filter');
          var count = document.getElementById('customer-count');
          var sortCol = 0, sortDir = 1, limit = 500;
          function render() {
            var q = filter.value.toLowerCase(), s = segment.value;
            var rows = data.filter(function (r) {
              return (!s || r[6] === s) && (!q || r.some(function (v) { return String(v).toLowerCase().indexOf(q) >= 0; }));
            });
            rows.sort(function (a, b) { return (a[sortCol] < b[sortCol] ? -1 : a[sortCol] > b[sortCol] ? 1 : 0) * sortDir; });
            count.textContent = rows.length + ' of ' + data.length + ' customers' + (rows.length > limit ? ' (first ' + limit + ' shown)' : '');
            body.innerHTML = rows.slice(0, limit).map(function (r) {
              return '<tr>' + r.map(function (v, i) { return '<td' + (i >= 1 && i <= 3 ? ' class="num"' : '') + '>' + String(v).replace(/&/g, '&amp;').replace(/</g, '&lt;') + '</td>'; }).join('') + '</tr>';
            }).join('');
          }
          document.querySelectorAll('#customers th').forEach(function (th) {
            th.addEventListener('click', function () {
              var c = +th.dataset.col; sortDir = c === sortCol ? -sortDir : 1; sortCol = c; render();
            });
          });
          filter.addEventListener('input', render);
          segment.addEventListener('change', render);
          render();
        })();
        """;
}
