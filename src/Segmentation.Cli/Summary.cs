using Segmentation.Cleaning;
using Segmentation.Features;
using Segmentation.Formatting;
using Segmentation.Pipeline;

namespace Segmentation.Cli;

/// <summary>The end-of-run summary on the console.</summary>
internal static class Summary
{
    public static void WriteQuality(TextWriter o, DataQualityAccount q)
    {
        o.WriteLine($"Data quality: {q.Source}");
        o.WriteLine($"  {"rows in",-44}{Display.Count(q.RowsIn),12}");
        foreach (var rule in q.Removed)
        {
            o.WriteLine($"  {"- " + rule.Description,-44}{Display.Count(rule.Rows),12}");
        }
        o.WriteLine($"  {"rows out",-44}{Display.Count(q.RowsOut),12}");
        var dupes = q.DuplicatesDropped ? "dropped" : "kept";
        o.WriteLine($"  {$"exact duplicate rows found ({dupes})",-44}{Display.Count(q.DuplicateRowsFound),12}");
        o.WriteLine($"  {"customers",-44}{Display.Count(q.Customers),12}");
        o.WriteLine($"  {"invoices",-44}{Display.Count(q.Invoices),12}");
        o.WriteLine($"  {"revenue",-44}{Display.Money(q.Revenue),12}");
        if (q.FirstDate is { } first && q.LastDate is { } last)
        {
            o.WriteLine($"  {"period",-44}{Display.DateTime(first)} .. {Display.DateTime(last)}");
        }
        foreach (var example in q.BadRowExamples) o.WriteLine($"  skipped: {example}");
    }

    public static void WriteRfm(TextWriter o, RfmTable rfm)
    {
        static string Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            var m = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
            return Display.Number(m, 1);
        }
        o.WriteLine($"RFM as of {Display.Date(rfm.Snapshot)}: {Display.Count(rfm.Count)} customers; medians: " +
            $"recency {Median(rfm.RecencyColumn())} days, frequency {Median(rfm.FrequencyColumn())} orders, monetary {Median(rfm.MonetaryColumn())}");
    }

    public static void WriteTimings(TextWriter o, IReadOnlyList<StageTiming> stages, TimeSpan total)
    {
        o.WriteLine("Timings:");
        foreach (var s in stages) o.WriteLine($"  {s.Stage,-12}{Display.Seconds(s.Elapsed),10}");
        o.WriteLine($"  {"total",-12}{Display.Seconds(total),10}");
    }
}
