using System.CommandLine;
using Segmentation.App;
using Segmentation.Formatting;
using Segmentation.Reporting;
using Segmentation.Runs;
using Segmentation.Runs.Refresh;

namespace Segmentation.Cli;

/// <summary><c>refresh</c>: re-segments a new period against a previous run: stable names, who moved, drift.</summary>
internal static class RefreshCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var input = new InputArguments();
        var clustering = new ClusteringArguments();
        var previous = new Option<string>("--previous", "-p") { Description = "The previous run's output folder (model.zip and customer_segments.csv).", Required = true };
        var scoreOnly = new Option<bool>("--score-only") { Description = "Score the new period with the previous model instead of refitting." };
        var publish = new PublishArguments(Path.Combine("data", "processed", "refresh"));
        var command = new Command("refresh", "Re-segment a new period (a new file, or --as-of on the same file) against a previous run: segments keep their names, migration and drift are reported.");
        input.AddTo(command);
        clustering.AddTo(command);
        command.Options.Add(previous);
        command.Options.Add(scoreOnly);
        publish.AddTo(command);
        command.SetAction(p => Guard.Run(stderr, () =>
        {
            var request = new RefreshRequest(input.Source(p, stderr), p.GetValue(previous)!)
            {
                Options = new SegmentationOptions { Prepare = input.Prepare(p), Clustering = clustering.Options(p) },
                Refresh = RefreshOptions.Default with { Refit = !p.GetValue(scoreOnly) },
                Publish = publish.Options(p),
            };
            var progress = new ConsoleProgress(stderr, "Reading transactions");
            var outcome = SegmentationApp.Refresh(request, ReportRenderer.Instance, progress);
            progress.Done();

            var result = outcome.Result;
            stdout.WriteLine($"Refresh of {result.PreviousFolder}: {Display.Count(result.Customers.Count)} customers as of {Display.Date(outcome.Run.Rfm.Snapshot)} ({(request.Refresh.Refit ? "refit" : "scored with the previous model")})");
            foreach (var m in result.Drift.Matches) stdout.WriteLine($"  {m.Segment,-20} {m.Status,-5}{(m.Distance is { } x ? $"  centre moved {Display.Number(x, 2)} sd" : "")}");
            Summary.WriteChanges(stdout, outcome.Report);
            Summary.WriteSegments(stdout, outcome.Report.Profiles);
            stdout.WriteLine();
            PublishArguments.Print(stdout, outcome.Published);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
