using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Segmentation.App;
using Segmentation.Prepare;
using Segmentation.Prepare.Sample;
using Segmentation.Tests;

namespace Segmentation.Web.Tests;

[Trait(Tier.Name, Tier.Full)]
public sealed class RunsTests
{
    [Fact]
    public async Task A_saved_run_is_in_the_history_and_a_refresh_against_it_shows_the_migration_the_library_computes()
    {
        using var folder = new TempFolder();
        var first = folder.File("january.csv");
        var second = folder.File("february.csv");
        SegmentationApp.Export(TransactionSource.Sample(SampleOptions.Default with { Customers = 400, Seed = 11 }), first);
        SegmentationApp.Export(TransactionSource.Sample(SampleOptions.Default with { Customers = 450, Seed = 12 }), second);
        await using var server = await Server.Start(new ServeOptions { RunsFolder = folder.File("runs") });
        using var client = server.NewSession();

        Assert.Equal("done", (await Server.UploadAndWait(client, first)).GetProperty("job").GetProperty("state").GetString());
        using var k3 = await client.PostAsync("/app/k/3", null);
        k3.EnsureSuccessStatusCode();
        var saved = await (await client.PostAsync("/app/runs/save", null)).Content.ReadFromJsonAsync<JsonElement>();
        var id = saved.GetProperty("id").GetInt64();
        var runFolder = Path.Combine(folder.File("runs"), saved.GetProperty("folder").GetString()!);
        Assert.True(File.Exists(Path.Combine(runFolder, "report.pdf")));
        Assert.Equal(3, SegmentationApp.LoadModel(Path.Combine(runFolder, "model.zip")).K);

        var runs = await client.GetFromJsonAsync<JsonElement>("/app/runs");
        var listed = runs.GetProperty("runs").EnumerateArray().Single();
        Assert.Equal(id, listed.GetProperty("id").GetInt64());
        Assert.Equal("january.csv", listed.GetProperty("input").GetString());
        Assert.Equal(3, listed.GetProperty("k").GetInt32());

        Assert.Equal("done", (await Server.UploadAndWait(client, second)).GetProperty("job").GetProperty("state").GetString());
        using var response = await client.PostAsync($"/app/refresh/{id}", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();

        var result = SegmentationApp.Refresh(SegmentationApp.LoadPrevious(runFolder), SegmentationApp.Prepare(TransactionSource.File(second)));
        var migration = SegmentationApp.Report(result.Run, refresh: result).Changes!.Migration;
        Assert.Equal(migration.From, page.GetProperty("migration").GetProperty("from").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(migration.To, page.GetProperty("migration").GetProperty("to").EnumerateArray().Select(e => e.GetString()));
        var counts = page.GetProperty("migration").GetProperty("counts").EnumerateArray().Select(r => r.EnumerateArray().Select(c => c.GetInt32()).ToList()).ToList();
        for (var i = 0; i < migration.From.Count; i++)
        {
            for (var j = 0; j < migration.To.Count; j++) Assert.Equal(migration.Count(migration.From[i], migration.To[j]), counts[i][j]);
        }
        Assert.NotEmpty(page.GetProperty("drift").EnumerateArray());
        Assert.False(string.IsNullOrWhiteSpace(page.GetProperty("verdict").GetString()));
    }

    [Fact]
    public async Task An_upload_over_the_limit_is_refused_naming_the_limit_and_leaves_nothing_behind()
    {
        await using var server = await Server.Start(new ServeOptions { MaxUploadBytes = 1024 * 1024 });
        using var client = server.NewSession();
        await client.GetStringAsync("/app/view");
        try
        {
            await Server.UploadAndWait(client, TestPaths.RealFile("online_retail.csv.gz"));
        }
        catch (HttpRequestException)
        {
            // The server answers before the body is sent and closes the connection; the session holds the outcome.
        }
        var view = await client.GetFromJsonAsync<JsonElement>("/app/view");
        Assert.Equal("error", view.GetProperty("job").GetProperty("state").GetString());
        Assert.Equal("the file is larger than the limit of 1 MB (serve --max-upload-mb)", view.GetProperty("job").GetProperty("error").GetString());
        Assert.Equal(1024 * 1024, view.GetProperty("maxUploadBytes").GetInt64());
        Assert.Equal(0, server.Uploads.Count);
        Assert.StartsWith("sample data", view.GetProperty("run").GetProperty("source").GetString(), StringComparison.Ordinal);
    }
}

[Trait(Tier.Name, Tier.Full)]
public sealed class ValueTests
{
    [Fact]
    public async Task Lifetime_value_is_added_on_the_page_without_refitting_the_segments_and_travels_into_the_download()
    {
        await using var server = await Server.Start();
        using var client = server.NewSession();
        var before = await client.GetFromJsonAsync<JsonElement>("/app/view");
        var k = before.GetProperty("run").GetProperty("k").GetInt32();
        using (var early = await client.GetAsync("/app/alive.png?customer=1"))
        {
            Assert.Equal(HttpStatusCode.NotFound, early.StatusCode);
            Assert.Equal("estimate lifetime value first", (await early.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        }
        using var response = await client.PostAsync("/app/value", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var view = await response.Content.ReadFromJsonAsync<JsonElement>();
        var run = view.GetProperty("run");
        Assert.Equal(k, run.GetProperty("k").GetInt32());
        Assert.Contains("purchase model (BG/NBD)", run.GetProperty("valueReading").GetString(), StringComparison.Ordinal);
        Assert.All(run.GetProperty("profiles").EnumerateArray(), p => Assert.False(string.IsNullOrEmpty(p.GetProperty("meanClv").GetString())));
        Assert.Contains("alive-by-recency", run.GetProperty("charts").EnumerateArray().Select(c => c.GetString()));
        // The at-risk list is the report's: customers of the top fifth by value with P(alive) below one half, highest value first.
        var csvRows = (await client.GetStringAsync("/app/download/customer_segments.csv")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(l => l.Split(',')).Where(f => f[^1] == "yes").Select(f => (Id: f[0], Clv: double.Parse(f[^3], System.Globalization.CultureInfo.InvariantCulture)))
            .OrderByDescending(r => r.Clv).Take(20).Select(r => r.Id).ToList();
        Assert.Equal(csvRows, run.GetProperty("atRisk").EnumerateArray().Select(r => r.GetProperty("customerId").GetString()!).ToList());
        Assert.Equal(0, server.Queue.Fits);

        var page = await client.GetFromJsonAsync<JsonElement>("/app/customers?sort=clv&desc=true&size=5");
        Assert.False(string.IsNullOrEmpty(page.GetProperty("rows")[0].GetProperty("clv").GetString()));
        Assert.Matches(@"^(\d{4}-\d\d-\d\d|unlikely)$", page.GetProperty("rows")[0].GetProperty("nextPurchase").GetString());
        // The chosen customer's P(alive) over their history: an image; an id the run does not have is not found.
        var chosen = page.GetProperty("rows")[0].GetProperty("customerId").GetString()!;
        using (var alive = await client.GetAsync("/app/alive.png?customer=" + Uri.EscapeDataString(chosen)))
        {
            Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
            Assert.Equal("image/png", alive.Content.Headers.ContentType!.MediaType);
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, (await alive.Content.ReadAsByteArrayAsync())[..4]);
        }
        using (var unknown = await client.GetAsync("/app/alive.png?customer=" + Uri.EscapeDataString("<script>x</script>")))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }
        var csv = await client.GetStringAsync("/app/download/customer_segments.csv");
        Assert.EndsWith(",PAlive,ExpectedPurchases,ExpectedNextPurchase,PPurchase30d,PPurchase60d,PPurchase90d,CLV,CLVPercentile,AtRiskOfLeaving",
            csv.Split('\n')[0], StringComparison.Ordinal);

        // Another k keeps the value.
        using var k3 = await client.PostAsync("/app/k/3", null);
        var at3 = await k3.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, at3.GetProperty("run").GetProperty("profiles").GetArrayLength());
        Assert.All(at3.GetProperty("run").GetProperty("profiles").EnumerateArray(), p => Assert.False(string.IsNullOrEmpty(p.GetProperty("meanClv").GetString())));
    }
}
