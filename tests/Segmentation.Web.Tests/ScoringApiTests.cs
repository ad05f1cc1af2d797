using CliRunner = Segmentation.Cli.Tests.Cli;

using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Segmentation.App;
using Segmentation.Tests;

namespace Segmentation.Web.Tests;

[Trait(Tier.Name, Tier.Full)]
public sealed class ScoringApiTests(UciRunFixture uci) : IClassFixture<UciRunFixture>
{
    [Fact]
    public async Task Scoring_the_UCI_customers_by_their_RFM_gives_the_segments_the_CLI_score_gives()
    {
        await using var server = await Server.Start(new ServeOptions { RunFolder = uci.RunFolder });
        var body = new { customers = uci.Rows.Select(r => new { customerId = r.CustomerId, recency = r.Recency, frequency = r.Frequency, monetary = r.Monetary }) };
        using var response = await server.Client.PostAsJsonAsync("/api/score", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        var scored = answer.GetProperty("customers").EnumerateArray().ToList();
        Assert.Equal(4338, scored.Count);
        for (var i = 0; i < scored.Count; i++)
        {
            Assert.Equal(uci.Rows[i].CustomerId, scored[i].GetProperty("customerId").GetString());
            Assert.Equal(uci.Rows[i].Segment, scored[i].GetProperty("segment").GetString());
            Assert.Equal(uci.Rows[i].Cluster, scored[i].GetProperty("cluster").GetInt32());
        }
        // The model's own customers: no feature has moved, so nothing to warn of.
        Assert.Equal(["Recency", "Frequency", "Monetary"], answer.GetProperty("drift").EnumerateArray().Select(d => d.GetProperty("feature").GetString()));
        Assert.All(answer.GetProperty("drift").EnumerateArray(), d => Assert.Equal(0, d.GetProperty("psi").GetDouble(), 9));
        Assert.False(answer.TryGetProperty("warnings", out _));
    }

    [Fact]
    public async Task Customers_far_more_recent_than_the_models_get_their_segments_and_a_drift_warning()
    {
        await using var server = await Server.Start(new ServeOptions { RunFolder = uci.RunFolder });
        var body = new { customers = uci.Rows.Take(500).Select(r => new { customerId = r.CustomerId, recency = r.Recency % 20, frequency = r.Frequency, monetary = r.Monetary }) };
        using var response = await server.Client.PostAsJsonAsync("/api/score", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(500, answer.GetProperty("customers").GetArrayLength());
        Assert.True(answer.GetProperty("drift")[0].GetProperty("psi").GetDouble() > 0.25);
        Assert.StartsWith("these customers differ from the model's: Recency PSI ", answer.GetProperty("warnings")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scoring_the_UCI_transactions_file_gives_the_segments_the_CLI_score_gives_and_deletes_the_upload()
    {
        await using var server = await Server.Start(new ServeOptions { RunFolder = uci.RunFolder });
        using var form = new MultipartFormDataContent { { new StreamContent(File.OpenRead(uci.Input)), "file", "online_retail.csv.gz" } };
        using var response = await server.Client.PostAsync("/api/score/transactions", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        var scored = answer.GetProperty("customers").EnumerateArray()
            .Select(c => (c.GetProperty("customerId").GetString(), c.GetProperty("segment").GetString())).ToList();
        Assert.Equal(uci.Rows.Select(r => ((string?)r.CustomerId, (string?)r.Segment)).ToList(), scored);
        Assert.Equal(0, server.Uploads.Count);
        Assert.StartsWith("RFM over 374 days (2010-12-01 to 2011-12-10)", answer.GetProperty("window").GetString(), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> MalformedBodies => new()
    {
        { "application/json", "this is not JSON", "body" },
        { "application/json", "", "body" },
        { "application/json", "[]", "body" },
        { "application/json", "{}", "customers" },
        { "application/json", """{"customers": []}""", "customers" },
        { "application/json", """{"customers": [{"customerId": "1", "recency": 2, "frequency": 7, "monetary": 1}, {"customerId": "2", "recency": 2, "frequency": 7}]}""", "customers[1].monetary" },
        { "application/json", """{"customers": [{"recency": 2, "frequency": 7, "monetary": 1}]}""", "customers[0].customerId" },
        { "application/json", """{"customers": [{"customerId": 12347, "recency": 2, "frequency": 7, "monetary": 1}]}""", "customers[0].customerId" },
        { "application/json", """{"customers": [{"customerId": "1", "recency": -1, "frequency": 7, "monetary": 1}]}""", "customers[0].recency" },
        { "application/json", """{"customers": [{"customerId": "1", "recency": 2, "frequency": 0, "monetary": 1}]}""", "customers[0].frequency" },
        { "application/json", """{"customers": [{"customerId": "1", "recency": 2, "frequency": 7, "monetary": 1}, {"customerId": "1", "recency": 2, "frequency": 7, "monetary": 1}, {"customerId": "1", "recency": 2, "frequency": 7, "monetary": 1}, {"customerId": "9", "recency": 2, "frequency": 7, "monetary": -5}]}""", "customers[3].monetary" },
        { "application/json", """{"customers": [{"customerId": "1", "recency": 2, "frequency": 7, "monetary": NaN}]}""", "customers[0].monetary" },
        { "application/json", """{"customers": [{"customerId": "1", "recency": 2, "frequency": 7, "monetary": "NaN"}]}""", "customers[0].monetary" },
        { "application/json", """{"customers": [{"customerId": "1", "recency": 2, "frequency": 7, "monetary": 1e999}]}""", "customers[0].monetary" },
        { "application/json", """{"customers": [null]}""", "customers[0]" },
        { "application/json", """{"customers": 5}""", "customers" },
        { "text/plain", """{"customers": [{"customerId": "1", "recency": 2, "frequency": 7, "monetary": 1}]}""", "Content-Type" },
        { "application/x-www-form-urlencoded", "customers=1", "Content-Type" },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task A_malformed_body_is_a_400_problem_detail_naming_the_field(string contentType, string body, string field)
    {
        await using var server = await Server.Start(new ServeOptions { RunFolder = uci.RunFolder });
        using var content = new StringContent(body, Encoding.UTF8, contentType);
        using var response = await server.Client.PostAsync("/api/score", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.StartsWith(field + ": ", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task More_customers_than_the_limit_is_a_400_naming_the_list_and_a_body_over_the_size_limit_is_a_413()
    {
        await using var server = await Server.Start(new ServeOptions { RunFolder = uci.RunFolder, MaxCustomersPerRequest = 100, MaxJsonBytes = 64 * 1024 });
        var many = new { customers = Enumerable.Range(0, 101).Select(i => new { customerId = i.ToString(CultureInfo.InvariantCulture), recency = 1, frequency = 1, monetary = 1 }) };
        using var tooMany = await server.Client.PostAsJsonAsync("/api/score", many);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.StartsWith("customers: at most 100 customers a request", (await tooMany.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        var padding = new string(' ', 70 * 1024);
        using var big = new StringContent("{\"customers\": [" + padding + "]}", Encoding.UTF8, "application/json");
        using var tooBig = await server.Client.PostAsync("/api/score", big);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);
        Assert.StartsWith("body: larger than the limit", (await tooBig.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_default_limit_of_100_000_customers_a_request_is_held()
    {
        Assert.Equal(100_000, ServeOptions.Default.MaxCustomersPerRequest);
        await using var server = await Server.Start(new ServeOptions { RunFolder = uci.RunFolder });
        var sb = new StringBuilder("{\"customers\":[");
        for (var i = 0; i <= 100_000; i++) sb.Append(i == 0 ? "" : ",").Append("{\"customerId\":\"").Append(i).Append("\",\"recency\":1,\"frequency\":1,\"monetary\":1}");
        sb.Append("]}");
        using var content = new StringContent(sb.ToString(), Encoding.UTF8, "application/json");
        using var response = await server.Client.PostAsync("/api/score", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most 100,000 customers a request; this one has 100,001", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void Listening_on_a_non_loopback_address_without_a_key_refuses_to_start()
    {
        var e = Assert.Throws<OptionException>(() => SegmentationServer.Build(new ServeOptions { Address = "0.0.0.0", Port = 0, RunFolder = uci.RunFolder }));
        Assert.Equal(ServeOptions.Names.ApiKey, e.Option);
        Assert.Contains(ServeOptions.ApiKeyVariable, e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_on_a_non_loopback_address_without_a_key_exits_1_with_one_line_naming_the_variable()
    {
        Environment.SetEnvironmentVariable(ServeOptions.ApiKeyVariable, null);
        var result = CliRunner.Run("serve", "--address", "0.0.0.0", "--port", "0", "--run", uci.RunFolder);
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"error: {ServeOptions.ApiKeyVariable}: '0.0.0.0' is reachable from other machines", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_key_a_request_without_it_or_with_another_is_401_and_with_it_200()
    {
        const string key = "a-test-key-of-32-characters-xxxx";
        await using var server = await Server.Start(new ServeOptions { RunFolder = uci.RunFolder, ApiKey = key });
        var body = new { customers = new[] { new { customerId = "12347", recency = 2, frequency = 7, monetary = 4310.0 } } };
        using var without = await server.Client.PostAsJsonAsync("/api/score", body);
        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.StartsWith("X-Api-Key: ", (await without.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        using var wrong = new HttpRequestMessage(HttpMethod.Post, "/api/score") { Content = JsonContent.Create(body) };
        wrong.Headers.Add("X-Api-Key", key + "x");
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client.SendAsync(wrong)).StatusCode);

        using var with = new HttpRequestMessage(HttpMethod.Post, "/api/score") { Content = JsonContent.Create(body) };
        with.Headers.Add("X-Api-Key", key);
        using var ok = await server.Client.SendAsync(with);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var segment = (await ok.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("customers")[0].GetProperty("segment").GetString();
        Assert.Equal(uci.Rows.Single(r => r.CustomerId == "12347").Segment, segment);
        // The key guards the API; health stays open to the container's HEALTHCHECK.
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task The_model_endpoint_describes_the_served_model_with_centres_in_original_units()
    {
        await using var server = await Server.Start(new ServeOptions { RunFolder = uci.RunFolder });
        var model = await server.Client.GetFromJsonAsync<JsonElement>("/api/model");
        var saved = SegmentationApp.LoadModel(Path.Combine(uci.RunFolder, "model.zip"));
        Assert.Equal("kmeans", model.GetProperty("method").GetString());
        Assert.Equal(saved.K, model.GetProperty("k").GetInt32());
        var segments = model.GetProperty("segments").EnumerateArray().ToList();
        Assert.Equal(saved.Segments.Select(s => s.Name), segments.Select(s => s.GetProperty("name").GetString()));
        var centres = saved.Centres();
        for (var i = 0; i < segments.Count; i++)
        {
            Assert.Equal(centres[i][0], segments[i].GetProperty("recency").GetDouble(), 9);
            Assert.Equal(centres[i][2], segments[i].GetProperty("monetary").GetDouble(), 9);
        }
        Assert.Equal("run", model.GetProperty("training").GetProperty("folder").GetString());
        // The window scored transactions are measured over, and each segment described by its training figures.
        Assert.Equal(("2010-12-01", "2011-12-10", 374), (model.GetProperty("training").GetProperty("firstDate").GetString(),
            model.GetProperty("training").GetProperty("snapshot").GetString(), model.GetProperty("training").GetProperty("windowDays").GetInt32()));
        var profiles = File.ReadAllLines(Path.Combine(uci.RunFolder, "segment_profile.csv")).Length - 1;
        Assert.Equal(profiles, segments.Count);
        Assert.All(segments, s => Assert.StartsWith("Customers who ", s.GetProperty("description").GetString(), StringComparison.Ordinal));
        var health = await server.Client.GetFromJsonAsync<JsonElement>("/health");
        Assert.Equal("ok", health.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_the_endpoints_and_the_reference_page_loads_its_script_from_the_app()
    {
        await using var server = await Server.Start(new ServeOptions { RunFolder = uci.RunFolder });
        var document = await server.Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["/health", "/api/score", "/api/score/transactions", "/api/model"], paths);
        Assert.True(document.GetProperty("paths").GetProperty("/api/score").GetProperty("post").GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        var page = await server.Client.GetStringAsync("/scalar/");
        var scripts = System.Text.RegularExpressions.Regex.Matches(page, "src=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(scripts);
        Assert.All(scripts, s => Assert.DoesNotContain("//", s, StringComparison.Ordinal));
        foreach (var script in scripts)
        {
            using var response = await server.Client.GetAsync("/scalar/" + script);
            Assert.True(response.IsSuccessStatusCode, script);
        }
    }
}

[Trait(Tier.Name, Tier.Full)]
public sealed partial class ReadmeApiTests
{
    [System.Text.RegularExpressions.GeneratedRegex(@"curl -s http://127\.0\.0\.1:5000(?<path>/\S+) .*?-d '(?<body>[^']+)'\s*\n# (?<answer>\{.*)", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex CurlExample();

    [Fact]
    public async Task The_readmes_curl_example_gets_the_answer_the_readme_shows()
    {
        var readme = File.ReadAllText(Path.Combine(Segmentation.Tests.TestPaths.RepoRoot, "README.md")).Replace("\\\n", " ", StringComparison.Ordinal);
        var example = CurlExample().Match(readme);
        Assert.True(example.Success, "the README's curl example was not found");
        using var folder = new Segmentation.Tests.TempFolder();
        var run = CliRunner.Run("run", "--input", Segmentation.Tests.TestPaths.RealFile("online_retail.csv.gz"), "--out", folder.File("run"), "--no-report", "--no-history", "--stability-resamples", "0");
        Assert.True(run.ExitCode == 0, run.Error);
        await using var server = await Server.Start(new ServeOptions { RunFolder = folder.File("run") });
        using var content = new StringContent(example.Groups["body"].Value, Encoding.UTF8, "application/json");
        using var response = await server.Client.PostAsync(example.Groups["path"].Value, content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadAsStringAsync();
        // The README shortens the action with "...": everything before it is the answer's own text.
        var shown = example.Groups["answer"].Value.Split('\n')[0];
        Assert.StartsWith(shown[..shown.IndexOf("...", StringComparison.Ordinal)], answer, StringComparison.Ordinal);
    }
}
