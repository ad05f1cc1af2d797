namespace Segmentation.App;

/// <summary>A sample file written: where, how many rows, and how it is described to people.</summary>
public sealed record SampleWritten(string Path, long Rows, string Description);
