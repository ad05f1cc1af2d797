namespace Segmentation.Lifetime;

/// <summary>How lifetime value is estimated: the periods, the unit, the horizon and the discount.</summary>
public sealed record ClvOptions
{
    /// <summary>The last day of the calibration period; null: the last purchase day (no holdout).</summary>
    public DateTime? CalibrationEnd { get; init; }

    /// <summary>The last day of the holdout period, to compare predictions with what happened; null: no holdout.</summary>
    public DateTime? HoldoutEnd { get; init; }

    /// <summary>The model of purchases and dropout; <see cref="PurchaseModel.Auto"/> compares them and keeps the best.</summary>
    public PurchaseModel Model { get; init; } = PurchaseModel.BgNbd;

    /// <summary>The unit of recency, T and the horizon.</summary>
    public TimeUnit Unit { get; init; } = TimeUnit.Days;

    /// <summary>Lifetime value is summed over this many months of 30.4375 days.</summary>
    public int HorizonMonths { get; init; } = 12;

    /// <summary>The discount rate a month (lifetimes' definition: month i's value is divided by (1 + rate)^i).</summary>
    public double MonthlyDiscountRate { get; init; } = 0.01;

    /// <summary>The window, in days, of P(no purchase) and of the expected purchases.</summary>
    public int WindowDays { get; init; } = 90;

    /// <summary>Parameter draws behind each customer's 80% interval (0: no interval).</summary>
    public int IntervalDraws { get; init; } = 200;

    public int Seed { get; init; } = 42;

    /// <summary>The share of customers, highest lifetime value first, among whom the at-risk are looked for (<see cref="AtRiskRule"/>).</summary>
    public double AtRiskTopShare { get; init; } = 0.2;

    /// <summary>
    /// Those high-value customers are at risk when their P(alive) is below this; null (the default): below one half or
    /// the P(alive) of the lowest <see cref="AtRiskLowestShare"/> of them, whichever is higher (<see cref="AtRiskRule"/> says why).
    /// </summary>
    public double? AtRiskAliveBelow { get; init; }

    /// <summary>Without <see cref="AtRiskAliveBelow"/>: the fixed threshold the default rule starts from.</summary>
    public const double AtRiskAliveBelowDefault = 0.5;

    /// <summary>Without <see cref="AtRiskAliveBelow"/>: at least this share of the high-value customers, lowest P(alive) first, is flagged.</summary>
    public const double AtRiskLowestShare = 0.1;

    /// <summary>A history thinner than this is refused: too few customers with a repeat purchase to fit a repeat-purchase model.</summary>
    public const int MinimumRepeatCustomers = 30;

    /// <summary>A history shorter than this (from the first purchase to the end of calibration) is refused.</summary>
    public const int MinimumCalibrationDays = 56;

    public static ClvOptions Default { get; } = new();

    /// <summary>The model counts purchase opportunities, one per period of <see cref="Unit"/>: its summary is in whole periods.</summary>
    internal bool InPeriods => Model == PurchaseModel.BgBb;
}
