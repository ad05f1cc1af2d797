using System.CommandLine;
using System.Diagnostics;
using Segmentation.History;
using Segmentation.Pipeline;
using Segmentation.Refresh;
using Segmentation.Reporting;
using Segmentation.Reporting.Html;

namespace Segmentation.Cli;

/// <summary>The flags of a command that publishes a run folder: reports and history.</summary>
internal sealed class PublishArguments
{
    public Option<bool> NoReport { get; } = new("--no-report") { Description = "Skip the PDF and HTML reports." };
    public Option<string?> History { get; } = new("--history") { Description = "The run history database (default: history.db in the folder that holds --out)." };
    public Option<bool> NoHistory { get; } = new("--no-history") { Description = "Do not record the run in the history." };

    public void AddTo(Command command)
    {
        foreach (var o in new Option[] { NoReport, History, NoHistory }) command.Options.Add(o);
    }
}

/// <summary>What a publication wrote, where an earlier run went, and the history id.</summary>
internal sealed record Published(IReadOnlyList<string> Files, string? MovedAside, string? History, long? HistoryId);

/// <summary>
/// Publishes a run folder, for run and refresh alike: the files are written into a staging folder with the
/// reports, moved into place, and the run is recorded in the history (which follows a run moved aside).
/// </summary>
internal static class RunPublisher
{
    public static Published Publish(ParseResult p, PublishArguments args, string destination, Func<string, IEnumerable<string>> writeFiles,
        SegmentationRun? run, RefreshResult? refresh, string kind, string input, string? previousFolder, List<StageTiming> stages)
    {
        var folder = new RunFolder(destination);
        var written = new List<string>();
        try
        {
            var clock = Stopwatch.StartNew();
            written.AddRange(writeFiles(folder.Staging));
            stages.Add(new StageTiming("outputs", clock.Elapsed));
            if (run is not null && !p.GetValue(args.NoReport))
            {
                var options = new ReportOptions { RunDate = DateTime.Now };
                clock.Restart();
                written.Add(Path.Combine(folder.Staging, "report.pdf"));
                SegmentPdfReport.Write(run, written[^1], options, refresh);
                stages.Add(new StageTiming("report pdf", clock.Elapsed));
                clock.Restart();
                written.Add(Path.Combine(folder.Staging, "report.html"));
                HtmlReport.Write(run, written[^1], options, refresh);
                stages.Add(new StageTiming("report html", clock.Elapsed));
            }
        }
        catch
        {
            folder.Abandon();
            throw;
        }
        // The run folder is in place before the history is touched: a damaged history never costs a run.
        var aside = folder.Commit();
        var files = written.Select(folder.Final).ToList();
        if (run is null || p.GetValue(args.NoHistory)) return new Published(files, aside, null, null);

        var path = p.GetValue(args.History) ?? RunFolder.DefaultHistory(folder.Destination);
        using var history = RunHistory.Open(path);
        if (aside is not null) history.Relocate(folder.Destination, aside);
        var previousId = previousFolder is null ? null : history.List().LastOrDefault(r => r.Folder == Path.GetFullPath(previousFolder))?.Id;
        var id = history.Record(run, kind, folder.Destination, input, previousId);
        return new Published(files, aside, path, id);
    }

    public static void Print(TextWriter stdout, Published published)
    {
        foreach (var file in published.Files) stdout.WriteLine($"Wrote {file}");
        if (published.HistoryId is { } id) stdout.WriteLine($"Recorded as run {id} in {published.History}");
        if (published.MovedAside is { } aside) stdout.WriteLine($"The earlier run in that folder was moved to {aside}");
    }
}
