using System.Diagnostics;
using Segmentation.Clustering.Segments;
using Segmentation.Prepare;
using Segmentation.Runs.Files;
using Segmentation.Runs.History;

namespace Segmentation.App;

/// <summary>
/// Publishes a run folder, for run and refresh alike: the files and the reports are written into a staging folder,
/// moved into place, and the run is recorded in the history (which follows a run moved aside).
/// </summary>
internal static class Publisher
{
    public static Published Publish(Publication publication, PublishOptions options, TransactionSource source, IReportRenderer? renderer, List<StageTiming> stages)
    {
        var folder = new RunFolder(options.Folder);
        var written = new List<string>();
        try
        {
            var clock = Stopwatch.StartNew();
            written.AddRange(publication.Write(folder.Staging));
            stages.Add(new StageTiming("outputs", clock.Elapsed));
            if (renderer is not null && options.Reports)
            {
                foreach (var file in renderer.Render(publication.Report, folder.Staging))
                {
                    written.Add(file.Path);
                    stages.Add(new StageTiming("report " + System.IO.Path.GetExtension(file.Path).TrimStart('.'), file.Elapsed));
                }
            }
        }
        catch
        {
            folder.Abandon();
            throw;
        }
        // The run folder is in place before the history is touched: a damaged history never costs a run.
        var (aside, deleted) = folder.Commit(options.KeepPrevious);
        var files = written.Select(folder.Final).ToList();
        string? path = null;
        long? id = null;
        var run = publication.Run;
        if (options.RecordHistory)
        {
            path = options.History ?? RunLayout.HistoryBeside(folder.Destination);
            using var history = RunHistory.Open(path);
            if (aside is not null) history.Relocate(folder.Destination, aside);
            var previousId = publication.PreviousFolder is { } previous ? history.List().LastOrDefault(r => r.Folder == System.IO.Path.GetFullPath(previous))?.Id : null;
            id = history.Record(run, publication.Kind, folder.Destination, source.HistoryName, source.Fingerprint(run.Prepared), previousId);
        }
        // Last, with the history's id to carry: a table that cannot be written costs neither the run folder nor its record.
        WrittenBack? back;
        try
        {
            back = WriteBackTo(options.WriteBack, source, run.Customers, id, run.Prepared.Rfm.Snapshot);
        }
        catch (InputException e)
        {
            var recorded = id is { } n ? $" and recorded as run {n}" : "";
            throw new InputException(e.File, $"{e.Reason}; the run in {folder.Destination} is published{recorded}, the table is as it was", inner: e, option: e.Option);
        }
        return new Published(folder.Destination, files, aside, path, id) { DeletedPrevious = deleted, WrittenBack = back };
    }

    /// <summary>Writes the customers into the source database's <paramref name="table"/>, when one is named.</summary>
    public static WrittenBack? WriteBackTo(string? table, TransactionSource source, IReadOnlyList<CustomerSegment> customers, long? runId, DateTime snapshot)
    {
        if (table is null) return null;
        var database = source.SourceDatabase ?? throw NotADatabase();
        return new WrittenBack(database.Describe(), table, WriteBack.Write(database, table, customers, runId, snapshot));
    }

    /// <summary>Fails before any data is read when the folder cannot be a run folder, or results are to be written back to a source that is no database.</summary>
    public static void Check(PublishOptions options, TransactionSource source)
    {
        Check(options);
        CheckWriteBack(options.WriteBack, source);
    }

    public static void CheckWriteBack(string? table, TransactionSource source)
    {
        if (table is not null && source.SourceDatabase is null) throw NotADatabase();
    }

    private static OptionException NotADatabase() =>
        new(OptionNames.WriteBack, $"results are written back into the database the transactions come from: read them with {OptionException.Ref(OptionNames.Database)}");

    private static void Check(PublishOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Folder)) throw new OptionException(OptionNames.Output, "name a folder for the run");
        if (File.Exists(options.Folder)) throw new OptionException(OptionNames.Output, $"'{options.Folder}' is a file; name a folder for the run");
        OptionsValidator.Validate(options);
        // The run is staged beside its folder: the nearest existing folder on the way there must take a new entry.
        var existing = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(options.Folder).TrimEnd(System.IO.Path.DirectorySeparatorChar));
        while (existing is not null && !Directory.Exists(existing)) existing = System.IO.Path.GetDirectoryName(existing);
        if (existing is null) return;
        if (File.Exists(existing)) throw new OptionException(OptionNames.Output, $"'{existing}' is a file; name a folder for the run");
        var probe = System.IO.Path.Combine(existing, $".segmentation-probe-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(probe);
            Directory.Delete(probe);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new OptionException(OptionNames.Output, $"cannot write in '{existing}' ({e.Message.ReplaceLineEndings(" ")})");
        }
    }
}
