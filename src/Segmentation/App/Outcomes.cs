using Segmentation.Clustering.Model;
using Segmentation.Clustering.Segments;
using Segmentation.Prepare;
using Segmentation.Report;
using Segmentation.Runs;
using Segmentation.Runs.Refresh;

namespace Segmentation.App;

/// <summary>What a publication wrote, where an earlier run went, and the history row.</summary>
public sealed record Published(string Folder, IReadOnlyList<string> Files, string? MovedAside, string? History, long? HistoryId)
{
    /// <summary>Earlier runs deleted beyond <see cref="PublishOptions.KeepPrevious"/> (their history rows stay).</summary>
    public IReadOnlyList<string> DeletedPrevious { get; init; } = [];

    /// <summary>The table the customers were written back into, when asked.</summary>
    public WrittenBack? WrittenBack { get; init; }
}

/// <summary>Customers written back into a table of the source's database (the one before kept as TABLE_previous).</summary>
public sealed record WrittenBack(string Source, string Table, long Customers)
{
    /// <summary>Scored by the database itself (no customer row came into this process), with the customers per segment.</summary>
    public bool ScoredInDatabase { get; init; }

    public IReadOnlyList<KeyValuePair<string, long>> Segments { get; init; } = [];
}

/// <summary>A published run: the run, its report model (what every door shows), and what was written.</summary>
public sealed record RunOutcome(SegmentationRun Run, ReportModel Report, Published Published, IReadOnlyList<StageTiming> Timings);

/// <summary>A published refresh.</summary>
public sealed record RefreshOutcome(RefreshResult Result, ReportModel Report, Published Published, IReadOnlyList<StageTiming> Timings)
{
    public SegmentationRun Run => Result.Run;
}

/// <summary>A scored file: the period's data-quality account, each customer's segment and the segments' profiles.</summary>
/// <param name="Output">The CSV written; null when nothing was written (a source scored in memory).</param>
public sealed record ScoreOutcome(PreparedData Prepared, IReadOnlyList<CustomerSegment> Customers, IReadOnlyList<SegmentProfile> Profiles, string? Output)
{
    /// <summary>The window RFM was counted over and how far the customers have moved from the model's.</summary>
    public required ScoreCheck Check { get; init; }

    /// <summary>The table the scored customers were written back into, when asked.</summary>
    public WrittenBack? WrittenBack { get; init; }
}
