using Segmentation.Ingest;

namespace Segmentation.Cleaning;

/// <summary>The row-level rules: a pure function of one row (duplicates, which need memory, are in <see cref="DuplicateDetector"/>).</summary>
internal static class CleaningRules
{
    public static DropReason Classify(in Transaction row, CleaningOptions options)
    {
        if (row.CustomerId is null) return DropReason.MissingCustomer;
        if (options.DropCancelled && IsCancellation(row.InvoiceNo)) return DropReason.Cancelled;
        if (row.Quantity is { } q && options.DropNonPositiveQuantity && q <= 0) return DropReason.NonPositiveQuantity;
        if (options.DropNonPositivePrice)
        {
            if (row.UnitPrice is { } p) { if (p <= 0) return DropReason.NonPositivePrice; }
            else if (row.Amount <= 0) return DropReason.NonPositiveAmount;
        }
        if (options.Before is { } before && row.Date >= before) return DropReason.AfterAsOf;
        return DropReason.None;
    }

    public static bool IsCancellation(string? invoice) =>
        invoice is { Length: > 0 } && (invoice[0] == 'C' || invoice[0] == 'c');
}
