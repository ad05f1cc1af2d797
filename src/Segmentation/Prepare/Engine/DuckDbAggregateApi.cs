using System.Runtime.InteropServices;
using DuckDB.NET.Native;

namespace Segmentation.Prepare.Engine;

/// <summary>
/// The parts of DuckDB's C API that register an aggregate function and read its chunks, which DuckDB.NET does not
/// wrap: declared against the same native library its bindings load.
/// </summary>
internal static unsafe partial class DuckDbAggregateApi
{
    private const string Library = "duckdb";

    [LibraryImport(Library, EntryPoint = "duckdb_create_aggregate_function")]
    public static partial IntPtr Create();

    [LibraryImport(Library, EntryPoint = "duckdb_destroy_aggregate_function")]
    public static partial void Destroy(ref IntPtr function);

    [LibraryImport(Library, EntryPoint = "duckdb_aggregate_function_set_name", StringMarshalling = StringMarshalling.Utf8)]
    public static partial void SetName(IntPtr function, string name);

    [LibraryImport(Library, EntryPoint = "duckdb_aggregate_function_add_parameter")]
    public static partial void AddParameter(IntPtr function, IntPtr type);

    [LibraryImport(Library, EntryPoint = "duckdb_aggregate_function_set_return_type")]
    public static partial void SetReturnType(IntPtr function, IntPtr type);

    /// <summary>The state's size, its initialisation, and the update, combine and finalize callbacks (DuckDB's <c>duckdb_aggregate_*_t</c>).</summary>
    [LibraryImport(Library, EntryPoint = "duckdb_aggregate_function_set_functions")]
    public static partial void SetFunctions(IntPtr function, delegate* unmanaged[Cdecl]<IntPtr, ulong> size, delegate* unmanaged[Cdecl]<IntPtr, void*, void> init,
        delegate* unmanaged[Cdecl]<IntPtr, IntPtr, void**, void> update, delegate* unmanaged[Cdecl]<IntPtr, void**, void**, ulong, void> combine,
        delegate* unmanaged[Cdecl]<IntPtr, void**, IntPtr, ulong, ulong, void> finalize);

    /// <summary>What DuckDB calls on every state when it is done with them (<c>duckdb_aggregate_destroy_t</c>).</summary>
    [LibraryImport(Library, EntryPoint = "duckdb_aggregate_function_set_destructor")]
    public static partial void SetDestructor(IntPtr function, delegate* unmanaged[Cdecl]<void**, ulong, void> destroy);

    /// <summary>Fails the running statement with <paramref name="error"/>: how a callback, which must not throw, reports.</summary>
    [LibraryImport(Library, EntryPoint = "duckdb_aggregate_function_set_error", StringMarshalling = StringMarshalling.Utf8)]
    public static partial void SetError(IntPtr info, string error);

    [LibraryImport(Library, EntryPoint = "duckdb_register_aggregate_function")]
    public static partial DuckDBState Register(IntPtr connection, IntPtr function);

    [LibraryImport(Library, EntryPoint = "duckdb_data_chunk_get_size")]
    public static partial ulong ChunkSize(IntPtr chunk);

    [LibraryImport(Library, EntryPoint = "duckdb_data_chunk_get_vector")]
    public static partial IntPtr ChunkVector(IntPtr chunk, ulong index);

    [LibraryImport(Library, EntryPoint = "duckdb_vector_get_data")]
    public static partial void* VectorData(IntPtr vector);

    /// <summary>A vector's validity mask, a bit per row; null where every row is valid.</summary>
    [LibraryImport(Library, EntryPoint = "duckdb_vector_get_validity")]
    public static partial ulong* VectorValidity(IntPtr vector);
}
