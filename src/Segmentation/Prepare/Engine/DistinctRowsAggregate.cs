using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DuckDB.NET.Data;
using DuckDB.NET.Native;

namespace Segmentation.Prepare.Engine;

/// <summary>
/// <c>distinct_rows(row_key)</c>: an aggregate that counts the distinct row keys of a group (its null keys left out),
/// registered on every <see cref="DuckDbEngine"/> connection for <see cref="SqlDialect.DuckDb"/>'s <see cref="SqlDialect.RowContents"/>.
/// </summary>
/// <remarks>
/// A group's first <see cref="InlineKeys"/> keys are kept in its state, in the engine's hash table row beside its other
/// aggregates; the rest in chunks of a cache line, linked, in the engine's <see cref="RowKeyArena"/> (no allocation per
/// group, nothing freed per group). Only the count comes out, sorted on the stack. Before, each order's keys were a
/// <c>list()</c>, materialised with the orders and then counted by a scalar function: on the 10M-row file the statement
/// took 4.29-4.45 s with it against 3.94-4.25 s with this, and 3.59-4.24 s with an aggregate that keeps no key. Chains
/// alone cost a cache miss a key (no faster than the lists); 4 or 10 keys inline were slower than 16, 24 no faster
/// (RESULTS.md, seventeenth session). Called on the engine's threads: it must never throw.
/// </remarks>
internal static unsafe class DistinctRowsAggregate
{
    public const string Name = "distinct_rows";

    /// <summary>Groups of up to this many keys are sorted in a stack buffer; larger ones in an array of their own.</summary>
    private const int StackLength = 256;

    /// <summary>The keys a group's state holds itself: most orders' (152 bytes a state).</summary>
    private const int InlineKeys = 16;

    /// <summary>A group's keys (<see cref="Count"/> of them): the first <see cref="InlineKeys"/> in the state, the rest in a chain of chunks.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct State
    {
        public long Count;
        public Chunk* Head;
        public Chunk* Tail;
        public fixed ulong Inline[InlineKeys];
    }

    /// <summary>Up to <see cref="Chunk.Capacity"/> keys and the next chunk of the chain: 64 bytes.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Chunk
    {
        public const int Capacity = 6;

        public Chunk* Next;
        public long Count;
        public fixed ulong Keys[Capacity];
    }

    /// <summary>Registers the aggregate on <paramref name="connection"/>, its keys kept in <paramref name="arena"/>.</summary>
    public static void Register(DuckDBConnection connection, RowKeyArena arena)
    {
        var function = DuckDbAggregateApi.Create();
        try
        {
            DuckDbAggregateApi.SetName(function, Name);
            using (var key = NativeMethods.LogicalType.DuckDBCreateLogicalType(DuckDBType.UnsignedBigInt)) DuckDbAggregateApi.AddParameter(function, key.DangerousGetHandle());
            using (var count = NativeMethods.LogicalType.DuckDBCreateLogicalType(DuckDBType.BigInt)) DuckDbAggregateApi.SetReturnType(function, count.DangerousGetHandle());
            DuckDbAggregateApi.SetFunctions(function, &Size, &Init, &Update, &Combine, &Finalize);
            // The function holds the arena for as long as DuckDB keeps it; the engine frees the arena's memory.
            DuckDbAggregateApi.SetExtraInfo(function, GCHandle.ToIntPtr(GCHandle.Alloc(arena)), &FreeHandle);
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
        var arena = Arena(info);
        var rows = DuckDbAggregateApi.ChunkSize(input);
        var vector = DuckDbAggregateApi.ChunkVector(input, 0);
        var keys = (ulong*)DuckDbAggregateApi.VectorData(vector);
        var valid = DuckDbAggregateApi.VectorValidity(vector);
        for (ulong row = 0; row < rows; row++)
        {
            if (valid is not null && (valid[row / 64] & (1UL << (int)(row % 64))) == 0) continue;
            Add((State*)states[row], keys[row], arena);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Add(State* state, ulong key, RowKeyArena arena)
    {
        if (state->Count < InlineKeys)
        {
            state->Inline[state->Count++] = key;
            return;
        }
        state->Count++;
        var tail = state->Tail;
        if (tail is null || tail->Count == Chunk.Capacity)
        {
            var chunk = (Chunk*)arena.Allocate(sizeof(Chunk));
            chunk->Next = null;
            chunk->Count = 0;
            if (tail is null) state->Head = chunk;
            else tail->Next = chunk;
            state->Tail = tail = chunk;
        }
        tail->Keys[tail->Count++] = key;
    }

    /// <summary>Each source state's keys added to its target's: the inline ones one by one, the chain linked after the target's.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Combine(IntPtr info, void** source, void** target, ulong count)
    {
        RowKeyArena? arena = null;
        for (ulong i = 0; i < count; i++)
        {
            var from = (State*)source[i];
            var to = (State*)target[i];
            if (from->Count == 0) continue;
            var inline = Math.Min(from->Count, InlineKeys);
            for (var k = 0; k < inline; k++) Add(to, from->Inline[k], arena ??= Arena(info));
            if (from->Head is not null)
            {
                if (to->Head is null) to->Head = from->Head;
                else to->Tail->Next = from->Head;
                to->Tail = from->Tail;
                to->Count += from->Count - inline;
            }
            *from = default;
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Finalize(IntPtr info, void** source, IntPtr result, ulong count, ulong offset)
    {
        var counts = (long*)DuckDbAggregateApi.VectorData(result);
        Span<ulong> buffer = stackalloc ulong[StackLength];
        for (ulong i = 0; i < count; i++)
        {
            var state = (State*)source[i];
            var keys = state->Count;
            var sorted = keys <= StackLength ? buffer[..(int)keys] : new ulong[keys];
            var n = (int)Math.Min(keys, InlineKeys);
            for (var k = 0; k < n; k++) sorted[k] = state->Inline[k];
            for (var chunk = state->Head; chunk is not null; chunk = chunk->Next)
            {
                for (var k = 0; k < chunk->Count; k++) sorted[n++] = chunk->Keys[k];
            }
            counts[offset + i] = Count(sorted);
        }
    }

    /// <summary>The arena the function was registered with.</summary>
    private static RowKeyArena Arena(IntPtr info) => (RowKeyArena)GCHandle.FromIntPtr(DuckDbAggregateApi.GetExtraInfo(info)).Target!;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void FreeHandle(IntPtr handle) => GCHandle.FromIntPtr(handle).Free();

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
