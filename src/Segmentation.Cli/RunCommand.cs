using System.CommandLine;
using System.Diagnostics;
using Segmentation.History;
using Segmentation.Output;
using Segmentation.Pipeline;
using Segmentation.Reporting;
using Segmentation.Reporting.Html;

namespace Segmentation.Cli;

/// <summary><c>run</c>: the whole pipeline from a transactions file (or the sample) into an output folder.</summary>
internal static class RunCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var input = new InputArguments();
        var clustering = new ClusteringArguments();
        var output = new Option<string>("--out", "-o") { Description = "Output folder.", DefaultValueFactory = _ => Path.Combine("data", "processed", "run") };
        var timings = new Option<bool>("--timings") { Description = "Print the time spent in each stage." };
        var noReport = new Option<bool>("--no-report") { Description = "Skip the PDF and HTML reports." };
        var historyPath = new Option<string?>("--history") { Description = "The run history database (default: history.db in the folder that holds --out)." };
        var noHistory = new Option<bool>("--no-history") { Description = "Do not record the run in the history." };
        var timingsJson = new Option<string?>("--timings-json") { Description = "Also write the stage timings (seconds) to this JSON file (used by the benchmark)." };
        var command = new Command("run",
            "Run the pipeline: ingest, cleaning, RFM, k sweep, segments. Writes customer_segments.csv, segment_profile.csv, metrics.json, model.zip, rfm.csv and data_quality.json into --out.");
        input.AddTo(command);
        clustering.AddTo(command);
        command.Options.Add(output);
        command.Options.Add(timings);
        command.Options.Add(noReport);
        command.Options.Add(timingsJson);
        command.Options.Add(historyPath);
        command.Options.Add(noHistory);
        command.SetAction(p => Guard.Run(stderr, () =>
        {
            var total = Stopwatch.StartNew();
            var options = new SegmentationOptions { Prepare = input.Prepare(p), Clustering = clustering.Options(p) };
            var progress = new ConsoleProgress(stderr, "Reading transactions");
            var run = SegmentationPipeline.Run(() => input.Open(p), options, progress);
            progress.Done();

            var write = Stopwatch.StartNew();
            var folder = new RunFolder(p.GetValue(output)!);
            var stages = run.Timings.ToList();
            var written = new List<string>();
            try
            {
                var files = new RunFiles(folder.Staging);
                written.AddRange(files.Write(run));
                stages.Add(new StageTiming("outputs", write.Elapsed));
                if (!p.GetValue(noReport))
                {
                    var report = Stopwatch.StartNew();
                    var reportOptions = new ReportOptions { RunDate = DateTime.Now };
                    var pdf = Path.Combine(files.Folder, "report.pdf");
                    SegmentPdfReport.Write(run, pdf, reportOptions);
                    stages.Add(new StageTiming("report pdf", report.Elapsed));
                    report.Restart();
                    var html = Path.Combine(files.Folder, "report.html");
                    HtmlReport.Write(run, html, reportOptions);
                    stages.Add(new StageTiming("report html", report.Elapsed));
                    written.Add(pdf);
                    written.Add(html);
                }
            }
            catch
            {
                folder.Abandon();
                throw;
            }
            var aside = folder.Commit();
            written = written.Select(folder.Final).ToList();
            if (!p.GetValue(noHistory))
            {
                using var history = RunHistory.Open(p.GetValue(historyPath) ?? RunFolder.DefaultHistory(folder.Destination));
                if (aside is not null) history.Relocate(folder.Destination, aside);
                var id = history.Record(run, "run", folder.Destination, p.GetValue(input.Input) ?? "sample");
                written.Add($"{RunFolder.DefaultHistory(folder.Destination)} (run {id})");
            }

            Summary.WriteQuality(stdout, run.Quality);
            Summary.WriteRfm(stdout, run.Rfm);
            Summary.WriteSweep(stdout, run);
            Summary.WriteSegments(stdout, run.Profiles);
            stdout.WriteLine();
            foreach (var file in written) stdout.WriteLine($"Wrote {file}");
            if (aside is not null) stdout.WriteLine($"The earlier run in that folder was moved to {aside}");
            if (p.GetValue(timings)) Summary.WriteTimings(stdout, stages, total.Elapsed);
            if (p.GetValue(timingsJson) is { } json)
            {
                var seconds = stages.ToDictionary(s => s.Stage, s => Math.Round(s.Elapsed.TotalSeconds, 4));
                seconds["total"] = Math.Round(total.Elapsed.TotalSeconds, 4);
                Json.Write(json, new { seconds, rows_in = run.Quality.RowsIn, customers = run.Rfm.Count, k = run.Choice.K });
            }
            return ExitCodes.Ok;
        }));
        return command;
    }
}
