namespace Segmentation.Runs.History;

/// <summary>One run as the history keeps it: what went in, with which settings, and what came out.</summary>
public sealed record RunRecord(
    long Id,
    DateTime Created,
    string Kind,
    string Folder,
    string Input,
    string InputSha256,
    int Seed,
    int K,
    int Customers,
    double Silhouette,
    string Parameters,
    string Versions,
    string Metrics,
    IReadOnlyDictionary<string, int> SegmentSizes,
    long? PreviousId);
