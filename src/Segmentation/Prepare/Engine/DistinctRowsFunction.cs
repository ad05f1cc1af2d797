using DuckDB.NET.Data;

namespace Segmentation.Prepare.Engine;

/// <summary>
/// <c>distinct_rows(list)</c>: how many distinct row keys an order's list holds, registered on every
/// <see cref="DuckDbEngine"/> connection for <see cref="SqlDialect.DuckDb"/>'s <see cref="SqlDialect.DistinctRows"/>.
/// </summary>
/// <remarks>
/// DuckDB's own <c>list_unique</c> builds a hash map per list (a malloc and free for each of ~1M orders at 10M rows);
/// a list of about ten keys sorted on the stack costs a fraction of that: the 10M-row statement took about 0.5 s less
/// (alternating runs; RESULTS.md, fourteenth session). Every list is counted here, so the function must never throw:
/// DuckDB calls it from its worker threads through a native callback.
/// </remarks>
internal static class DistinctRowsFunction
{
    public const string Name = "distinct_rows";

    /// <summary>Lists up to this long are sorted in a stack buffer; longer ones in an array of their own.</summary>
    private const int StackLength = 128;

#pragma warning disable DuckDBNET001 // DuckDB.NET marks scalar functions experimental; this one is covered by the preparation tests.
    public static void Register(DuckDBConnection connection) =>
        connection.RegisterScalarFunction<List<ulong>, long>(Name, (readers, writer, rows) =>
        {
            Span<ulong> buffer = stackalloc ulong[StackLength];
            var lists = readers[0];
            for (ulong row = 0; row < rows; row++)
            {
                if (!lists.IsValid(row))
                {
                    writer.WriteNull(row);
                    continue;
                }
                writer.WriteValue(Count(lists.GetValue<List<ulong>>(row), buffer), row);
            }
        });
#pragma warning restore DuckDBNET001

    /// <summary>The number of distinct values of <paramref name="keys"/>.</summary>
    internal static long Count(List<ulong> keys, Span<ulong> buffer)
    {
        var n = keys.Count;
        if (n < 2) return n;
        var sorted = n <= buffer.Length ? buffer[..n] : new ulong[n];
        for (var i = 0; i < n; i++) sorted[i] = keys[i];
        sorted.Sort();
        long distinct = 1;
        for (var i = 1; i < n; i++) if (sorted[i] != sorted[i - 1]) distinct++;
        return distinct;
    }
}
