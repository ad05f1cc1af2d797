using Segmentation.Report;

namespace Segmentation.App;

/// <summary>Where and how a run is published: its folder, its reports, its history row.</summary>
public sealed record PublishOptions
{
    /// <summary>The run folder. An earlier run in it is moved aside, never written over.</summary>
    public string Folder { get; init; } = System.IO.Path.Combine("data", "processed", "run");

    /// <summary>
    /// Earlier runs moved aside from <see cref="Folder"/> that are kept beside it (folder.yyyyMMddTHHmmssZ); older
    /// ones are deleted when a new run is published. The history keeps every run's record and figures.
    /// </summary>
    public int KeepPrevious { get; init; } = 5;

    /// <summary>Render the PDF and HTML reports (when a renderer is given).</summary>
    public bool Reports { get; init; } = true;

    public ReportSettings Report { get; init; } = ReportSettings.Default;

    /// <summary>Record the run in the history database.</summary>
    public bool RecordHistory { get; init; } = true;

    /// <summary>The history database; null: history.db in the folder that holds <see cref="Folder"/>.</summary>
    public string? History { get; init; }

    /// <summary>
    /// A table of the source's database (PostgreSQL or ClickHouse) to write each customer's result into, replacing it
    /// atomically and keeping the one before as TABLE_previous; null: files only.
    /// </summary>
    public string? WriteBack { get; init; }
}
