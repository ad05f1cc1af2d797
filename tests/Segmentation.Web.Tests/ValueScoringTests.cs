using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Segmentation.App;
using Segmentation.Prepare;
using Segmentation.Tests;
using CliRunner = Segmentation.Cli.Tests.Cli;

namespace Segmentation.Web.Tests;

/// <summary>
/// A run with lifetime value saves its value fits in model.zip: <c>score</c> with that model and <c>/api/score</c>
/// given each customer's purchase history answer the run's own figures for every UCI customer.
/// </summary>
[Trait(Tier.Name, Tier.Full)]
public sealed class ValueScoringTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly string _input = TestPaths.RealFile("online_retail.csv.gz");
    private readonly string _run;

    public ValueScoringTests()
    {
        _run = _folder.File("run");
        var run = CliRunner.Run("run", "--input", _input, "--clv", "--out", _run, "--no-report", "--no-history", "--stability-resamples", "0");
        Assert.True(run.ExitCode == 0, run.Error);
    }

    public void Dispose() => _folder.Dispose();

    private static string[] Columns => ["PAlive", "ExpectedPurchases", "ExpectedNextPurchase", "PPurchase30d", "PPurchase60d", "PPurchase90d", "CLV", "CLVPercentile", "AtRiskOfLeaving"];

    private static Dictionary<string, Dictionary<string, string>> Rows(string csv)
    {
        var lines = File.ReadAllLines(csv);
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[0], f => Columns.ToDictionary(c => c, c => f[Array.IndexOf(header, c)]));
    }

    [Fact]
    public void Score_with_the_runs_model_gives_every_customer_the_runs_value_figures()
    {
        var scored = _folder.File("scored.csv");
        var score = CliRunner.Run("score", "--input", _input, "--model", Path.Combine(_run, "model.zip"), "--out", scored);
        Assert.True(score.ExitCode == 0, score.Error);
        var run = Rows(Path.Combine(_run, "customer_segments.csv"));
        var again = Rows(scored);
        Assert.Equal(4338, run.Count);
        Assert.Equal(run.Keys.Order(), again.Keys.Order());
        foreach (var (id, figures) in run) Assert.Equal(figures, again[id]);
    }

    [Fact]
    public async Task The_api_given_each_customers_purchase_history_answers_the_runs_value_figures()
    {
        await using var server = await Server.Start(new ServeOptions { RunFolder = _run });
        using var model = await server.Client.GetFromJsonAsync<JsonDocument>("/api/model");
        var value = model!.RootElement.GetProperty("value");
        Assert.Equal("BG/NBD", value.GetProperty("purchaseModel").GetString());
        Assert.Equal("days", value.GetProperty("unit").GetString());
        Assert.Equal(90, value.GetProperty("windowDays").GetInt32());

        // Each customer's (x, t_x, T, m) in days, as the run summarised their whole history.
        var summary = SegmentationApp.Summary(TransactionSource.File(_input));
        var run = Rows(Path.Combine(_run, "customer_segments.csv"));
        var rfm = File.ReadAllLines(Path.Combine(_run, "customer_segments.csv")).Skip(1).Select(l => l.Split(','))
            .ToDictionary(f => f[0], f => (Recency: int.Parse(f[1], CultureInfo.InvariantCulture), Frequency: int.Parse(f[2], CultureInfo.InvariantCulture), Monetary: double.Parse(f[3], CultureInfo.InvariantCulture)));
        var body = new
        {
            customers = summary.Customers.Select(c => new
            {
                customerId = c.CustomerId, recency = rfm[c.CustomerId].Recency, frequency = rfm[c.CustomerId].Frequency, monetary = rfm[c.CustomerId].Monetary,
                repeatPurchases = c.Frequency, recencyDays = c.Recency, ageDays = c.T, repeatValue = c.MonetaryValue,
            }).ToList(),
        };
        using var response = await server.Client.PostAsJsonAsync("/api/score", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var answer = await response.Content.ReadFromJsonAsync<JsonDocument>();
        var customers = answer!.RootElement.GetProperty("customers").EnumerateArray().ToList();
        Assert.Equal(4338, customers.Count);
        static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);
        foreach (var c in customers)
        {
            var id = c.GetProperty("customerId").GetString()!;
            var v = c.GetProperty("value");
            var expected = run[id];
            // The run's file rounds to six significant digits.
            Assert.Equal(Number(expected["PAlive"]), v.GetProperty("pAlive").GetDouble(), 5e-6 * Math.Max(1, Number(expected["PAlive"])));
            Assert.Equal(Number(expected["ExpectedPurchases"]), v.GetProperty("expectedPurchases").GetDouble(), 5e-6 * Math.Max(1, Number(expected["ExpectedPurchases"])));
            Assert.Equal(Number(expected["CLV"]), v.GetProperty("clv").GetDouble(), 0.006);
            var next = expected["ExpectedNextPurchase"];
            if (next.Length == 0) Assert.Equal(JsonValueKind.Null, v.GetProperty("nextPurchaseInDays").ValueKind);
            else Assert.Equal((DateTime.ParseExact(next, "yyyy-MM-dd", CultureInfo.InvariantCulture) - summary.CalibrationEnd).TotalDays, v.GetProperty("nextPurchaseInDays").GetInt32());
        }

        // Without the history, no value; with part of it, the field that is missing is named.
        using var partial = await server.Client.PostAsJsonAsync("/api/score", new { customers = new[] { new { customerId = "a", recency = 3, frequency = 2, monetary = 50.0, repeatPurchases = 1 } } });
        Assert.Equal(HttpStatusCode.BadRequest, partial.StatusCode);
        Assert.Contains("recencyDays", await partial.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
