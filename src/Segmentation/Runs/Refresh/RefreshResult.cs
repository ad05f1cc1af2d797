using Segmentation.Clustering.Segments;

namespace Segmentation.Runs.Refresh;

/// <summary>What became of one segment: kept (matched to a previous one), new, or gone.</summary>
public sealed record SegmentMatch(string Segment, string Status, int? PreviousCluster, int? Cluster, double? Distance, double[]? Shift);

/// <summary>How far the new period drifted from the previous run, and whether to refit.</summary>
public sealed record DriftReport(
    double PsiRecency,
    double PsiFrequency,
    double PsiMonetary,
    double PsiSegmentShares,
    double AdjustedRandIndex,
    IReadOnlyList<SegmentMatch> Matches,
    bool RefitRecommended,
    IReadOnlyList<string> Reasons);

/// <summary>
/// A refresh: the new period as a complete run whose segments carry the kept identities (ids and names), who
/// moved, and the drift.
/// </summary>
public sealed record RefreshResult(
    SegmentationRun Run,
    SegmentMigration Migration,
    DriftReport Drift,
    IReadOnlyList<string> Movements,
    string PreviousFolder,
    RefreshOptions Options)
{
    /// <summary>The new period's customers, with the kept ids and names, their previous segment and since when they hold this one.</summary>
    public IReadOnlyList<CustomerSegment> Customers => Run.Customers;
}
