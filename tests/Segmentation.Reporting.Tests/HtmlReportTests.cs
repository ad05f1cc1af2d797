using System.Text.RegularExpressions;
using PuppeteerSharp;

namespace Segmentation.Tests.Reporting;

[Collection(ReportCollection.Name)]
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
        Assert.Equal(Segmentation.Output.SegmentsCsv.CustomersHeader, lines[0]);
        Assert.Equal(report.Run.Customers.Count, lines.Length - 1);
    }

    [Fact]
    public async Task Its_charts_and_table_render_in_headless_chromium_without_console_errors()
    {
        var errors = new List<string>();
        await using var browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            Headless = true,
            ExecutablePath = Chromium(),
            // As root Chromium needs --no-sandbox; the rest keep it from reaching for the network it does not have.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--enable-unsafe-swiftshader"],
        });
        await using var page = await browser.NewPageAsync();
        page.Console += (_, e) => { if (e.Message.Type == ConsoleType.Error) errors.Add(e.Message.Text); };
        page.PageError += (_, e) => errors.Add(e.Message);

        await page.GoToAsync(new Uri(report.Html).AbsoluteUri, WaitUntilNavigation.Load);
        var plots = await page.EvaluateExpressionAsync<int>("document.querySelectorAll('.js-plotly-plot').length");
        var drawn = await page.EvaluateExpressionAsync<int>("document.querySelectorAll('.js-plotly-plot .main-svg').length > 0 ? document.querySelectorAll('.js-plotly-plot').length : 0");
        var rows = await page.EvaluateExpressionAsync<int>("document.querySelectorAll('#customers tbody tr').length");
        await page.TypeAsync("#customer-filter", report.Run.Customers[0].Rfm.CustomerId);
        var filtered = await page.EvaluateExpressionAsync<int>("document.querySelectorAll('#customers tbody tr').length");

        Assert.Empty(errors);
        Assert.True(plots >= 10, $"{plots} plots");
        Assert.Equal(plots, drawn);
        Assert.Equal(Math.Min(500, report.Run.Customers.Count), rows);
        Assert.InRange(filtered, 1, 5);
    }

    private static string Chromium() =>
        new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("Chromium is not installed (apt-get install chromium).");
}
