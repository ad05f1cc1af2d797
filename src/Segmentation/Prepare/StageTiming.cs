namespace Segmentation.Prepare;

/// <summary>Wall time spent in one stage of a run.</summary>
public sealed record StageTiming(string Stage, TimeSpan Elapsed);
