namespace Segmentation.Prepare;

/// <summary>
/// How far the reading of an input has come: the rows the row readers have parsed, or, when the engine reads the
/// input itself (a CSV, a Parquet file, a database), the fraction of its statement done (it does not count rows
/// as it goes).
/// </summary>
public readonly record struct ReadProgress(long Rows, double? Fraction)
{
    /// <summary>After the reading, what the run is doing, in words ("k-means: 45 of 90 fits"); null while reading.</summary>
    public string? Stage { get; init; }

    public static ReadProgress OfRows(long rows) => new(rows, null);

    public static ReadProgress OfStage(string stage) => new(0, null) { Stage = stage };

    public static ReadProgress OfFraction(double fraction) => new(0, Math.Clamp(fraction, 0, 1));
}
