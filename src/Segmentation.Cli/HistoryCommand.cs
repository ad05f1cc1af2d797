using System.CommandLine;
using Segmentation.Formatting;
using Segmentation.History;

namespace Segmentation.Cli;

/// <summary><c>history list</c> and <c>history compare A B</c>: the runs recorded beside the run folders.</summary>
internal static class HistoryCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var db = new Option<string>("--db") { Description = "The history database.", DefaultValueFactory = _ => Path.Combine("data", "processed", RunHistory.FileName) };
        var list = new Command("list", "List the recorded runs.") { db };
        list.SetAction(p => Guard.Run(stderr, () =>
        {
            using var history = RunHistory.Open(p.GetValue(db)!, create: false);
            stdout.WriteLine($"{"id",4}  {"created (UTC)",-17}{"kind",-9}{"k",3}{"customers",11}{"silhouette",12}  {"seed",6}  folder");
            foreach (var r in history.List())
            {
                stdout.WriteLine($"{r.Id,4}  {Display.DateTime(r.Created),-17}{r.Kind,-9}{r.K,3}{Display.Count(r.Customers),11}{Display.Number(r.Silhouette, 4),12}  {r.Seed,6}  {r.Folder}{(r.PreviousId is { } prev ? $" (refresh of {prev})" : "")}");
            }
            return ExitCodes.Ok;
        }));

        var a = new Argument<long>("first") { Description = "A run id from history list." };
        var b = new Argument<long>("second") { Description = "Another run id." };
        var compare = new Command("compare", "Compare two recorded runs: inputs, settings, k, quality and segment sizes.") { db, a, b };
        compare.SetAction(p => Guard.Run(stderr, () =>
        {
            using var history = RunHistory.Open(p.GetValue(db)!, create: false);
            var (x, y) = (history.Get(p.GetValue(a)), history.Get(p.GetValue(b)));
            void Line(string what, string left, string right) =>
                stdout.WriteLine($"  {what,-22}{left,22}{right,22}{(left == right ? "" : "   *")}");
            stdout.WriteLine($"  {"",-22}{"run " + x.Id,22}{"run " + y.Id,22}");
            Line("created (UTC)", Display.DateTime(x.Created), Display.DateTime(y.Created));
            Line("kind", x.Kind, y.Kind);
            Line("input", Path.GetFileName(x.Input), Path.GetFileName(y.Input));
            Line("input sha256", Short(x.InputSha256), Short(y.InputSha256));
            Line("seed", x.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture), y.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Line("k", x.K.ToString(System.Globalization.CultureInfo.InvariantCulture), y.K.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Line("customers", Display.Count(x.Customers), Display.Count(y.Customers));
            Line("silhouette", Display.Number(x.Silhouette, 4), Display.Number(y.Silhouette, 4));
            Line("parameters", x.Parameters == y.Parameters ? "same" : "differ", x.Parameters == y.Parameters ? "same" : "differ");
            foreach (var name in x.SegmentSizes.Keys.Union(y.SegmentSizes.Keys).Order(StringComparer.Ordinal))
            {
                Line("  " + name, x.SegmentSizes.TryGetValue(name, out var n1) ? Display.Count(n1) : "-", y.SegmentSizes.TryGetValue(name, out var n2) ? Display.Count(n2) : "-");
            }
            stdout.WriteLine("  (* differs)");
            return ExitCodes.Ok;
        }));
        return new Command("history", "The runs recorded in the history database.") { list, compare };
    }

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash.Length == 0 ? "(sample)" : hash;
}
