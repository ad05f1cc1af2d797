namespace Segmentation.Clustering.Segments;

/// <summary>
/// A business segment: its name, what it means, what to do, how urgent it is, and where it sits in the RFM
/// space (the prototype the cluster naming matches centroids against).
/// </summary>
/// <param name="Recent">Prototype recency, as a z-score with recent positive (-recency).</param>
/// <param name="Value">Prototype frequency and monetary, the mean of their z-scores.</param>
public sealed record SegmentDefinition(string Name, string Description, string Actions, string Priority, double Recent, double Value);
