using DuckDB.NET.Data;

namespace Segmentation.Tests;

/// <summary>Parquet test inputs, written by DuckDB (the test's own paths, quoted as SQL literals).</summary>
internal static class ParquetFiles
{
    /// <summary>A Parquet file holding the rows of <paramref name="select"/>.</summary>
    public static void FromQuery(string select, string parquet) => Execute($"COPY ({select}) TO {Literal(parquet)} (FORMAT parquet)");

    private static void Execute(string sql)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string Literal(string path) => "'" + path.Replace("'", "''", StringComparison.Ordinal) + "'";
}
