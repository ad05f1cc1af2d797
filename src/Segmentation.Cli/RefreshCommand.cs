using System.CommandLine;
using Segmentation.Formatting;
using Segmentation.Pipeline;
using Segmentation.Refresh;

namespace Segmentation.Cli;

/// <summary><c>refresh</c>: re-segments a new period against a previous run: stable names, who moved, drift.</summary>
internal static class RefreshCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var input = new InputArguments();
        var clustering = new ClusteringArguments();
        var previous = new Option<string>("--previous", "-p") { Description = "The previous run's output folder (model.zip and customer_segments.csv).", Required = true };
        var output = new Option<string>("--out", "-o") { Description = "Output folder of the refreshed run.", DefaultValueFactory = _ => Path.Combine("data", "processed", "refresh") };
        var scoreOnly = new Option<bool>("--score-only") { Description = "Score the new period with the previous model instead of refitting." };
        var publish = new PublishArguments();
        var command = new Command("refresh", "Re-segment a new period (a new file, or --as-of on the same file) against a previous run: segments keep their names, migration and drift are reported.");
        input.AddTo(command);
        clustering.AddTo(command);
        foreach (var o in new Option[] { previous, output, scoreOnly }) command.Options.Add(o);
        publish.AddTo(command);
        command.SetAction(p => Guard.Run(stderr, () =>
        {
            var folder = Path.GetFullPath(p.GetValue(output)!);
            var before = PreviousRun.Load(p.GetValue(previous)!);
            if (Path.GetFullPath(before.Folder) == folder) throw new InputException(folder, "the refresh would overwrite the previous run; give another --out");
            var options = new RefreshOptions { Refit = !p.GetValue(scoreOnly) };
            var progress = new ConsoleProgress(stderr, "Reading transactions");
            var current = Preparation.Run(() => input.Open(p), input.Prepare(p), progress);
            progress.Done();
            var result = Refresher.Run(before, current, new SegmentationOptions { Prepare = input.Prepare(p), Clustering = clustering.Options(p) }, options);
            var published = RunPublisher.Publish(p, publish, folder, staging => new RefreshFiles(staging).Write(result, before.Folder, options),
                result.Refit, result, "refresh", p.GetValue(input.Input) ?? "sample", before.Folder, []);

            var d = result.Drift;
            stdout.WriteLine($"Refresh of {before.Folder}: {Display.Count(result.Customers.Count)} customers as of {Display.Date(current.Rfm.Snapshot)} ({(options.Refit ? "refit" : "scored with the previous model")})");
            foreach (var m in d.Matches) stdout.WriteLine($"  {m.Segment,-20} {m.Status,-5}{(m.Distance is { } x ? $"  centre moved {Display.Number(x, 2)} sd" : "")}");
            stdout.WriteLine($"Drift: PSI recency {Display.Number(d.PsiRecency, 3)}, frequency {Display.Number(d.PsiFrequency, 3)}, monetary {Display.Number(d.PsiMonetary, 3)}, segment shares {Display.Number(d.PsiSegmentShares, 3)}; adjusted Rand index {Display.Number(d.AdjustedRandIndex, 3)}");
            stdout.WriteLine(d.RefitRecommended ? "Refit recommended: " + string.Join("; ", d.Reasons) : "No refit needed: every measure is within its threshold.");
            stdout.WriteLine("Biggest movements:");
            foreach (var m in result.Movements) stdout.WriteLine("  " + m);
            RunPublisher.Print(stdout, published);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
