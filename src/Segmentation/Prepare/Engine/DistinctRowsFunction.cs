using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DuckDB.NET.Data;
using DuckDB.NET.Native;

namespace Segmentation.Prepare.Engine;

/// <summary>
/// <c>distinct_rows(list)</c>: how many distinct row keys an order's list holds, registered on every
/// <see cref="DuckDbEngine"/> connection for <see cref="SqlDialect.DuckDb"/>'s <see cref="SqlDialect.DistinctRows"/>.
/// </summary>
/// <remarks>
/// DuckDB's own <c>list_unique</c> builds a hash map per list (a malloc and free for each of ~1M orders at 10M rows);
/// a list of about ten keys sorted on the stack costs a fraction of that (RESULTS.md, fourteenth session). The function
/// is registered through DuckDB's C API and reads the list's keys where the engine holds them: DuckDB.NET's own scalar
/// functions box every element of a <c>List&lt;ulong&gt;</c> and made a list object per order, which cost as much as the
/// count (RESULTS.md, fifteenth session). It is called from the engine's worker threads, so it must never throw.
/// </remarks>
internal static unsafe class DistinctRowsFunction
{
    public const string Name = "distinct_rows";

    /// <summary>Lists up to this long are sorted in a stack buffer; longer ones in an array of their own.</summary>
    private const int StackLength = 128;

    public static void Register(DuckDBConnection connection)
    {
        var function = NativeMethods.ScalarFunction.DuckDBCreateScalarFunction();
        try
        {
            NativeMethods.ScalarFunction.DuckDBScalarFunctionSetName(function, Name);
            using (var key = NativeMethods.LogicalType.DuckDBCreateLogicalType(DuckDBType.UnsignedBigInt))
            using (var list = NativeMethods.LogicalType.DuckDBCreateListType(key))
            {
                NativeMethods.ScalarFunction.DuckDBScalarFunctionAddParameter(function, list);
            }
            using (var count = NativeMethods.LogicalType.DuckDBCreateLogicalType(DuckDBType.BigInt))
            {
                NativeMethods.ScalarFunction.DuckDBScalarFunctionSetReturnType(function, count);
            }
            NativeMethods.ScalarFunction.DuckDBScalarFunctionSetFunction(function, &Execute);
            if (NativeMethods.ScalarFunction.DuckDBRegisterScalarFunction(connection.NativeConnection, function) != DuckDBState.Success)
                throw new InvalidOperationException($"DuckDB did not register {Name}.");
        }
        finally
        {
            NativeMethods.ScalarFunction.DuckDBDestroyScalarFunction(ref function);
        }
    }

    /// <summary>One chunk of lists: the engine hands a scalar function its input flat, a row per list entry.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Execute(IntPtr info, IntPtr chunk, IntPtr output)
    {
        using var input = new DuckDBDataChunk(chunk);
        var rows = NativeMethods.DataChunks.DuckDBDataChunkGetSize(input);
        var vector = NativeMethods.DataChunks.DuckDBDataChunkGetVector(input, 0);
        var entries = (ListEntry*)NativeMethods.Vectors.DuckDBVectorGetData(vector);
        var valid = NativeMethods.Vectors.DuckDBVectorGetValidity(vector);
        var child = NativeMethods.Vectors.DuckDBListVectorGetChild(vector);
        var keys = (ulong*)NativeMethods.Vectors.DuckDBVectorGetData(child);
        var keysValid = NativeMethods.Vectors.DuckDBVectorGetValidity(child);
        var counts = (long*)NativeMethods.Vectors.DuckDBVectorGetData(output);
        ulong* countsValid = null;
        Span<ulong> buffer = stackalloc ulong[StackLength];
        for (ulong row = 0; row < rows; row++)
        {
            if (!IsValid(valid, row))
            {
                if (countsValid is null)
                {
                    NativeMethods.Vectors.DuckDBVectorEnsureValidityWritable(output);
                    countsValid = NativeMethods.Vectors.DuckDBVectorGetValidity(output);
                }
                countsValid[row / 64] &= ~(1UL << (int)(row % 64));
                continue;
            }
            var entry = entries[row];
            counts[row] = Count(new ReadOnlySpan<ulong>(keys + entry.Offset, checked((int)entry.Length)), keysValid, entry.Offset, buffer);
        }
    }

    private static bool IsValid(ulong* mask, ulong row) => mask is null || (mask[row / 64] & (1UL << (int)(row % 64))) != 0;

    /// <summary>The number of distinct keys of a list (its null keys left out, as <c>list_unique</c> does).</summary>
    /// <param name="valid">The validity of the keys' vector (null: every key valid); <paramref name="offset"/> is the list's first key in it.</param>
    private static long Count(ReadOnlySpan<ulong> keys, ulong* valid, ulong offset, Span<ulong> buffer)
    {
        var sorted = keys.Length <= buffer.Length ? buffer[..keys.Length] : new ulong[keys.Length];
        var n = 0;
        for (var i = 0; i < keys.Length; i++)
        {
            if (IsValid(valid, offset + (ulong)i)) sorted[n++] = keys[i];
        }
        return Count(sorted[..n]);
    }

    /// <summary>The number of distinct values of <paramref name="keys"/>, which it sorts in place.</summary>
    internal static long Count(Span<ulong> keys)
    {
        if (keys.Length < 2) return keys.Length;
        keys.Sort();
        long distinct = 1;
        for (var i = 1; i < keys.Length; i++) if (keys[i] != keys[i - 1]) distinct++;
        return distinct;
    }

    /// <summary>DuckDB's <c>duckdb_list_entry</c>: where a list's keys start in the child vector, and how many there are.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private readonly struct ListEntry
    {
        public readonly ulong Offset;
        public readonly ulong Length;
    }
}
