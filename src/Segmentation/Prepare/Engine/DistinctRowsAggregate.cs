using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DuckDB.NET.Data;
using DuckDB.NET.Native;

namespace Segmentation.Prepare.Engine;

/// <summary>
/// <c>distinct_rows(row_key)</c>: an aggregate that counts the distinct row keys of a group (its null keys left out),
/// registered on every <see cref="DuckDbEngine"/> connection for <see cref="SqlDialect.DuckDb"/>'s <see cref="SqlDialect.DistinctRowKeys"/>.
/// </summary>
/// <remarks>
/// A group's first <see cref="InlineKeys"/> keys are kept in its state, in the engine's hash table row beside its other
/// aggregates; a larger group's others in a buffer of its own, which DuckDB's destructor call frees. Only the count
/// comes out, sorted on the stack. Before, each order's keys were a <c>list()</c>, materialised with the orders and then
/// counted by a scalar function: on the 10M-row file the statement took 4.29-4.45 s with it against 3.94-4.25 s with
/// this, and 3.59-4.24 s with an aggregate that keeps no key. A buffer for every group cost as much as the lists, and
/// so did chains of chunks (a cache miss a key); 4 or 10 keys inline were slower than 16, 24 no faster (HISTORY.md,
/// seventeenth session). The function holds nothing between calls, so a catalog that two connections share (DuckDB.NET
/// opens a database file once for all its connections) may hold it for both. Called on the engine's threads: it must never throw.
/// </remarks>
internal static unsafe class DistinctRowsAggregate
{
    public const string Name = "distinct_rows";

    /// <summary>The keys a group's state holds itself: most orders' (152 bytes a state).</summary>
    private const int InlineKeys = 16;

    /// <summary>Groups of up to this many keys are sorted in a stack buffer; larger ones in an array of their own.</summary>
    private const int StackLength = 256;

    /// <summary>A group's keys (<see cref="Count"/> of them): the first <see cref="InlineKeys"/> in the state, the rest in <see cref="Overflow"/>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct State
    {
        public long Count;
        public ulong* Overflow;
        public long Capacity;
        public fixed ulong Inline[InlineKeys];
    }

    public static void Register(DuckDBConnection connection)
    {
        var function = DuckDbAggregateApi.Create();
        try
        {
            DuckDbAggregateApi.SetName(function, Name);
            using (var key = NativeMethods.LogicalType.DuckDBCreateLogicalType(DuckDBType.UnsignedBigInt)) DuckDbAggregateApi.AddParameter(function, key.DangerousGetHandle());
            using (var count = NativeMethods.LogicalType.DuckDBCreateLogicalType(DuckDBType.BigInt)) DuckDbAggregateApi.SetReturnType(function, count.DangerousGetHandle());
            DuckDbAggregateApi.SetFunctions(function, &Size, &Init, &Update, &Combine, &Finalize);
            DuckDbAggregateApi.SetDestructor(function, &Destroy);
            if (DuckDbAggregateApi.Register(connection.NativeConnection.DangerousGetHandle(), function) != DuckDBState.Success)
                throw new InvalidOperationException($"DuckDB did not register {Name}.");
        }
        finally
        {
            DuckDbAggregateApi.Destroy(ref function);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static ulong Size(IntPtr info) => (ulong)sizeof(State);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Init(IntPtr info, void* state) => *(State*)state = default;

    /// <summary>One chunk of rows: each row's key added to its group's.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Update(IntPtr info, IntPtr input, void** states)
    {
        var rows = DuckDbAggregateApi.ChunkSize(input);
        var vector = DuckDbAggregateApi.ChunkVector(input, 0);
        var keys = (ulong*)DuckDbAggregateApi.VectorData(vector);
        var valid = DuckDbAggregateApi.VectorValidity(vector);
        try
        {
            for (ulong row = 0; row < rows; row++)
            {
                if (valid is not null && (valid[row / 64] & (1UL << (int)(row % 64))) == 0) continue;
                Add((State*)states[row], keys[row]);
            }
        }
        catch (OutOfMemoryException)
        {
            OutOfMemory(info);
        }
    }

    /// <summary>A group's buffer could not grow: the statement fails with DuckDB's error, not the process.</summary>
    private static void OutOfMemory(IntPtr info) => DuckDbAggregateApi.SetError(info, $"{Name}: out of memory for an order's row keys");

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Add(State* state, ulong key)
    {
        if (state->Count < InlineKeys)
        {
            state->Inline[state->Count++] = key;
            return;
        }
        var at = state->Count - InlineKeys;
        if (at == state->Capacity)
        {
            // The state changes only once the buffer has grown: a failed growth leaves it as it was (see OutOfMemory).
            var capacity = Math.Max(InlineKeys, 2 * state->Capacity);
            state->Overflow = (ulong*)NativeMemory.Realloc(state->Overflow, (nuint)(capacity * sizeof(ulong)));
            state->Capacity = capacity;
        }
        state->Overflow[at] = key;
        state->Count++;
    }

    /// <summary>Each source state's keys added to its target's; the source is left empty (its buffer freed).</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Combine(IntPtr info, void** source, void** target, ulong count)
    {
        try
        {
            for (ulong i = 0; i < count; i++)
            {
                var from = (State*)source[i];
                var to = (State*)target[i];
                for (var k = 0; k < from->Count; k++) Add(to, k < InlineKeys ? from->Inline[k] : from->Overflow[k - InlineKeys]);
                Free(from);
            }
        }
        catch (OutOfMemoryException)
        {
            OutOfMemory(info);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Finalize(IntPtr info, void** source, IntPtr result, ulong count, ulong offset)
    {
        var counts = (long*)DuckDbAggregateApi.VectorData(result);
        Span<ulong> buffer = stackalloc ulong[StackLength];
        try
        {
            for (ulong i = 0; i < count; i++)
            {
                var state = (State*)source[i];
                var keys = (int)state->Count;
                var sorted = keys <= StackLength ? buffer[..keys] : new ulong[keys];
                var inline = Math.Min(keys, InlineKeys);
                for (var k = 0; k < inline; k++) sorted[k] = state->Inline[k];
                if (keys > inline) new ReadOnlySpan<ulong>(state->Overflow, keys - inline).CopyTo(sorted[inline..]);
                counts[offset + i] = Count(sorted);
            }
        }
        catch (OutOfMemoryException)
        {
            OutOfMemory(info);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Destroy(void** states, ulong count)
    {
        for (ulong i = 0; i < count; i++) Free((State*)states[i]);
    }

    private static void Free(State* state)
    {
        NativeMemory.Free(state->Overflow);
        *state = default;
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
}
