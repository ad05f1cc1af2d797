using CliRunner = Segmentation.Cli.Tests.Cli;

using System.Globalization;
using System.IO.Compression;
using System.Text;
using Segmentation.Tests;

namespace Segmentation.Web.Tests;

/// <summary>The dashboard in a real headless Chromium against the app on a free loopback port.</summary>
[Trait(Tier.Name, Tier.Full)]
public sealed class DashboardTests
{
    private static readonly string Uci = TestPaths.RealFile("online_retail.csv.gz");

    [Fact]
    public async Task Uploading_the_UCI_file_shows_its_customers_and_sweep_and_the_slider_switches_k_without_a_refit()
    {
        await using var server = await Server.Start();
        await using var page = await Dashboard.Open(server);
        Assert.StartsWith("sample data", await page.Text("#source"), StringComparison.Ordinal);

        await page.Upload(Uci);
        await page.WaitForOutcome("online_retail.csv.gz");
        Assert.False(await page.Visible("#error"), await page.Text("#error"));
        Assert.StartsWith("online_retail.csv.gz: 4,338 customers", await page.Text("#source"), StringComparison.Ordinal);
        Assert.Contains("4,338", await page.Text("#quality"), StringComparison.Ordinal);
        Assert.Equal(9, await page.Rows("#sweep"));
        Assert.StartsWith("The cluster segment (ClusterSegment in customer_segments.csv) and the RFM score segment (ScoreSegment) use the same names and agree for 36.8% of customers",
            await page.Text("#labels-note"), StringComparison.Ordinal);
        var fits = server.Queue.Fits;
        Assert.Equal(1, fits);

        // Move the slider as a person does, with the keyboard, to k = 5.
        var k = int.Parse(await page.Text("#k-value"), CultureInfo.InvariantCulture);
        await page.Page.FocusAsync("#k-slider");
        for (; k != 5; k += k < 5 ? 1 : -1) await page.Page.Keyboard.PressAsync(k < 5 ? "ArrowRight" : "ArrowLeft");
        await page.Page.WaitForFunctionAsync("() => document.querySelectorAll('#profiles tr').length === 6");
        Assert.Equal("5", await page.Text("#k-value"));
        Assert.Equal(5, await page.Rows("#profiles"));
        Assert.Equal("5", await page.Page.EvaluateExpressionAsync<string>("document.querySelector('#sweep tr.shown td').textContent"));
        Assert.Equal(fits, server.Queue.Fits);

        using var cli = new TempFolder();
        var run = CliRunner.Run("run", "--input", Uci, "--k", "5", "--out", cli.File("run"), "--no-report", "--no-history");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(File.ReadAllBytes(cli.File("run/customer_segments.csv")), await page.Download("dl-csv"));
        Assert.StartsWith("%PDF", Encoding.ASCII.GetString(await page.Download("dl-pdf"), 0, 4), StringComparison.Ordinal);
        Assert.Contains("<html", Encoding.UTF8.GetString(await page.Download("dl-html")), StringComparison.Ordinal);
        Assert.Equal(0, server.Uploads.Count);
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task A_bad_file_shows_the_CLIs_one_line_message_and_leaves_the_segments_on_screen_as_they_were()
    {
        using var folder = new TempFolder();
        var lines = ReadLines(Uci).Take(2000).ToList();
        var fields = lines[1233].Split(',');
        fields[5] = "12,5€".Replace(",", ";", StringComparison.Ordinal);
        lines[1233] = string.Join(',', fields);
        var bad = folder.Write("bad_prices.csv", string.Join('\n', lines) + "\n");

        var cli = CliRunner.Run("run", "--input", bad, "--out", folder.File("run"), "--no-report", "--no-history");
        Assert.Equal(2, cli.ExitCode);
        var expected = cli.Error.Trim().Replace(bad, "bad_prices.csv", StringComparison.Ordinal);
        Assert.Contains("row 1234, column 'UnitPrice'", expected, StringComparison.Ordinal);

        await using var server = await Server.Start();
        await using var page = await Dashboard.Open(server);
        var before = await page.Text("#source");
        await page.Upload(bad);
        await page.WaitForOutcome("bad_prices.csv");
        Assert.True(await page.Visible("#error"));
        Assert.Equal(expected, "error: " + await page.Text("#error"));
        Assert.Equal(before, await page.Text("#source"));
        Assert.Equal(0, server.Uploads.Count);
    }

    [Fact]
    public async Task The_lifetime_value_button_adds_value_columns_and_its_reading_to_the_page()
    {
        await using var server = await Server.Start();
        await using var page = await Dashboard.Open(server);
        await page.Page.ClickAsync("#value");
        await page.Page.WaitForFunctionAsync("() => !document.querySelector('#value-reading').hidden");
        Assert.Contains("purchase model (BG/NBD)", await page.Text("#value-reading"), StringComparison.Ordinal);
        Assert.Contains("Mean CLV", await page.Text("#profiles"), StringComparison.Ordinal);
        await page.Page.WaitForFunctionAsync("() => document.querySelector('#customer-table').textContent.includes('P(alive)')");
        Assert.False(await page.Visible("#value"));
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task A_file_over_the_upload_limit_is_refused_in_the_page_before_it_is_sent()
    {
        await using var server = await Server.Start(new ServeOptions { MaxUploadBytes = 1024 * 1024 });
        await using var page = await Dashboard.Open(server);
        await page.Upload(Uci);
        await page.WaitForOutcome("online_retail.csv.gz");
        Assert.Equal("online_retail.csv.gz: the file is larger than the limit of 1 MB (serve --max-upload-mb)", await page.Text("#error"));
        Assert.Equal(0, server.Queue.Fits);
    }

    [Fact]
    public async Task A_file_with_unknown_headers_is_mapped_on_the_page_and_gives_the_oracles_RFM()
    {
        using var folder = new TempFolder();
        var renamed = folder.File("kunden_export.csv.gz");
        using (var gz = new StreamWriter(new GZipStream(File.Create(renamed), CompressionLevel.Fastest)))
        {
            var first = true;
            foreach (var line in ReadLines(Uci))
            {
                gz.Write(first ? "F1,F2,F3,F4,F5,F6,F7,F8" : line);
                gz.Write('\n');
                first = false;
            }
        }

        await using var server = await Server.Start();
        await using var page = await Dashboard.Open(server);
        await page.Upload(renamed);
        await page.WaitForOutcome("kunden_export.csv.gz");
        Assert.True(await page.Visible("#mapping"));
        var error = await page.Text("#error");
        Assert.True(error.StartsWith("kunden_export.csv.gz, row 1: cannot find the columns for customer", StringComparison.Ordinal), error);
        foreach (var (role, column) in new[] { ("customer", "F7"), ("date", "F5"), ("invoice", "F1"), ("quantity", "F4"), ("unitPrice", "F6"),
                     ("country", "F8"), ("description", "F3"), ("stockCode", "F2") })
        {
            await page.Page.SelectAsync("#map-" + role, column);
        }
        await page.Page.ClickAsync("#map-run");
        await page.Page.WaitForFunctionAsync("() => document.querySelector('#source').textContent.startsWith('kunden_export.csv.gz:') || !document.querySelector('#error').hidden && document.querySelector('#mapping').hidden",
            new PuppeteerSharp.WaitForFunctionOptions { Timeout = 300_000, PollingInterval = 200 });
        Assert.StartsWith("kunden_export.csv.gz: 4,338 customers", await page.Text("#source"), StringComparison.Ordinal);

        var rows = UciRunFixture.ReadSegments(Encoding.UTF8.GetString(await page.Download("dl-csv"))).ToDictionary(r => r.CustomerId);
        var oracle = File.ReadAllLines(TestPaths.RealFile("online_retail_rfm_reference.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(oracle.Count, rows.Count);
        foreach (var o in oracle)
        {
            var row = rows[o[0]];
            Assert.Equal(int.Parse(o[1], CultureInfo.InvariantCulture), row.Recency);
            Assert.Equal(int.Parse(o[3], CultureInfo.InvariantCulture), row.Frequency);
            // The oracle rounds spend to cents.
            Assert.InRange(row.Monetary - decimal.Parse(o[4], CultureInfo.InvariantCulture), -0.01m, 0.01m);
        }
        Assert.Equal(0, server.Uploads.Count);
    }

    [Fact]
    public async Task The_mapping_form_comes_filled_with_the_columns_found_by_name_and_the_closest_headers_for_the_rest()
    {
        using var folder = new TempFolder();
        var lines = new List<string> { "cust nr,ref_x,sale_dt,qty,price,country" };
        for (var c = 0; c < 200; c++)
        {
            for (var o = 0; o <= c % 4; o++) lines.Add($"K{c},{c * 10 + o},2011-{1 + (c + 3 * o) % 12:00}-{1 + c % 27:00} 10:00,{1 + o},{1.5 + c % 9},UK");
        }
        var path = folder.Write("shop.csv", string.Join("\n", lines) + "\n");

        await using var server = await Server.Start();
        await using var page = await Dashboard.Open(server);
        await page.Upload(path);
        await page.WaitForOutcome("shop.csv");
        Assert.True(await page.Visible("#mapping"));
        async Task<string> Value(string role) => await page.Page.EvaluateFunctionAsync<string>("r => document.getElementById('map-' + r).value", role);
        Assert.Equal(("cust nr", "sale_dt", "qty", "price", "country", ""), (await Value("customer"), await Value("date"), await Value("quantity"), await Value("unitPrice"), await Value("country"), await Value("invoice")));
        await page.Page.SelectAsync("#map-invoice", "ref_x");
        await page.Page.ClickAsync("#map-run");
        await page.Page.WaitForFunctionAsync("() => document.querySelector('#source').textContent.startsWith('shop.csv:')",
            new PuppeteerSharp.WaitForFunctionOptions { Timeout = 120_000, PollingInterval = 200 });
        Assert.StartsWith("shop.csv: 200 customers", await page.Text("#source"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hostile_ids_countries_descriptions_column_and_file_names_stay_text_on_the_page()
    {
        using var folder = new TempFolder();
        const string hostileId = "<img src=x onerror=\"window.__pwned=1;alert(1)\">";
        const string hostileCountry = "</td><script>window.__pwned=2;alert(2)</script>";
        var header = "\"<b onmouseover=alert(3)>Beleg</b>\",StockCode,Description,Quantity,InvoiceDate,UnitPrice,\"<svg onload=alert(4)>Kunde\",Country";
        var rng = new Random(7);
        var csv = new StringBuilder(header).Append('\n');
        for (var c = 0; c < 60; c++)
        {
            var id = c == 0 ? hostileId : c == 1 ? "\"\"><iframe src=javascript:alert(5)>" : (20000 + c).ToString(CultureInfo.InvariantCulture);
            var country = c % 3 == 0 ? hostileCountry : "United Kingdom";
            for (var o = 0; o <= c % 7; o++)
            {
                var day = 1 + rng.Next(300);
                var date = new DateTime(2011, 1, 1).AddDays(day).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
                csv.Append(CultureInfo.InvariantCulture, $"{c * 100 + o},A1,\"<script>alert(6)</script>\",{1 + rng.Next(20)},{date},{(1 + rng.Next(500)) / 10.0},\"{id.Replace("\"", "\"\"", StringComparison.Ordinal)}\",\"{country}\"\n");
            }
        }
        var file = folder.Write("<img src=x onerror=alert(7)>.csv", csv.ToString());

        await using var server = await Server.Start(new ServeOptions { RunsFolder = folder.File("runs") });
        await using var page = await Dashboard.Open(server);
        await page.Upload(file);
        await page.WaitForOutcome("<img src=x onerror=alert(7)>.csv");
        Assert.True(await page.Visible("#mapping"));
        var options = await page.Page.EvaluateExpressionAsync<string[]>("Array.from(document.querySelectorAll('#map-customer option')).map(o => o.textContent)");
        Assert.Contains("<svg onload=alert(4)>Kunde", options);
        await page.Page.SelectAsync("#map-customer", "<svg onload=alert(4)>Kunde");
        await page.Page.SelectAsync("#map-invoice", "<b onmouseover=alert(3)>Beleg</b>");
        await page.Page.SelectAsync("#map-date", "InvoiceDate");
        await page.Page.SelectAsync("#map-quantity", "Quantity");
        await page.Page.SelectAsync("#map-unitPrice", "UnitPrice");
        await page.Page.SelectAsync("#map-country", "Country");
        await page.Page.SelectAsync("#map-description", "Description");
        await page.Page.ClickAsync("#map-run");
        await page.Page.WaitForFunctionAsync("() => document.querySelector('#source').textContent.startsWith('<img src=x onerror=alert(7)>.csv:')",
            new PuppeteerSharp.WaitForFunctionOptions { Timeout = 120_000, PollingInterval = 200 });

        await page.Page.TypeAsync("#search", "<img");
        await page.Page.WaitForFunctionAsync("() => document.querySelectorAll('#customer-table tr').length === 2");
        Assert.Equal(hostileId, await page.Page.EvaluateExpressionAsync<string>("document.querySelector('#customer-table tr:nth-child(2) td').textContent"));
        Assert.Equal(hostileCountry, await page.Page.EvaluateExpressionAsync<string>("document.querySelector('#customer-table tr:nth-child(2) td:nth-child(6)').textContent"));
        await page.Page.ClickAsync("#save");
        await page.Page.WaitForFunctionAsync("() => document.querySelectorAll('#runs-table tr').length >= 2");
        Assert.Contains("<img src=x onerror=alert(7)>.csv", await page.Text("#runs-table"), StringComparison.Ordinal);

        Assert.Empty(page.Dialogs);
        Assert.Empty(page.Errors);
        Assert.Null(await page.Page.EvaluateExpressionAsync<int?>("window.__pwned"));
        Assert.Equal(0, await page.Page.EvaluateExpressionAsync<int>("document.querySelectorAll('main img[src=\"x\"], main iframe, main svg, main b, main script').length"));
    }

    private static IEnumerable<string> ReadLines(string gz)
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead(gz), CompressionMode.Decompress));
        while (reader.ReadLine() is { } line) yield return line;
    }
}
