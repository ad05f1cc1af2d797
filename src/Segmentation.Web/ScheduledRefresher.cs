using Microsoft.Extensions.Hosting;
using Segmentation.App;
using Segmentation.Prepare;
using Segmentation.Reporting;
using Segmentation.Web.Dashboard;

namespace Segmentation.Web;

/// <summary>
/// Runs the <see cref="RefreshSchedule"/>: waits for the next time, refreshes through the pipeline queue (so an
/// upload and a refresh never fit at once beyond the workers), and keeps what /health reports. A refresh that fails
/// publishes nothing: the next one runs against the same latest run, and the error is kept until one succeeds.
/// </summary>
internal sealed class ScheduledRefresher(ServeOptions options, PipelineQueue queue) : BackgroundService
{
    private readonly Lock _gate = new();
    private RefreshStatus _status = new(null, null, null, null, 0, 0);

    /// <summary>What the schedule has done and will do next; null without a schedule.</summary>
    public RefreshStatus? Status
    {
        get
        {
            if (options.Refresh is null) return null;
            lock (_gate) return _status;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        if (options.Refresh is not { } schedule) return;
        var previous = schedule.Previous;
        while (!stopping.IsCancellationRequested)
        {
            var next = DateTime.UtcNow + schedule.Every;
            Update(s => s with { NextRun = next });
            try
            {
                await Task.Delay(schedule.Every, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            try
            {
                var source = TransactionSource.Database(schedule.Database, schedule.Table, schedule.Query);
                var request = new RefreshRequest(source, previous)
                {
                    Publish = RunEndpoints.Publishing(options, "refresh") with { WriteBack = schedule.WriteBack },
                };
                var outcome = await queue.Run(() => SegmentationApp.Refresh(request, ReportRenderer.Instance), fits: true, stopping).ConfigureAwait(false);
                previous = outcome.Published.Folder;
                Update(s => s with { LastRun = DateTime.UtcNow, LastRunId = outcome.Published.HistoryId, LastError = null, Succeeded = s.Succeeded + 1 });
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is InputException or OptionException or IOException or InvalidOperationException or UnauthorizedAccessException)
            {
                // The message names the source, never its connection string (see DatabaseInput.Describe).
                Update(s => s with { LastError = e.Message, LastErrorAt = DateTime.UtcNow, Failed = s.Failed + 1 });
            }
        }
    }

    private void Update(Func<RefreshStatus, RefreshStatus> change)
    {
        lock (_gate) _status = change(_status);
    }
}

/// <summary>The schedule's state: the last refresh that succeeded, the next one due, the last error since then.</summary>
internal sealed record RefreshStatus(DateTime? LastRun, long? LastRunId, DateTime? NextRun, string? LastError, int Succeeded, int Failed)
{
    public DateTime? LastErrorAt { get; init; }
}
