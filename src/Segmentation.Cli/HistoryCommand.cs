using System.CommandLine;
using Segmentation.App;
using Segmentation.Formatting;

namespace Segmentation.Cli;

/// <summary><c>history list</c> and <c>history compare A B</c>: the runs recorded beside the run folders.</summary>
internal static class HistoryCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var db = new Option<string>("--db") { Description = "The history database.", DefaultValueFactory = _ => Path.Combine("data", "processed", "history.db") };
        var list = new Command("list", "List the recorded runs.") { db };
        list.SetAction(p => Guard.Run(stderr, () =>
        {
            stdout.WriteLine($"{"id",4}  {"created (UTC)",-17}{"kind",-9}{"k",3}{"customers",11}{"silhouette",12}  {"seed",6}  folder");
            foreach (var r in SegmentationApp.History(p.GetValue(db)!).List())
            {
                stdout.WriteLine($"{r.Id,4}  {Display.DateTime(r.Created),-17}{r.Kind,-9}{r.K,3}{Display.Count(r.Customers),11}{Display.Number(r.Silhouette, 4),12}  {r.Seed,6}  {r.Folder}{(Directory.Exists(r.Folder) ? "" : " (folder deleted)")}{(r.PreviousId is { } prev ? $" (refresh of {prev})" : "")}");
            }
            return ExitCodes.Ok;
        }));

        var a = new Argument<long>("first") { Description = "A run id from history list." };
        var b = new Argument<long>("second") { Description = "Another run id." };
        var compare = new Command("compare", "Compare two recorded runs: inputs, settings, k, quality and segment sizes.") { db, a, b };
        compare.SetAction(p => Guard.Run(stderr, () =>
        {
            var (x, y) = (p.GetValue(a), p.GetValue(b));
            var lines = SegmentationApp.History(p.GetValue(db)!).Compare(x, y);
            stdout.WriteLine($"  {"",-22}{"run " + x,22}{"run " + y,22}");
            foreach (var line in lines) stdout.WriteLine($"  {line.What,-22}{line.First,22}{line.Second,22}{(line.Differs ? "   *" : "")}");
            stdout.WriteLine("  (* differs)");
            return ExitCodes.Ok;
        }));
        return new Command("history", "The runs recorded in the history database.") { list, compare };
    }
}
