using Segmentation.Cleaning;
using Segmentation.Formatting;
using Segmentation.Pipeline;
using Segmentation.Report;
using Segmentation.Segments;

namespace Segmentation.Cli;

/// <summary>The end-of-run summary on the console: the report model, in plain text.</summary>
internal static class Summary
{
    public static void Write(TextWriter o, ReportModel report)
    {
        WriteQuality(o, report.DataQuality);
        WriteRfm(o, report);
        WriteSweep(o, report);
        WriteSegments(o, report.Profiles);
    }

    public static void WriteQuality(TextWriter o, DataQualityAccount q)
    {
        o.WriteLine($"Data quality: {q.Source}");
        o.WriteLine($"  {"rows in",-44}{Display.Count(q.RowsIn),12}");
        foreach (var rule in q.Removed)
        {
            o.WriteLine($"  {"- " + rule.Description,-44}{Display.Count(rule.Rows),12}");
        }
        o.WriteLine($"  {"rows out",-44}{Display.Count(q.RowsOut),12}");
        if (q.PurchasesReduced > 0) o.WriteLine($"  {"  of which reduced by a partial cancellation",-44}{Display.Count(q.PurchasesReduced),12}");
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

    private static void WriteRfm(TextWriter o, ReportModel r)
    {
        var s = r.Overall;
        o.WriteLine($"RFM as of {Display.Date(r.Headline.Snapshot)}: {Display.Count(r.Headline.Customers)} customers; medians: " +
            $"recency {Display.Number(s.MedianRecency, 1)} days, frequency {Display.Number(s.MedianFrequency, 1)} orders, monetary {Display.Number(s.MedianMonetary, 1)}");
    }

    private static void WriteSweep(TextWriter o, ReportModel r)
    {
        var q = r.Quality;
        if (r.Mode == RunMode.Scored)
        {
            o.WriteLine($"Scored with the previous run's model (k = {q.Choice.K}, nothing refitted)");
        }
        else
        {
            var sil = q.Silhouette;
            o.WriteLine($"k sweep ({q.Restarts} restarts per k, seed {q.Seed}; silhouette " +
                (sil.Sampled ? $"on a sample of {Display.Count(sil.SampleSize)}, seed {sil.Seed}" : "exact") +
                (q.FitOn.Sampled ? $"; fitted on a sample of {Display.Count(q.FitOn.SampleSize)}, seed {q.FitOn.Seed}, every customer assigned)" : ")"));
        }
        var stability = q.Sweep.Any(m => m.Stability is not null);
        o.WriteLine($"  {"k",3}{"inertia",12}{"silhouette",12}{"Davies-B.",11}{"Calinski-H.",13}{(stability ? $"{"stability",11}" : "")}");
        foreach (var m in q.Sweep)
        {
            var mark = m.K == q.Choice.K ? "  <- chosen" : "";
            var stable = stability ? $"{(m.Stability is { } s ? Display.Number(s, 3) : ""),11}" : "";
            o.WriteLine($"  {m.K,3}{Display.Number(m.Inertia, 1),12}{Display.Number(m.Silhouette, 4),12}{Display.Number(m.DaviesBouldin, 4),11}{Display.Number(m.CalinskiHarabasz, 1),13}{stable}{mark}");
        }
        o.WriteLine($"  {q.Choice.Reasoning}");
    }

    public static void WriteSegments(TextWriter o, IReadOnlyList<SegmentProfile> profiles)
    {
        o.WriteLine("Segments:");
        o.WriteLine($"  {"segment",-20}{"customers",10}{"share",8}{"revenue",9}{"recency",9}{"orders",8}{"spend",11}  action");
        foreach (var p in profiles)
        {
            o.WriteLine($"  {p.Segment,-20}{Display.Count(p.Customers),10}{Display.Percent(p.Share),8}{Display.Percent(p.RevenueShare),9}" +
                $"{Display.Number(p.MedianRecency, 0),9}{Display.Number(p.MedianFrequency, 0),8}{Display.Money(p.MedianMonetary),11}  {p.Actions}");
        }
        o.WriteLine("  (recency, orders and spend are medians)");
    }

    public static void WriteChanges(TextWriter o, ReportModel r)
    {
        if (r.Changes is not { } c) return;
        o.WriteLine("Drift: " + string.Join("; ", c.Drift.Select(d => $"{d.Measure} {Display.Number(d.Value, 3)}")));
        o.WriteLine(c.Verdict);
        o.WriteLine("Biggest movements:");
        foreach (var m in c.Movements) o.WriteLine("  " + m);
    }

    public static void WriteTimings(TextWriter o, IReadOnlyList<StageTiming> stages, TimeSpan total)
    {
        o.WriteLine("Timings:");
        foreach (var s in stages) o.WriteLine($"  {s.Stage,-12}{Display.Seconds(s.Elapsed),10}");
        o.WriteLine($"  {"total",-12}{Display.Seconds(total),10}");
    }
}
