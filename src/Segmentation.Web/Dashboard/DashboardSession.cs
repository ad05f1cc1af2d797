using Segmentation.Prepare;
using Segmentation.Report;
using Segmentation.Runs;

namespace Segmentation.Web.Dashboard;

/// <summary>
/// The run a session looks at: the rule's run with every k's fit, the k on screen with its report model, and where
/// the transactions came from (an upload's file is gone after its run; its name and what was read from it remain).
/// </summary>
internal sealed record SessionRun(SegmentationRun Full, SegmentationRun Shown, ReportModel Report, TransactionSource Source)
{
    /// <summary>The contacts of an upload with e-mail or phone columns, read before the file was deleted, for audiences: this session's only, in memory.</summary>
    public Audiences.AudienceContacts? Contacts { get; init; }
}

/// <summary>
/// One browser's state. Sessions share nothing but the immutable start-up run: what one uploads, no other sees.
/// Fields are swapped whole under the lock, never mutated in place.
/// </summary>
internal sealed class DashboardSession(string id)
{
    private readonly object _gate = new();
    private SessionRun? _run;
    private JobStatus _job = JobStatus.Idle;
    private Upload? _pending;

    public string Id { get; } = id;
    public DateTime LastSeen { get; set; } = DateTime.UtcNow;

    /// <summary>Whether the session has given the server's key (asked only when the server has one).</summary>
    public bool Unlocked { get; set; }

    public SessionRun? Run
    {
        get { lock (_gate) return _run; }
        set { lock (_gate) _run = value; }
    }

    public JobStatus Job
    {
        get { lock (_gate) return _job; }
        set { lock (_gate) _job = value; }
    }

    /// <summary>Starts a job unless one is running; false when one is.</summary>
    public bool TryStart(JobStatus status)
    {
        lock (_gate)
        {
            if (_job.Running) return false;
            _job = status;
            return true;
        }
    }

    /// <summary>An upload kept while its owner maps its columns; replacing or clearing it deletes the previous one.</summary>
    public Upload? Pending
    {
        get { lock (_gate) return _pending; }
        set
        {
            Upload? previous;
            lock (_gate)
            {
                previous = _pending;
                _pending = value;
            }
            if (previous is not null && !ReferenceEquals(previous, value)) previous.Dispose();
        }
    }

    /// <summary>Takes the pending upload for a run: the session no longer holds it.</summary>
    public Upload? TakePending()
    {
        lock (_gate)
        {
            var upload = _pending;
            _pending = null;
            return upload;
        }
    }
}
