namespace Segmentation.Prepare;

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

    /// <summary>
    /// Net each cancellation against the purchase it cancels: the same customer and product, the nearest earlier
    /// line (not itself a cancellation) with at least the cancelled quantity. That purchase's quantity is reduced by
    /// the cancelled quantity, and a purchase cancelled in full is removed, so that an order placed and cancelled
    /// (UCI customer 12346: 74,215 units bought and cancelled 16 minutes later) credits nobody. The cancellation
    /// lines are removed as ever. Off by default: the standard cleaning keeps the purchases.
    /// </summary>
    public bool NetCancellations { get; init; }

    /// <summary>
    /// Stock codes that are not products (postage, fees, manual adjustments), matched ignoring case: their lines
    /// are removed. Empty by default; <see cref="OnlineRetailNonProducts"/> is the list for the UCI data.
    /// </summary>
    public IReadOnlyList<string> ExcludedProducts { get; init; } = [];

    /// <summary>
    /// The stock codes of the UCI Online Retail data that are not goods: postage (POST, DOT), carriage (C2),
    /// manual entries (M), discounts (D), samples (S), bad-debt adjustments (B), bank charges, Amazon fees and
    /// CRUK commission.
    /// </summary>
    public static IReadOnlyList<string> OnlineRetailNonProducts { get; } =
        ["POST", "DOT", "C2", "M", "D", "S", "B", "BANK CHARGES", "AMAZONFEE", "CRUK"];

    /// <summary>Leave out rows at or after this instant (the RFM snapshot given with --as-of).</summary>
    public DateTime? Before { get; init; }

    /// <summary>Leave out rows before this instant (the start of a scoring window).</summary>
    public DateTime? Since { get; init; }

    public static CleaningOptions Default { get; } = new();
}
