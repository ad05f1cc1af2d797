using Segmentation.Output;

namespace Segmentation.Refresh;

/// <summary>A refresh's output folder: a complete run (so it can be the previous run of the next refresh) plus the comparison.</summary>
public sealed record RefreshFiles(string Folder)
{
    public string Refresh => Path.Combine(Folder, "refresh.json");
    public string Migration => Path.Combine(Folder, "migration.csv");

    public IReadOnlyList<string> Write(RefreshResult result, string previousFolder, RefreshOptions options)
    {
        var written = new List<string>();
        var run = new RunFiles(Folder);
        if (result.Refit is { } refit)
        {
            // The refit's own files, with the customers relabelled to the kept identities.
            written.AddRange(run.Write(refit));
        }
        SegmentsCsv.WriteCustomers(run.CustomerSegments, result.Customers);
        if (!written.Contains(run.CustomerSegments)) written.Add(run.CustomerSegments);
        AtomicFile.WriteText(Migration, w =>
        {
            w.WriteLine("From,To,Customers,Revenue");
            foreach (var c in result.Migration.Cells) w.WriteLine($"{Csv.Field(c.From)},{Csv.Field(c.To)},{Csv.Number(c.Customers)},{Csv.Number(c.Revenue)}");
        });
        Json.Write(Refresh, new
        {
            previous = previousFolder,
            mode = options.Refit ? "refit" : "score",
            thresholds = options,
            result.Drift,
            movements = result.Movements,
            migration_customers = result.Migration.Customers,
        });
        written.Add(Migration);
        written.Add(Refresh);
        return written;
    }
}
