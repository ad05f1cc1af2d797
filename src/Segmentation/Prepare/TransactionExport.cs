using System.Globalization;
using Segmentation.IO;
using Segmentation.Prepare.Sources;

namespace Segmentation.Prepare;

/// <summary>
/// <c>export</c>: the rows of any readable source (a workbook, another layout through a column mapping) written
/// as a plain CSV, CSV.gz or Parquet file in the UCI Online Retail layout, every row as read, before cleaning. Text fields are
/// always quoted and written as they are (no spreadsheet formula guard): the file is data to be read back.
/// </summary>
internal static class TransactionExport
{
    public const string Header = "\"InvoiceNo\",\"StockCode\",\"Description\",\"Quantity\",\"InvoiceDate\",\"UnitPrice\",\"CustomerID\",\"Country\"";

    /// <returns>The number of rows written.</returns>
    public static long Write(TransactionSource source, string path, IngestOptions? ingest = null)
    {
        if (path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase)) return WriteParquet(source, path, ingest);
        ingest ??= IngestOptions.Default;
        long rows = 0;
        using var stream = source.Open(ingest);
        TextOutput.Write(path, w =>
        {
            w.WriteLine(Header);
            foreach (var t in stream.Rows)
            {
                w.Write(Quoted(t.InvoiceNo)); w.Write(',');
                w.Write(Quoted(t.StockCode)); w.Write(',');
                w.Write(Quoted(t.Description)); w.Write(',');
                w.Write(Number(t.Quantity)); w.Write(',');
                w.Write(Quoted(t.Date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))); w.Write(',');
                w.Write(Number(t.UnitPrice)); w.Write(',');
                w.Write(t.CustomerId ?? ""); w.Write(',');
                w.WriteLine(Quoted(t.Country));
                rows++;
            }
        });
        return rows;
    }

    /// <summary>
    /// Parquet through DuckDB: the rows are exported as CSV.gz to a scratch file, then DuckDB converts it (with the
    /// types it infers, as for any CSV) into a second scratch file that is moved into place. Both scratch names are
    /// generated: no text of the user's reaches the SQL, whose only value travels as a parameter.
    /// </summary>
    private static long WriteParquet(TransactionSource source, string path, IngestOptions? ingest)
    {
        var scratch = Path.Combine(Path.GetTempPath(), $"segmentation-export-{Guid.NewGuid():N}");
        Directory.CreateDirectory(scratch);
        try
        {
            var csv = Path.Combine(scratch, "rows.csv.gz");
            var rows = Write(source, csv, ingest);
            var parquet = Path.Combine(scratch, "rows.parquet");
            using (var connection = new DuckDB.NET.Data.DuckDBConnection("DataSource=:memory:"))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                // COPY takes no parameter for its target; the target is the generated scratch name above.
                command.CommandText = $"COPY (SELECT * FROM read_csv($csv, header = true)) TO '{parquet.Replace("'", "''", StringComparison.Ordinal)}' (FORMAT parquet)";
                command.Parameters.Add(new DuckDB.NET.Data.DuckDBParameter("csv", csv));
                command.ExecuteNonQuery();
            }
            var full = Path.GetFullPath(path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.Move(parquet, full, overwrite: true);
            return rows;
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static string Quoted(string? value) => value is null ? "" : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}
