using System.Runtime.CompilerServices;
using Segmentation.Numerics;

namespace Segmentation.Lifetime;

/// <summary>
/// One customer as the buy-till-you-die models see them, in <see cref="BtydSummary.Unit"/>: purchases on the same day
/// are one purchase; <see cref="Frequency"/> counts repeat purchase days (the first is not a repeat), <see cref="Recency"/>
/// is the time from the first purchase to the last, <see cref="T"/> from the first purchase to the end of the calibration
/// period, and <see cref="MonetaryValue"/> the mean value of the repeat purchase days (0 without one).
/// </summary>
public sealed record BtydCustomer(string CustomerId, int Frequency, double Recency, double T, double MonetaryValue)
{
    /// <summary>Purchase days after the calibration period, up to the holdout's end; null without a holdout.</summary>
    public int? HoldoutFrequency { get; init; }

    /// <summary>The value of those purchases; null without a holdout.</summary>
    public double? HoldoutValue { get; init; }
}

/// <summary>The per-customer summary of a calibration period (and, when asked, a holdout period after it).</summary>
/// <param name="CalibrationEnd">The last day of the calibration period (purchases on it count, the whole day).</param>
/// <param name="HoldoutEnd">The last day of the holdout period, when there is one.</param>
public sealed record BtydSummary(DateTime CalibrationEnd, DateTime? HoldoutEnd, TimeUnit Unit, IReadOnlyList<BtydCustomer> Customers)
{
    /// <summary>
    /// Repeat purchase days of these customers by calendar day, from the first customer's first purchase to the last
    /// period's end (the actual line of the repeat-transaction tracking chart); null for a summary read as such.
    /// </summary>
    internal DailyCounts? RepeatDays { get; init; }

    /// <summary>The holdout's whole periods, for a summary in periods (BG/BB's): a month of the calendar is not 30.4375 days.</summary>
    internal int? HoldoutPeriods { get; init; }

    /// <summary>The holdout's length in <see cref="Unit"/>.</summary>
    public double? HoldoutLength => HoldoutEnd is { } end ? HoldoutPeriods ?? (end.Date - CalibrationEnd.Date).TotalDays / Unit.Days() : null;

    /// <summary>Customers with at least one repeat purchase day.</summary>
    public int RepeatCustomers => Customers.Count(c => c.Frequency > 0);

    /// <summary>The distinct (x, t_x, T) with how many customers share each: the terms of a purchase model's likelihood.</summary>
    internal (int X, double Tx, double T, double Weight)[] Patterns()
    {
        var groups = PatternGroups;
        return [.. groups.Keys.Select((k, i) => (k.X, k.Tx, k.T, (double)groups.Counts[i]))];
    }

    /// <summary>
    /// The customers grouped by (x, t_x, T), in the order of their first customer: once per list of customers, shared by
    /// the fit and the values (grouping ten million customers takes seconds).
    /// </summary>
    internal Groups<(int X, double Tx, double T)> PatternGroups =>
        PatternsOf.GetValue(Customers, customers => Groups<(int X, double Tx, double T)>.By(customers, c => (c.Frequency, c.Recency, c.T)));

    // Kept beside the list rather than in a field of the record, which its equality and `with` would carry.
    private static readonly ConditionalWeakTable<IReadOnlyList<BtydCustomer>, Groups<(int X, double Tx, double T)>> PatternsOf = [];
}
