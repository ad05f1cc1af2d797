using System.CommandLine;
using Segmentation.App;

namespace Segmentation.Cli;

/// <summary><c>score</c>: puts the customers of a new transactions file into the segments of a saved model.</summary>
internal static class ScoreCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var input = new InputArguments();
        var model = new Option<string>("--model", "-m") { Description = "A model.zip written by run.", Required = true };
        var output = new Option<string>("--out", "-o") { Description = "The CSV to write (same columns as customer_segments.csv).", DefaultValueFactory = _ => Path.Combine("data", "processed", "scored_segments.csv") };
        var wholeFile = new Option<bool>("--whole-file") { Description = "Count RFM over every row of the file. By default a file that covers more days than the model's training window is counted over the model's length only, back from its last day, so that frequency and spend mean what they meant when the model was fitted." };
        var writeBack = PublishArguments.WriteBackOption();
        var command = new Command("score", "Apply a saved model to a transactions file without refitting; writes each customer's segment.");
        input.AddTo(command);
        command.Options.Add(model);
        command.Options.Add(output);
        command.Options.Add(wholeFile);
        command.Options.Add(writeBack);
        command.SetAction(p => Guard.Run(stderr, () =>
        {
            var request = new ScoreRequest(input.Source(p, stderr), p.GetValue(model)!) { Prepare = input.Prepare(p), Output = p.GetValue(output)!, WholeFile = p.GetValue(wholeFile), WriteBack = p.GetValue(writeBack) };
            var progress = new ConsoleProgress(stderr, "Reading transactions");
            var outcome = SegmentationApp.Score(request, progress);
            progress.Done();
            Summary.WriteQuality(stdout, outcome.Prepared.Quality);
            Summary.WriteScoreCheck(stdout, outcome.Check);
            if (outcome.WrittenBack is { ScoredInDatabase: true } inDatabase)
            {
                stdout.WriteLine($"Scored in the database ({outcome.Prepared.SourceBytes:N0} bytes came back: the totals and the distributions of recency, orders and spend); no customer file is written:");
                foreach (var (segment, customers) in inDatabase.Segments) stdout.WriteLine($"  {segment,-20} {customers,12:N0}");
            }
            else
            {
                Summary.WriteSegments(stdout, outcome.Profiles);
            }
            foreach (var warning in outcome.Check.Warnings) stderr.WriteLine($"warning: {warning}");
            if (outcome.Output is not null) stdout.WriteLine($"Wrote {outcome.Output}");
            PublishArguments.PrintWriteBack(stdout, outcome.WrittenBack);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
