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
        var output = new Option<string>("--out", "-o") { Description = "Output folder.", DefaultValueFactory = _ => Path.Combine("data", "processed", "run") };
        var timings = new Option<bool>("--timings") { Description = "Print the time spent in each stage." };
        var command = new Command("run", "Run the pipeline: ingest, cleaning, RFM, into an output folder (rfm.csv, data_quality.json).");
        input.AddTo(command);
        command.Options.Add(output);
        command.Options.Add(timings);
        command.SetAction(p => Guard.Run(stderr, () =>
        {
            var total = Stopwatch.StartNew();
            var options = input.Prepare(p);
            var progress = new ConsoleProgress(stderr, "Reading transactions");
            var prepared = Preparation.Run(() => input.Open(p), options, progress);
            progress.Done();

            var outDir = p.GetValue(output)!;
            var write = Stopwatch.StartNew();
            var files = OutputFiles.For(outDir);
            RfmCsv.Write(files.Rfm, prepared.Rfm);
            Json.Write(files.DataQuality, prepared.Quality);
            var stages = prepared.Timings.Append(new StageTiming("outputs", write.Elapsed)).ToList();

            Summary.WriteQuality(stdout, prepared.Quality);
            Summary.WriteRfm(stdout, prepared.Rfm);
            stdout.WriteLine();
            stdout.WriteLine($"Wrote {files.Rfm}");
            stdout.WriteLine($"Wrote {files.DataQuality}");
            if (p.GetValue(timings)) Summary.WriteTimings(stdout, stages, total.Elapsed);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
