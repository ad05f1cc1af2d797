using Segmentation.Prepare.Engine;
using Segmentation.Prepare.Sources;

namespace Segmentation.Prepare;

/// <summary>The prepared data and its data-quality account, from the preparation statement's result.</summary>
internal static class PreparedDataBuilder
{
    /// <summary>The prepared data from the engine's result, checked: an input with no rows, or none kept, is an error.</summary>
    public static PreparedData Build(PreparationResult result, string source, IReadOnlyList<DropReason> rules, BadRowLog? badRows, PrepareOptions options, IReadOnlyList<ColumnUse> columns)
    {
        var skipped = badRows?.Count ?? 0;
        var rowsIn = result.RowsIn + skipped;
        if (rowsIn == 0) throw new InputException(source, "the file has a header but no data rows");
        var removed = new List<RuleCount>();
        if (badRows?.Skip == true) removed.Add(Count(DropReason.Unparseable, skipped));
        removed.AddRange(rules.Select(r => Count(r, result.Removed(r))));
        if (result.RowsOut == 0)
        {
            var counts = string.Join(", ", removed.Where(r => r.Rows > 0).Select(r => $"{r.Description}: {r.Rows:N0}"));
            throw new InputException(source,
                $"none of the {rowsIn:N0} rows is left after cleaning ({counts}); check the column mapping and the cleaning options");
        }
        var account = new DataQualityAccount(
            Source: source,
            RowsIn: rowsIn,
            Removed: removed,
            RowsOut: result.RowsOut,
            DuplicateRowsFound: result.Repeats,
            DuplicatesDropped: options.Cleaning.DropDuplicates,
            Customers: result.Customers,
            Invoices: result.Invoices,
            Revenue: result.Revenue,
            InputFirstDate: result.FirstAny,
            InputLastDate: result.LastAny,
            FirstDate: result.FirstKept,
            LastDate: result.LastKept,
            BadRowExamples: badRows?.Examples ?? [])
        {
            PurchasesReduced = result.Reduced,
            Columns = columns,
        };
        return new PreparedData(account, result.Rfm(options.AsOf), result.Sales(), []) { PurchaseDays = result.PurchaseDays() };
    }

    private static RuleCount Count(DropReason rule, long rows) => new(rule.Key(), rule.Describe(), rows);
}
