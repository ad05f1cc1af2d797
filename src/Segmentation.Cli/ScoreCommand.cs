using System.CommandLine;
using Segmentation.Model;
using Segmentation.Output;
using Segmentation.Pipeline;

namespace Segmentation.Cli;

/// <summary><c>score</c>: puts the customers of a new transactions file into the segments of a saved model.</summary>
internal static class ScoreCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var input = new InputArguments();
        var model = new Option<string>("--model", "-m") { Description = "A model.zip written by run.", Required = true };
        var output = new Option<string>("--out", "-o") { Description = "The CSV to write (same columns as customer_segments.csv).", DefaultValueFactory = _ => Path.Combine("data", "processed", "scored_segments.csv") };
        var command = new Command("score", "Apply a saved model to a transactions file without refitting; writes each customer's segment.");
        input.AddTo(command);
        command.Options.Add(model);
        command.Options.Add(output);
        command.SetAction(p => Guard.Run(stderr, () =>
        {
            var saved = ModelFile.Load(p.GetValue(model)!);
            var progress = new ConsoleProgress(stderr, "Reading transactions");
            var (prepared, customers) = Scoring.Score(saved, () => input.Open(p), input.Prepare(p), progress);
            progress.Done();
            var path = p.GetValue(output)!;
            SegmentsCsv.WriteCustomers(path, customers);
            Summary.WriteQuality(stdout, prepared.Quality);
            var profiles = saved.Profiles(customers);
            Summary.WriteSegments(stdout, profiles);
            stdout.WriteLine($"Wrote {path}");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
