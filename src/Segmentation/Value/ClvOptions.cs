namespace Segmentation.Value;

/// <summary>How lifetime value is estimated: the periods, the unit, the horizon and the discount.</summary>
public sealed record ClvOptions
{
    /// <summary>The last day of the calibration period; null: the last purchase day (no holdout).</summary>
    public DateTime? CalibrationEnd { get; init; }

    /// <summary>The last day of the holdout period, to compare predictions with what happened; null: no holdout.</summary>
    public DateTime? HoldoutEnd { get; init; }

    /// <summary>The unit of recency, T and the horizon.</summary>
    public TimeUnit Unit { get; init; } = TimeUnit.Days;

    public static ClvOptions Default { get; } = new();
}
