using System.IO.Hashing;
using System.Runtime.InteropServices;
using Segmentation.Ingest;

namespace Segmentation.Cleaning;

/// <summary>
/// Finds rows identical in every field to an earlier row. It keeps a 128-bit hash per distinct row rather
/// than the row itself (16 bytes instead of ~200); the chance of two different rows colliding among a
/// billion is below 1e-20. Values are hashed as parsed, so a workbook's numbers and a CSV's text agree.
/// </summary>
internal sealed class DuplicateDetector
{
    private readonly HashSet<UInt128> _seen = [];
    private readonly XxHash128 _hash = new();

    /// <summary>True when an identical row was seen before.</summary>
    public bool IsRepeat(in Transaction row)
    {
        _hash.Reset();
        Add(row.CustomerId);
        Add(row.InvoiceNo);
        Add(row.StockCode);
        Add(row.Description);
        Add(row.Country);
        Add(row.Date.Ticks);
        Add(row.Quantity);
        Add(row.UnitPrice);
        Add(row.Amount);
        return !_seen.Add(_hash.GetCurrentHashAsUInt128());
    }

    private void Add(string? text)
    {
        // A length prefix keeps ("ab", "c") and ("a", "bc") apart; -1 marks a missing value.
        Add(text is null ? -1L : text.Length);
        if (text is not null) _hash.Append(MemoryMarshal.AsBytes(text.AsSpan()));
    }

    private void Add(long value) => _hash.Append(MemoryMarshal.AsBytes(new ReadOnlySpan<long>(in value)));

    // 2.5 and 2.50 are the same price: hash the value, not the decimal's scale.
    private void Add(decimal? value) => Add(value is { } v ? BitConverter.DoubleToInt64Bits((double)v) : long.MinValue);
}
