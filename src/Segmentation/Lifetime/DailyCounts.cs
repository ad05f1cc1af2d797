namespace Segmentation.Lifetime;

/// <summary>A count for each calendar day from <see cref="First"/> on, one day per entry.</summary>
internal sealed record DailyCounts(DateTime First, IReadOnlyList<int> Counts);
