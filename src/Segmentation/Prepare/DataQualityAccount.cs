using Segmentation.Prepare.Sources;

namespace Segmentation.Prepare;

/// <summary>How many rows a rule removed.</summary>
public sealed record RuleCount(string Rule, string Description, long Rows);

/// <summary>
/// The data-quality account of one input: every row that came in is either kept or removed by exactly one
/// rule, so <c>RowsIn - sum(Removed) == RowsOut</c>.
/// </summary>
public sealed record DataQualityAccount(
    string Source,
    long RowsIn,
    IReadOnlyList<RuleCount> Removed,
    long RowsOut,
    long DuplicateRowsFound,
    bool DuplicatesDropped,
    int Customers,
    long Invoices,
    decimal Revenue,
    DateTime? InputFirstDate,
    DateTime? InputLastDate,
    DateTime? FirstDate,
    DateTime? LastDate,
    IReadOnlyList<string> BadRowExamples)
{
    public long RowsRemoved => Removed.Sum(r => r.Rows);

    /// <summary>
    /// Kept purchases whose quantity a later, partial cancellation reduced (with
    /// <see cref="CleaningOptions.NetCancellations"/>; a purchase cancelled in full is removed and counted as a rule).
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public long PurchasesReduced { get; init; }

    /// <summary>The field each column of the input was read as (found by name, or as the options named it).</summary>
    public IReadOnlyList<ColumnUse> Columns { get; init; } = [];

    internal long RemovedBy(DropReason reason) => Removed.FirstOrDefault(r => r.Rule == reason.Key())?.Rows ?? 0;
}
