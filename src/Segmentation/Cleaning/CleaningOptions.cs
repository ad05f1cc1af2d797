namespace Segmentation.Cleaning;

/// <summary>
/// The cleaning rules, each on by default except dropping duplicates. A row is removed by the first rule
/// (in <see cref="DropReason"/> order) that applies to it, so the per-rule counts add up to the rows removed.
/// Rows without a customer are always removed: they cannot belong to anybody's RFM.
/// </summary>
public sealed record CleaningOptions
{
    /// <summary>Remove every line of an invoice whose number starts with 'C' (a cancellation).</summary>
    public bool DropCancelled { get; init; } = true;

    /// <summary>Remove lines with quantity &lt;= 0 (returns and adjustments).</summary>
    public bool DropNonPositiveQuantity { get; init; } = true;

    /// <summary>Remove lines with unit price &lt;= 0 (free items, bad debt adjustments); with a line-amount column, amount &lt;= 0.</summary>
    public bool DropNonPositivePrice { get; init; } = true;

    /// <summary>Remove repeats of an earlier, identical row. Off by default: duplicates are counted and kept, as the reference does.</summary>
    public bool DropDuplicates { get; init; }

    /// <summary>Leave out rows at or after this instant (the RFM snapshot given with --as-of).</summary>
    public DateTime? Before { get; init; }

    public static CleaningOptions Default { get; } = new();
}
