using System.CommandLine;
using System.Diagnostics;
using Segmentation.Output;
using Segmentation.Pipeline;

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
        var publish = new PublishArguments();
        var timingsJson = new Option<string?>("--timings-json") { Description = "Also write the stage timings (seconds) to this JSON file (used by the benchmark)." };
        var command = new Command("run",
            "Run the pipeline: ingest, cleaning, RFM, k sweep, segments. Writes customer_segments.csv, segment_profile.csv, metrics.json, model.zip, rfm.csv and data_quality.json into --out.");
        input.AddTo(command);
        clustering.AddTo(command);
        command.Options.Add(output);
        command.Options.Add(timings);
        command.Options.Add(timingsJson);
        publish.AddTo(command);
        command.SetAction(p => Guard.Run(stderr, () =>
        {
            var total = Stopwatch.StartNew();
            var options = new SegmentationOptions { Prepare = input.Prepare(p), Clustering = clustering.Options(p) };
            var progress = new ConsoleProgress(stderr, "Reading transactions");
            var run = SegmentationPipeline.Run(() => input.Open(p), options, progress);
            progress.Done();

            var stages = run.Timings.ToList();
            var published = RunPublisher.Publish(p, publish, p.GetValue(output)!, staging => new RunFiles(staging).Write(run),
                run, null, "run", p.GetValue(input.Input) ?? "sample", null, stages);

            Summary.WriteQuality(stdout, run.Quality);
            Summary.WriteRfm(stdout, run.Rfm);
            Summary.WriteSweep(stdout, run);
            Summary.WriteSegments(stdout, run.Profiles);
            stdout.WriteLine();
            RunPublisher.Print(stdout, published);
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
