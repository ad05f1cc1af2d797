using DuckDB.NET.Data;

namespace Segmentation.Prepare.Sources;

/// <summary>
/// Reads a Parquet file through the embedded DuckDB engine, row by row in the file's order, typed as the file
/// stores them (text, integers, doubles, decimals, timestamps); the same column mapping and row checks as every
/// other source apply. A row number counts the header as row 1, as for the other formats: row 2 is the file's first row.
/// </summary>
internal static class ParquetTransactionReader
{
    public static TransactionStream Open(string path, IngestOptions options)
    {
        DuckDBConnection? connection = null;
        try
        {
            connection = new DuckDBConnection("DataSource=:memory:");
            connection.Open();
            var command = connection.CreateCommand();
            // The path travels as a parameter, never inside the SQL text; insertion order is the file's row order.
            command.CommandText = "SELECT * FROM read_parquet($path)";
            // Rows as they are read: without it DuckDB holds the whole result first (12 GB for 100M rows, measured).
            command.UseStreamingMode = true;
            command.Parameters.Add(new DuckDBParameter("path", path));
            var reader = command.ExecuteReader();
            var owned = connection;
            return TypedRowReader.Open(new DataReaderSheet("the Parquet file", reader, command), path, options, InputFormat.Parquet, owned.Dispose, Describe);
        }
        catch (Exception e) when (e is not InputException)
        {
            connection?.Dispose();
            throw Describe(path, e, null);
        }
    }

    private static InputException Describe(string file, Exception e, long? row) => e switch
    {
        InputException input => input,
        _ => new InputException(file, $"the Parquet file cannot be read ({e.Message.ReplaceLineEndings(" ").Trim()})", row, inner: e),
    };
}
