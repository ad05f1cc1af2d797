using Segmentation.IO;
using Segmentation.Runs.Refresh;

namespace Segmentation.Runs.Files;

/// <summary>A refresh's output folder: a complete run (so it can be the previous run of the next refresh) plus the comparison.</summary>
internal sealed record RefreshFiles(string Folder)
{
    public string Refresh => Path.Combine(Folder, "refresh.json");
    public string Migration => Path.Combine(Folder, "migration.csv");

    public IReadOnlyList<string> Write(RefreshResult result)
    {
        // Every run file from the one relabelled run: the kept identities in each of them.
        var written = new RunFiles(Folder).Write(result.Run).ToList();
        AtomicFile.WriteText(Migration, w =>
        {
            w.WriteLine("From,To,Customers,Revenue");
            foreach (var c in result.Migration.Cells) w.WriteLine($"{Csv.Field(c.From)},{Csv.Field(c.To)},{Csv.Number(c.Customers)},{Csv.Number(c.Revenue)}");
        });
        Json.Write(Refresh, new
        {
            previous = result.PreviousFolder,
            mode = result.Options.Refit ? "refit" : "score",
            thresholds = result.Options,
            result.Drift,
            movements = result.Movements,
            migration_customers = result.Migration.Customers,
        });
        written.Add(Migration);
        written.Add(Refresh);
        return written;
    }
}
