using System.Text.RegularExpressions;

namespace Segmentation.Tests.Reporting;

[Collection(ReportCollection.Name)]
[Trait(Tier.Name, Tier.Full)]
public sealed partial class HtmlReportTests(ReportFixture report)
{
    [GeneratedRegex("<(script|link)\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptOrLinkTag();

    [Fact]
    public void No_script_or_link_tag_points_at_the_network()
    {
        var html = File.ReadAllText(report.Html);
        var tags = ScriptOrLinkTag().Matches(html).Select(m => m.Value).ToList();

        Assert.NotEmpty(tags);
        Assert.All(tags, t => Assert.DoesNotMatch("(src|href)\\s*=", t));
        Assert.Contains("Plotly.newPlot", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_html_holds_the_segments_the_strategy_and_a_csv_of_every_customer()
    {
        var html = File.ReadAllText(report.Html);

        foreach (var p in report.Run.Profiles)
        {
            Assert.Contains(System.Net.WebUtility.HtmlEncode(p.Actions), html, StringComparison.Ordinal);
        }
        var csv = Regex.Match(html, "href=\"data:text/csv;charset=utf-8;base64,([^\"]+)\"").Groups[1].Value;
        var lines = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(csv)).TrimEnd('\n').Split('\n');
        Assert.Equal(Segmentation.Runs.Files.SegmentsCsv.CustomersHeader, lines[0]);
        Assert.Equal(report.Run.Customers.Count, lines.Length - 1);
    }

    [Fact]
    public async Task Its_charts_and_table_render_in_headless_chromium_without_console_errors()
    {
        await using var page = await ChromiumPage.Open(report.Html);
        var (plots, drawn) = await page.Charts();
        var rows = await page.Page.EvaluateExpressionAsync<int>("document.querySelectorAll('#customers tbody tr').length");
        await page.Page.TypeAsync("#customer-filter", report.Run.Customers[0].Rfm.CustomerId);
        var filtered = await page.Page.EvaluateExpressionAsync<int>("document.querySelectorAll('#customers tbody tr').length");

        Assert.Empty(page.Errors);
        Assert.True(plots >= 10, $"{plots} plots");
        Assert.Equal(plots, drawn);
        Assert.Equal(Math.Min(500, report.Run.Customers.Count), rows);
        Assert.InRange(filtered, 1, 5);
    }

    [Fact]
    public async Task Beyond_its_limits_a_report_draws_a_sample_and_points_to_the_customer_file_instead_of_listing()
    {
        var capped = Segmentation.Report.ReportBuilder.Build(report.Run, ReportFixture.Settings with { PlottedCustomers = 1_000, ListedCustomers = 1_000 });
        var path = Path.Combine(report.Folder, "capped.html");
        File.WriteAllText(path, Segmentation.Reporting.Html.HtmlReport.Render(capped));
        var html = File.ReadAllText(path);
        var sampled = $"A random 1,000 of the {report.Run.Customers.Count:N0} customers (each segment in proportion, seed {capped.Quality.Seed}) ";

        Assert.Equal(1_000, capped.Plotted.Count);
        Assert.DoesNotContain("customers-data", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data:text/csv", html, StringComparison.Ordinal);
        Assert.Contains("too many to list in this page: every one, with its segment, is in the customer file written with this report", html, StringComparison.Ordinal);
        Assert.Contains(sampled, html, StringComparison.Ordinal);
        // Beside plotly.js, which every page inlines, the page is less than half of the one that lists and draws everyone.
        var plotly = Segmentation.Reporting.Html.HtmlReport.PlotlyScript.Length;
        Assert.InRange(html.Length - plotly, 0, (File.ReadAllText(report.Html).Length - plotly) / 2);
        var scatter = Segmentation.Reporting.SegmentPdfReport.Compose(capped).Blocks.OfType<Segmentation.Reporting.Pdf.ChartBlock>().Single(c => c.Id == Segmentation.Reporting.Charts.ChartIds.Scatter);
        Assert.Contains(sampled, scatter.Caption, StringComparison.Ordinal);

        await using var page = await ChromiumPage.Open(path);
        var (plots, drawn) = await page.Charts();
        Assert.Empty(page.Errors);
        Assert.Equal(plots, drawn);
    }
}
