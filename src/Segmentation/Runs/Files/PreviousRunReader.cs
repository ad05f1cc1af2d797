using System.Globalization;
using Segmentation.Clustering.Model;
using Segmentation.Clustering.Segments;
using Segmentation.IO;
using Segmentation.Runs.Refresh;
using nietras.SeparatedValues;

namespace Segmentation.Runs.Files;

/// <summary>Reads a run folder back as the previous run of a refresh (customer_segments.csv, model.zip, metrics.json).</summary>
internal static class PreviousRunReader
{
    public static PreviousRun Read(string folder)
    {
        if (!Directory.Exists(folder)) throw new InputException(folder, "the previous run folder does not exist");
        var files = new RunFiles(folder);
        var model = ModelFile.Load(files.Model);
        if (!File.Exists(files.CustomerSegments)) throw new InputException(files.CustomerSegments, "the previous run has no customer_segments.csv");
        var snapshot = ReadSnapshot(files.Metrics);
        var customers = new List<PreviousCustomer>();
        using var reader = Sep.Reader(o => o with { Unescape = true }).FromFile(files.CustomerSegments);
        // Files written before the column existed: the customer has held the segment since the run's snapshot.
        var hasSince = reader.Header.TryIndexOf("SegmentSince", out _);
        // Files written before the two segmentations had distinct names call the cluster segment "Segment".
        var segmentColumn = reader.Header.TryIndexOf(SegmentsCsv.ClusterSegmentColumn, out _) ? SegmentsCsv.ClusterSegmentColumn : "Segment";
        foreach (var row in reader)
        {
            try
            {
                var since = hasSince && row["SegmentSince"].Span.Length > 0
                    ? DateTime.ParseExact(row["SegmentSince"].Span, Csv.DayFormat, CultureInfo.InvariantCulture)
                    : snapshot;
                customers.Add(new PreviousCustomer(
                    new SegmentMigration.Labelled(Csv.ReadField(row["CustomerID"].ToString()), int.Parse(row["Cluster"].Span, CultureInfo.InvariantCulture), row[segmentColumn].ToString(),
                        decimal.Parse(row["Monetary"].Span, CultureInfo.InvariantCulture)),
                    double.Parse(row["Recency"].Span, CultureInfo.InvariantCulture),
                    double.Parse(row["Frequency"].Span, CultureInfo.InvariantCulture),
                    since));
            }
            catch (Exception e) when (e is FormatException or KeyNotFoundException or ArgumentException)
            {
                throw new InputException(files.CustomerSegments, $"the file is not a customer_segments.csv written by run ({e.Message})", row.RowIndex + 1);
            }
        }
        return new PreviousRun(folder, model, customers, snapshot);
    }

    private static DateTime ReadSnapshot(string metrics)
    {
        if (!File.Exists(metrics)) throw new InputException(metrics, "the previous run has no metrics.json");
        try
        {
            using var stream = File.OpenRead(metrics);
            using var json = System.Text.Json.JsonDocument.Parse(stream);
            return json.RootElement.GetProperty("snapshot").GetDateTime().Date;
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InputException(metrics, $"the file is not a metrics.json written by run ({e.Message.ReplaceLineEndings(" ")})");
        }
    }
}
