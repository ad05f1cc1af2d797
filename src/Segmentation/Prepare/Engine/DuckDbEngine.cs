using System.Data.Common;
using DuckDB.NET.Data;
using Segmentation.Prepare.Sources;

namespace Segmentation.Prepare.Engine;

/// <summary>
/// The embedded engine: an in-memory DuckDB that reads a CSV, CSV.gz or Parquet file itself (as text, every value
/// tried with TRY_CAST) or takes rows the row readers parsed, and runs <see cref="PreparationQuery"/> over them.
/// Spills to a temporary folder of its own, never next to the input, and removes it when disposed.
/// </summary>
internal sealed class DuckDbEngine : IDisposable
{
    public const string RowsTable = "parsed_rows";

    private readonly string _spill;

    /// <param name="memoryMegabytes">The engine's memory limit; beyond it, it spills.</param>
    /// <param name="spillParent">The folder to spill into (a folder of its own inside it); null: the system's temporary folder.</param>
    /// <param name="database">A DuckDB database file opened read-only (see <see cref="DatabaseReader.Connect"/>); an in-memory one without it.</param>
    public DuckDbEngine(int memoryMegabytes, string? spillParent, DuckDBConnection? database = null)
    {
        _spill = Path.Combine(spillParent ?? Path.GetTempPath(), $"segmentation-engine-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Connection = database ?? new DuckDBConnection("DataSource=:memory:");
        if (database is null) Connection.Open();
        // The order of rows is never needed (every result is an aggregate): DuckDB then streams with less memory.
        Execute("SET preserve_insertion_order = false");
        Execute($"SET temp_directory = '{_spill.Replace("'", "''", StringComparison.Ordinal)}'");
        Execute($"SET memory_limit = '{memoryMegabytes.ToString(System.Globalization.CultureInfo.InvariantCulture)}MB'");
        // The engine tracks how far a statement has come only with its progress bar on; it must not print it.
        Execute("SET enable_progress_bar = true");
        Execute("SET enable_progress_bar_print = false");
        DistinctRowsAggregate.Register(Connection);
    }

    public DuckDBConnection Connection { get; }

    /// <summary>
    /// The bytes DuckDB reads a CSV in at a time: its default maximum line, so no line it read before is refused now.
    /// Its default buffer (16 lines' worth, 32 MB) gave the UCI file's 52 MB to one thread, and a fresh buffer's pages
    /// cost a fault each on first touch: at 2 MB the 10M-row statement took 6.4-7.1 s against 7.0-7.6 s (alternating,
    /// four each), the bare read 1.09 s against 1.53 s, the UCI CSV.gz statement 0.53 s against 0.73 s.
    /// </summary>
    private const int CsvBufferBytes = 2 << 20;

    /// <summary>
    /// A CSV or CSV.gz file read by DuckDB in order, with the header the row readers resolved: the columns at
    /// <paramref name="numbers"/> as the exact decimals the sums use, every other column as text.
    /// </summary>
    /// <remarks>
    /// Its parameters: $path and $delim (one character). The reader's own parse of a number is the cast's (what one
    /// reads, the other does, 1e3 and +5 as 1000 and 5; checked in the tests), without a string made of every value
    /// first: 0.17 s of the 10M-row file's read. A value that is no number fails the read rather than being NULL,
    /// and the row readers then name it, as they name a NULL the statement counts as bad.
    /// </remarks>
    public static (string From, Func<int, SourceColumn> Column) Csv(int columns, bool gzipped, IReadOnlyCollection<int> numbers)
    {
        string Type(int i) => numbers.Contains(i) ? SqlDialect.DuckDbDecimal : "VARCHAR";
        return ($"read_csv($path, header = true, auto_detect = false, delim = $delim, quote = '\"', escape = '\"', compression = '{(gzipped ? "gzip" : "none")}', buffer_size = {CsvBufferBytes}, columns = {{{string.Join(", ", Enumerable.Range(0, columns).Select(i => $"'c{i}': '{Type(i)}'"))}}})",
            i => new SourceColumn($"c{i}", numbers.Contains(i) ? ColumnKind.Typed : ColumnKind.Text));
    }

    /// <summary>The names and types of a Parquet file's columns.</summary>
    public IReadOnlyList<(string Name, string Type)> ParquetSchema(string path)
    {
        using var command = Command("DESCRIBE SELECT * FROM read_parquet($path)", ("path", path));
        using var reader = command.ExecuteReader();
        var columns = new List<(string, string)>();
        while (reader.Read()) columns.Add((reader.GetString(0), reader.GetString(1)));
        return columns;
    }

    /// <summary>A table for rows the row readers parsed, in the engine's own types (exact decimals).</summary>
    public void CreateRowsTable() => Execute($"""
        CREATE TEMP TABLE {RowsTable} (customer VARCHAR, invoice VARCHAR, date TIMESTAMP, quantity DECIMAL(38,10), unit_price DECIMAL(38,10),
            amount DECIMAL(38,12), stock_code VARCHAR, description VARCHAR, country VARCHAR)
        """);

    /// <summary>The number of rows of a Parquet file, from its metadata.</summary>
    public long ParquetRows(string path)
    {
        using var command = Command("SELECT count(*) FROM read_parquet($path)", ("path", path));
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Writes the rows of <paramref name="select"/> once, as Parquet files in a folder per value of its
    /// <paramref name="partColumn"/>, inside the engine's spill folder (removed with it): returns each part's files
    /// (a pattern for read_parquet), null for a part no row fell in.
    /// </summary>
    /// <remarks>
    /// Read back, Parquet's dictionaries hand the engine each distinct value once: on the 10M-row CSV, two parts' statements
    /// over their staged rows took 4.0 s where the whole statement over the CSV took 7.1 s.
    /// </remarks>
    public IReadOnlyList<string?> Stage(string select, IEnumerable<(string Name, object? Value)> parameters, string partColumn, int parts)
    {
        // One staging at a time: a retry in more parts replaces the last one's files.
        var folder = Path.Combine(_spill, "staged");
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        Directory.CreateDirectory(_spill);
        using (var command = Command($"COPY ({select}) TO $staged (FORMAT parquet, PARTITION_BY ({partColumn}), COMPRESSION zstd)", [.. parameters, ("staged", folder)]))
        {
            command.ExecuteNonQuery();
        }
        return Enumerable.Range(0, parts).Select(p => Path.Combine(folder, $"{partColumn}={p.ToString(System.Globalization.CultureInfo.InvariantCulture)}"))
            .Select(part => Directory.Exists(part) ? Path.Combine(part, "*.parquet") : null).ToArray();
    }

    /// <summary>The FROM clause that reads one part's staged files (see <see cref="Stage"/>), named by <paramref name="parameter"/>.</summary>
    public static string StagedPart(string parameter) => $"read_parquet(${parameter}, hive_partitioning = false)";

    /// <summary>Appends the rows to <see cref="RowsTable"/>; returns how many.</summary>
    public long Append(IEnumerable<Transaction> rows)
    {
        using var appender = Connection.CreateAppender(RowsTable);
        long count = 0;
        foreach (var row in rows)
        {
            count++;
            appender.CreateRow()
                .AppendValue(row.CustomerId).AppendValue(row.InvoiceNo).AppendValue(row.Date)
                .AppendValue(row.Quantity).AppendValue(row.UnitPrice).AppendValue((decimal?)row.Amount)
                .AppendValue(row.StockCode).AppendValue(row.Description).AppendValue(row.Country)
                .EndRow();
        }
        return count;
    }

    public DbCommand Command(string sql, params (string Name, object? Value)[] parameters) => Command(Connection, sql, parameters);

    /// <summary>A command on any engine's connection, its values passed as parameters, never in the text.</summary>
    public static DbCommand Command(DbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    private void Execute(string sql)
    {
        using var command = Command(sql);
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        Connection.Dispose();
        try
        {
            if (Directory.Exists(_spill)) Directory.Delete(_spill, recursive: true);
        }
        catch (IOException)
        {
            // A spill folder left in the temporary folder is harmless; the result is already computed.
        }
    }
}
