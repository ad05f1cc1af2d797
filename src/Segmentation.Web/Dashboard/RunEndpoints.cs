using Microsoft.AspNetCore.Http;
using Segmentation.App;
using Segmentation.Formatting;
using Segmentation.Reporting;

namespace Segmentation.Web.Dashboard;

/// <summary>The runs the page saves and lists, and a refresh of the session's data against one of them.</summary>
internal static class RunEndpoints
{
    internal static IResult Runs(HttpContext context, SessionStore sessions, ServeOptions options)
    {
        var history = RunsHistory(options);
        if (!File.Exists(history)) return Results.Json(new { history = Path.GetFileName(history), runs = Array.Empty<object>() });
        var runs = SegmentationApp.History(history).List().Reverse().Select(r => new
        {
            r.Id,
            created = Display.DateTime(r.Created),
            r.Kind,
            folder = Path.GetFileName(r.Folder.TrimEnd(Path.DirectorySeparatorChar)),
            input = Path.GetFileName(r.Input),
            r.K,
            customers = Display.Count(r.Customers),
            silhouette = Display.Number(r.Silhouette, 3),
            segments = string.Join(", ", r.SegmentSizes.Select(s => $"{s.Key} {Display.Count(s.Value)}")),
            available = Directory.Exists(r.Folder),
        });
        return Results.Json(new { history = Path.GetFileName(history), runs });
    }

    /// <summary>The history the Runs page lists: beside the served run folder, or in the folder the dashboard saves runs to.</summary>
    internal static string RunsHistory(ServeOptions options) =>
        options.RunFolder is { } folder ? SegmentationApp.HistoryBeside(folder) : SegmentationApp.HistoryIn(options.RunsFolder);

    /// <summary>Where the web door publishes a new run of <paramref name="kind"/> (a folder of its own beside the history the Runs page lists).</summary>
    internal static PublishOptions Publishing(ServeOptions options, string kind) => new()
    {
        Folder = Path.Combine(Path.GetDirectoryName(RunsHistory(options))!, $"{kind}-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}"),
        History = RunsHistory(options),
    };

    /// <summary>Publishes the session's run at the k on screen as a run folder (with its reports) and records it in the history.</summary>
    internal static async Task<IResult> Save(HttpContext context, SessionStore sessions, ServeOptions options, PipelineQueue queue)
    {
        var session = sessions.Get(context);
        if (session.Run is not { } run) return DashboardApi.Message("upload a file first", StatusCodes.Status404NotFound);
        var publish = Publishing(options, "run");
        var folderName = Path.GetFileName(publish.Folder);
        var published = await queue.Run(() => SegmentationApp.Publish(run.Shown, run.Source, publish, ReportRenderer.Instance), fits: false).ConfigureAwait(false);
        return Results.Json(new { folder = folderName, id = published.HistoryId });
    }

    /// <summary>The session's data as a new period against a recorded run: its segments kept, who moved where, and the drift.</summary>
    internal static async Task<IResult> Refresh(long id, HttpContext context, SessionStore sessions, ServeOptions options, PipelineQueue queue)
    {
        var session = sessions.Get(context);
        if (session.Run is not { } run) return DashboardApi.Message("upload a file first", StatusCodes.Status404NotFound);
        var history = RunsHistory(options);
        var record = File.Exists(history) ? SegmentationApp.History(history).List().FirstOrDefault(r => r.Id == id) : null;
        if (record is null || !Directory.Exists(record.Folder)) return DashboardApi.Message($"run {id} is not in the history, or its folder is gone", StatusCodes.Status404NotFound);
        try
        {
            var result = await queue.Run(() => SegmentationApp.Refresh(SegmentationApp.LoadPrevious(record.Folder), run.Full.Prepared, run.Full.Options), fits: true).ConfigureAwait(false);
            var report = SegmentationApp.Report(result.Run, refresh: result);
            var changes = report.Changes!;
            return Results.Json(new
            {
                previous = id,
                changes.Verdict,
                changes.Movements,
                drift = changes.Drift.Select(d => new { d.Measure, value = Display.Number(d.Value, 3), d.Reading }),
                migration = new
                {
                    from = changes.Migration.From,
                    to = changes.Migration.To,
                    counts = changes.Migration.From.Select(f => changes.Migration.To.Select(t => changes.Migration.Count(f, t))),
                },
            });
        }
        catch (Exception e) when (e is InputException or OptionException)
        {
            return DashboardApi.Message(e.Message);
        }
    }
}
