using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Segmentation.App;
using Segmentation.Prepare;
using Segmentation.Reporting;
using Segmentation.Runs;
using UglyToad.PdfPig;
using Xunit.Abstractions;
using nietras.SeparatedValues;

namespace Segmentation.Tests.Reporting;

/// <summary>
/// A run and two chained refreshes on the real data, through the application layer as the CLI drives it: in each
/// folder every file must name the same segment and the same cluster id for the same customer.
/// </summary>
[Trait(Tier.Name, Tier.Full)]
public sealed partial class RefreshConsistencyTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private PublishOptions Publish(string name) => new()
    {
        Folder = _dir.File(name),
        History = _dir.File("history.db"),
        Report = ReportFixture.Settings,
    };

    private static SegmentationOptions AsOf(DateTime? date) => SegmentationOptions.Default with { Prepare = PrepareOptions.Default with { AsOf = date } };

    [Fact]
    public void Every_file_of_a_run_and_of_two_chained_refreshes_names_the_same_segment_and_id_for_each_customer()
    {
        var file = TransactionSource.File(TestPaths.RealFile("online_retail.csv.gz"));
        var september = SegmentationApp.Run(new RunRequest(file) { Options = AsOf(new DateTime(2011, 10, 1)), Publish = Publish("september") }, ReportRenderer.Instance);
        var november = SegmentationApp.Refresh(new RefreshRequest(file, _dir.File("september")) { Options = AsOf(new DateTime(2011, 11, 1)), Publish = Publish("november") }, ReportRenderer.Instance);
        var december = SegmentationApp.Refresh(new RefreshRequest(file, _dir.File("november")) { Options = AsOf(null), Publish = Publish("december") }, ReportRenderer.Instance);

        var folders = new[] { ("september", new DateTime(2011, 10, 1)), ("november", new DateTime(2011, 11, 1)), ("december", (DateTime?)null) };
        var names = new Dictionary<string, Dictionary<int, string>>();
        foreach (var (name, asOf) in folders.Select(f => (f.Item1, f.Item2 as DateTime?)))
        {
            names[name] = AssertConsistent(_dir.File(name), asOf);
        }

        // The chain keeps the names: a segment kept by a refresh has the id and name it had in the run before.
        foreach (var (refresh, before, after) in new[] { (november, "september", "november"), (december, "november", "december") })
        {
            var kept = refresh.Result.Drift.Matches.Where(m => m.Status == "kept").ToList();
            Assert.NotEmpty(kept);
            foreach (var m in kept)
            {
                Assert.Equal(names[before][m.PreviousCluster!.Value], m.Segment);
                Assert.Equal(m.Segment, names[after][m.Cluster!.Value]);
            }
            output.WriteLine($"{after}: " + string.Join(", ", refresh.Result.Drift.Matches.Select(m => $"{m.Segment} {m.Status} {m.PreviousCluster}->{m.Cluster}")));
        }
        Assert.Equal(KSourceName.PreviousRun, JsonDocument.Parse(File.ReadAllText(_dir.File("december/metrics.json"))).RootElement.GetProperty("choice").GetProperty("source").GetString());
        Assert.Contains("kept from the previous run", december.Run.Choice.Reasoning, StringComparison.Ordinal);
        Assert.DoesNotContain("set by the user", december.Run.Choice.Reasoning, StringComparison.Ordinal);

        // Each refreshed customer carries its previous segment, and the date since which it holds its segment.
        var rows = Csv(_dir.File("december/customer_segments.csv"));
        var previous = Csv(_dir.File("november/customer_segments.csv")).ToDictionary(r => r["CustomerID"], StringComparer.Ordinal);
        foreach (var r in rows)
        {
            if (!previous.TryGetValue(r["CustomerID"], out var p))
            {
                Assert.Equal("", r["PreviousSegment"]);
                Assert.Equal("2011-12-10", r["SegmentSince"]);
                continue;
            }
            Assert.Equal(p["ClusterSegment"], r["PreviousSegment"]);
            Assert.Equal(p["ClusterSegment"] == r["ClusterSegment"] ? p["SegmentSince"] : "2011-12-10", r["SegmentSince"]);
        }
        Assert.Contains(rows, r => r["SegmentSince"] == "2011-10-01");

        var history = SegmentationApp.History(_dir.File("history.db")).List();
        Assert.Equal(["run", "refresh", "refresh"], history.Select(h => h.Kind));
        Assert.Equal([null, history[0].Id, history[1].Id], history.Select(h => h.PreviousId));
        Assert.Equal(september.Published.HistoryId, history[0].Id);
    }

    /// <summary>Checks one folder's files against its customer_segments.csv and returns its id -> name map.</summary>
    private Dictionary<int, string> AssertConsistent(string folder, DateTime? asOf)
    {
        var customers = Csv(Path.Combine(folder, "customer_segments.csv"));
        var segmentOf = customers.ToDictionary(r => r["CustomerID"], r => (Cluster: int.Parse(r["Cluster"], CultureInfo.InvariantCulture), Segment: r["ClusterSegment"]), StringComparer.Ordinal);
        var nameOf = segmentOf.Values.Distinct().ToDictionary(v => v.Cluster, v => v.Segment);
        Assert.Equal(nameOf.Count, nameOf.Values.Distinct().Count());
        var sizes = segmentOf.Values.GroupBy(v => v.Cluster).ToDictionary(g => g.Key, g => g.Count());

        // segment_profile.csv: the same id, name and size.
        var profile = Csv(Path.Combine(folder, "segment_profile.csv"));
        Assert.Equal(nameOf.Count, profile.Count);
        foreach (var p in profile)
        {
            var id = int.Parse(p["Cluster"], CultureInfo.InvariantCulture);
            Assert.Equal(nameOf[id], p["Segment"]);
            Assert.Equal(sizes[id], int.Parse(p["Customers"], CultureInfo.InvariantCulture));
        }

        // metrics.json: the same ids, names and sizes.
        using (var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "metrics.json"))))
        {
            var segments = metrics.RootElement.GetProperty("segments").EnumerateArray().ToList();
            Assert.Equal(nameOf.Count, segments.Count);
            foreach (var s in segments)
            {
                var id = s.GetProperty("cluster").GetInt32();
                Assert.Equal(nameOf[id], s.GetProperty("name").GetString());
                Assert.Equal(sizes[id], s.GetProperty("customers").GetInt32());
            }
        }

        // model.zip: scoring the folder's period with its own model gives every customer the same id and name.
        var model = SegmentationApp.LoadModel(Path.Combine(folder, "model.zip"));
        var period = SegmentationApp.Prepare(TransactionSource.File(TestPaths.RealFile("online_retail.csv.gz")), PrepareOptions.Default with { AsOf = asOf });
        var scored = SegmentationApp.Score(model, period);
        Assert.Equal(customers.Count, scored.Count);
        Assert.All(scored, c => Assert.Equal(segmentOf[c.Rfm.CustomerId], (c.Cluster, c.Segment)));

        // The HTML report: its customer table holds every customer with the same segment.
        var html = File.ReadAllText(Path.Combine(folder, "report.html"));
        var data = JsonDocument.Parse(CustomersData().Match(html).Groups[1].Value).RootElement.EnumerateArray().ToList();
        Assert.Equal(customers.Count, data.Count);
        Assert.All(data, row => Assert.Equal(segmentOf[row[0].GetString()!].Segment, row[6].GetString()));

        // The PDF: each segment's profile heading gives its name and the same number of customers.
        using var pdf = PdfDocument.Open(Path.Combine(folder, "report.pdf"));
        var text = string.Concat(string.Concat(pdf.GetPages().Select(p => p.Text)).Where(c => !char.IsWhiteSpace(c)));
        foreach (var (id, name) in nameOf)
        {
            var heading = string.Concat($"{name}: {sizes[id].ToString("N0", CultureInfo.InvariantCulture)} customers".Where(c => !char.IsWhiteSpace(c)));
            Assert.True(text.Contains(heading, StringComparison.Ordinal), $"{folder}: the PDF has no heading '{name}: {sizes[id]} customers'");
        }
        return nameOf;
    }

    [GeneratedRegex("<script type=\"application/json\" id=\"customers-data\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex CustomersData();

    internal static List<Dictionary<string, string>> Csv(string path)
    {
        using var reader = Sep.Reader(o => o with { Unescape = true }).FromFile(path);
        var header = reader.Header.ColNames;
        var rows = new List<Dictionary<string, string>>();
        foreach (var row in reader)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var h in header) values[h] = row[h].ToString();
            rows.Add(values);
        }
        return rows;
    }

    private static class KSourceName
    {
        public const string PreviousRun = "previous_run";
    }
}
