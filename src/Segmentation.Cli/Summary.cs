using Segmentation.App;
using Segmentation.Clustering.Model;
using Segmentation.Clustering.Segments;
using Segmentation.Formatting;
using Segmentation.Prepare;
using Segmentation.Report;
using Segmentation.Runs;

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
        if (report.LabelsNote.Length > 0) o.WriteLine($"  {report.LabelsNote}");
        WriteMethods(o, report);
    }

    private static void WriteMethods(TextWriter o, ReportModel r)
    {
        if (r.Methods is not { } methods) return;
        o.WriteLine("Methods compared on the same customers:");
        o.WriteLine($"  {"method",-18}{"segments",9}{"silhouette",12}{"Davies-B.",11}{"Calinski-H.",13}{"agreement",11}");
        foreach (var m in methods)
        {
            o.WriteLine($"  {m.Name,-18}{m.K,9}{Display.Number(m.Silhouette, 4),12}{Display.Number(m.DaviesBouldin, 4),11}{Display.Number(m.CalinskiHarabasz, 1),13}{Display.Number(m.Agreement, 2),11}{(m.Chosen ? "  <- used" : "")}");
        }
        o.WriteLine($"  {r.MethodsVerdict}");
    }

    public static void WriteQuality(TextWriter o, DataQualityAccount q)
    {
        o.WriteLine($"Data quality: {q.Source}");
        if (QualityLines.Columns(q) is { Length: > 0 } columns) o.WriteLine($"  columns read: {columns}");
        foreach (var line in QualityLines.Of(q))
        {
            // Figures right-aligned in one column; a period or a skipped row's text reads left to right.
            o.WriteLine(line.Label switch
            {
                "skipped" => $"  skipped: {line.Value}",
                "period" => $"  {line.Label,-44}{line.Value}",
                _ => $"  {line.Label,-44}{line.Value,12}",
            });
        }
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
            o.WriteLine(q.SweepLine);
        }
        var stability = q.Sweep.Any(m => m.Stability is not null);
        var criteria = q.HasInformationCriteria;
        o.WriteLine($"  {"k",3}{"inertia",12}{"silhouette",12}{"Davies-B.",11}{"Calinski-H.",13}{(stability ? $"{"stability",11}" : "")}{(criteria ? $"{"BIC",12}{"AIC",12}" : "")}");
        foreach (var m in q.Sweep)
        {
            var mark = m.K == q.Choice.K ? "  <- chosen" : "";
            var stable = stability ? $"{(m.Stability is { } s ? Display.Number(s, 3) : ""),11}" : "";
            var information = criteria ? $"{Display.Number(m.Bic ?? double.NaN, 0),12}{Display.Number(m.Aic ?? double.NaN, 0),12}" : "";
            o.WriteLine($"  {m.K,3}{Display.Number(m.Inertia, 1),12}{Display.Number(m.Silhouette, 4),12}{Display.Number(m.DaviesBouldin, 4),11}{Display.Number(m.CalinskiHarabasz, 1),13}{stable}{information}{mark}");
        }
        o.WriteLine($"  {q.Choice.Reasoning}");
    }

    public static void WriteScoreCheck(TextWriter o, ScoreCheck check)
    {
        o.WriteLine($"Window: {check.Window}");
        if (check.Drift.Count > 0)
        {
            o.WriteLine("Drift from the model's customers (PSI; under 0.10 stable, above 0.25 the model misleads): " +
                string.Join(", ", check.Drift.Select(d => $"{d.Feature.ToLowerInvariant()} {Display.Number(d.Psi, 2)} ({d.Reading})")));
        }
    }

    public static void WriteSegments(TextWriter o, IReadOnlyList<SegmentProfile> profiles)
    {
        o.WriteLine("Segments:");
        var sure = profiles.Any(p => p.ConfidentShare is not null);
        o.WriteLine($"  {"segment",-20}{"customers",10}{"share",8}{"revenue",9}{"recency",9}{"orders",8}{"spend",11}{(sure ? $"{"sure",8}" : "")}  action");
        foreach (var p in profiles)
        {
            var confident = sure ? $"{(p.ConfidentShare is { } c ? Display.Percent(c) : ""),8}" : "";
            o.WriteLine($"  {p.Segment,-20}{Display.Count(p.Customers),10}{Display.Percent(p.Share),8}{Display.Percent(p.RevenueShare),9}" +
                $"{Display.Number(p.MedianRecency, 0),9}{Display.Number(p.MedianFrequency, 0),8}{Display.Money(p.MedianMonetary),11}{confident}  {p.Actions}");
        }
        o.WriteLine("  (recency, orders and spend are medians" + (sure ? $"; sure: the share assigned with probability at least {Display.Number(SegmentProfile.ConfidentProbability, 1)})" : ")"));
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
