using System.CommandLine;
using System.Diagnostics;
using Segmentation.App;
using Segmentation.IO;
using Segmentation.Lifetime;
using Segmentation.Reporting;
using Segmentation.Runs;

namespace Segmentation.Cli;

/// <summary><c>run</c>: the whole pipeline from a transactions file (or the sample) into an output folder.</summary>
internal static class RunCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var input = new InputArguments();
        var clustering = new ClusteringArguments();
        var publish = new PublishArguments(Path.Combine("data", "processed", "run"));
        var timings = new Option<bool>("--timings") { Description = "Print the time spent in each stage." };
        var timingsJson = new Option<string?>("--timings-json") { Description = "Also write the stage timings (seconds) to this JSON file (used by the benchmark)." };
        var command = new Command("run",
            "Run the pipeline: ingest, cleaning, RFM, k sweep, segments. Writes customer_segments.csv, segment_profile.csv, metrics.json, model.zip, rfm.csv, data_quality.json and the reports into --out.");
        input.AddTo(command);
        clustering.AddTo(command);
        publish.AddTo(command);
        var clv = new Option<bool>("--clv") { Description = "Also estimate lifetime value (a purchase model, --btyd-model, and Gamma-Gamma on the whole history): P(alive), expected purchases and CLV per customer, CLV by segment, and campaign lists in targets/." };
        var clvCheck = new Option<string?>("--clv-calibration-end") { Description = "With --clv: also check the model, fitted on purchases to this day (yyyy-MM-dd), against the rest (the values still come from the whole history)." };
        var model = ClvCommand.ModelOption();
        var unit = ClvCommand.UnitOption("--clv-unit");
        var (topShare, aliveBelow) = ClvCommand.AtRiskOptions();
        command.Options.Add(clv);
        command.Options.Add(topShare);
        command.Options.Add(aliveBelow);
        command.Options.Add(unit);
        command.Options.Add(clvCheck);
        command.Options.Add(model);
        command.Options.Add(timings);
        command.Options.Add(timingsJson);
        command.SetAction(p => Guard.Run(stderr, () =>
        {
            var total = Stopwatch.StartNew();
            var request = new RunRequest(input.Source(p, stderr))
            {
                Options = new SegmentationOptions { Prepare = input.Prepare(p), Clustering = clustering.Options(p), Clv = p.GetValue(clv) ? ClvOptions.Default with { CalibrationEnd = ClvCommand.Day(p.GetValue(clvCheck), OptionNames.CalibrationEnd), Model = p.GetValue(model), Unit = p.GetValue(unit), AtRiskTopShare = p.GetValue(topShare), AtRiskAliveBelow = p.GetValue(aliveBelow) } : null },
                Publish = publish.Options(p),
            };
            var progress = new ConsoleProgress(stderr, "Reading transactions");
            var outcome = SegmentationApp.Run(request, ReportRenderer.Instance, progress);
            progress.Done();

            Summary.Write(stdout, outcome.Report);
            stdout.WriteLine();
            PublishArguments.Print(stdout, outcome.Published);
            if (p.GetValue(timings))
            {
                Summary.WriteTimings(stdout, outcome.Timings, total.Elapsed);
                if (outcome.Run.Prepared.SourceBytes is { } bytes) stdout.WriteLine($"  the database sent {bytes:N0} bytes (its rows per customer, month, country and product)");
            }
            if (p.GetValue(timingsJson) is { } json)
            {
                var seconds = outcome.Timings.ToDictionary(s => s.Stage, s => Math.Round(s.Elapsed.TotalSeconds, 4));
                seconds["total"] = Math.Round(total.Elapsed.TotalSeconds, 4);
                Json.Write(json, new { seconds, rows_in = outcome.Run.Quality.RowsIn, customers = outcome.Run.Rfm.Count, k = outcome.Run.Choice.K, source_bytes = outcome.Run.Prepared.SourceBytes });
            }
            return ExitCodes.Ok;
        }));
        return command;
    }
}
