namespace Segmentation.Web.Dashboard;

/// <summary>What the pipeline is doing for a session, as the page polls it. Made by the factories below, one per state.</summary>
internal sealed record JobStatus
{
    public JobState State { get; init; }

    /// <summary>What is happening, in words ("Reading transactions").</summary>
    public string Stage { get; init; } = "";

    public long Rows { get; init; }
    public double? Fraction { get; init; }
    public string? Error { get; init; }

    /// <summary>For a file to map: its header, which the form offers.</summary>
    public IReadOnlyList<string>? Header { get; init; }

    /// <summary>The file as its owner named it.</summary>
    public string? File { get; init; }

    /// <summary>For a file to map: the header proposed for each field of the form (customer, date, unitPrice...).</summary>
    public IReadOnlyDictionary<string, string>? Suggested { get; init; }

    /// <summary>Still going: the page keeps polling (the one place that says which states those are).</summary>
    public bool Running => State is JobState.Uploading or JobState.Queued or JobState.Running;

    public static JobStatus Idle { get; } = new();

    public static JobStatus Uploading() => new() { State = JobState.Uploading, Stage = "Uploading" };

    public static JobStatus Queued(string? file) => new() { State = JobState.Queued, Stage = "Waiting for a free worker", File = file };

    public static JobStatus Reading(string file, long rows = 0, double? fraction = null, string stage = "Reading transactions") =>
        new() { State = JobState.Running, Stage = stage, Rows = rows, Fraction = fraction, File = file };

    public static JobStatus Done(string file) => new() { State = JobState.Done, File = file };

    public static JobStatus Mapping(string error, IReadOnlyList<string> header, string file, IReadOnlyDictionary<string, string>? suggested) =>
        new() { State = JobState.Mapping, Error = error, Header = header, File = file, Suggested = suggested };

    public static JobStatus Failed(string error, string? file = null) => new() { State = JobState.Error, Error = error, File = file };
}
