using Segmentation.Report;
using Segmentation.Runs;
using Segmentation.Runs.Files;
using Segmentation.Runs.Refresh;

namespace Segmentation.App;

/// <summary>What a run folder publishes: a run, or a refresh (whose folder also holds the migration and the drift).</summary>
internal abstract record Publication
{
    private Publication(SegmentationRun run, ReportModel report) => (Run, Report) = (run, report);

    public SegmentationRun Run { get; }
    public ReportModel Report { get; }

    /// <summary>The kind the history records.</summary>
    public abstract string Kind { get; }

    /// <summary>The previous run's folder, for a refresh.</summary>
    public virtual string? PreviousFolder => null;

    /// <summary>Writes the folder's files (not the reports) into <paramref name="folder"/>; returns their paths.</summary>
    public abstract IReadOnlyList<string> Write(string folder);

    public sealed record OfRun : Publication
    {
        public OfRun(SegmentationRun run, ReportModel report) : base(run, report)
        {
        }

        public override string Kind => "run";
        public override IReadOnlyList<string> Write(string folder) => new RunFiles(folder).Write(Run);
    }

    public sealed record OfRefresh : Publication
    {
        public OfRefresh(RefreshResult result, ReportModel report) : base(result.Run, report) => Result = result;

        public RefreshResult Result { get; }

        public override string Kind => "refresh";
        public override string? PreviousFolder => Result.PreviousFolder;
        public override IReadOnlyList<string> Write(string folder) => new RefreshFiles(folder).Write(Result);
    }
}
