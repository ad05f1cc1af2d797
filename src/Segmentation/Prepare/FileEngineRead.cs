using System.Diagnostics;
using DuckDB.NET.Data;
using Segmentation.Prepare.Engine;
using Segmentation.Prepare.Sources;

namespace Segmentation.Prepare;

/// <summary>A CSV, CSV.gz or Parquet file read, cleaned and aggregated by the embedded engine in one statement.</summary>
internal static class FileEngineRead
{
    /// <summary>
    /// The engine's own read of a CSV, CSV.gz or Parquet file, or why the row readers must read it (a value that does
    /// not parse, a row that does not fit the header, a date format or decimal comma the engine does not read as they do).
    /// </summary>
    public static EngineRead Read(string path, PrepareOptions options, IProgress<ReadProgress>? progress)
    {
        var ingest = options.Ingest;
        if (ingest.DateFormat is not null || ingest.DecimalSeparator != '.') return new EngineRead.RowReadersNeeded("a date format or a decimal comma the engine does not read");
        var started = Stopwatch.StartNew();
        ResolvedColumns columns;
        InputFormat format;
        // The row readers open the file: the same checks of its existence, format and header, the same messages,
        // and the columns resolved once, there.
        using (var stream = TransactionReader.Open(path, ingest))
        {
            (columns, format) = (stream.Columns, stream.Format);
        }
        if (format is not (InputFormat.Csv or InputFormat.CsvGzip or InputFormat.Parquet)) return new EngineRead.RowReadersNeeded($"the engine does not read {format} files");

        using var engine = PreparationStatement.Engine(options);
        SourceRelation relation;
        List<(string, object?)> parameters = [("path", path)];
        long rows;
        if (format == InputFormat.Parquet)
        {
            var schema = engine.ParquetSchema(path);
            rows = engine.ParquetRows(path);
            relation = SourceRelation.Bind(path, "read_parquet($path)", columns,
                i => new SourceColumn(SqlDialect.Quote(schema[i].Name), schema[i].Type == "VARCHAR" ? ColumnKind.Text : ColumnKind.Typed));
        }
        else
        {
            relation = CsvRelation(path, columns, gzipped: format == InputFormat.CsvGzip);
            parameters.Add(("delim", ingest.Delimiter.ToString()));
            rows = EstimatedRows(path, format);
        }
        try
        {
            // The engine reads a Parquet file by positioned reads, which leave its descriptor's position at 0 (seen).
            var (result, rules, _) = PreparationStatement.Run(engine, relation, options, parameters, progress, rows,
                format == InputFormat.Parquet ? null : new FileReadPosition(path));
            // A value that does not parse: the row readers read the file again and name it (or skip it, as asked).
            if (result.BadRows > 0) return new EngineRead.RowReadersNeeded("a value does not parse");
            return new EngineRead.Prepared(PreparedDataBuilder.Build(result, path, rules, badRows: null, options, columns.Uses()) with { Timings = [new StageTiming("prepare", started.Elapsed)] });
        }
        catch (DuckDBException)
        {
            // A row that does not fit the header, bytes that are not UTF-8, a damaged archive: the row readers
            // read the file again and say which row and why. (Running out of memory is no such case: the statement says so.)
            return new EngineRead.RowReadersNeeded("the engine could not read the file");
        }
    }

    /// <summary>A CSV or CSV.gz file as the engine reads it: its numbers typed by the reader (see <see cref="DuckDbEngine.Csv"/>), the rest as text.</summary>
    public static SourceRelation CsvRelation(string path, ResolvedColumns columns, bool gzipped)
    {
        var (from, column) = DuckDbEngine.Csv(columns.Header.Count, gzipped,
            numbers: [.. new[] { columns.Quantity, columns.UnitPrice, columns.Amount }.Where(i => i >= 0)]);
        return SourceRelation.Bind(path, from, columns, column);
    }

    /// <summary>
    /// A text file's rows, estimated from its size before it is read: 80 bytes a row (the UCI file has 97, the
    /// synthetic sample 83: fewer bytes a row estimates more rows, which errs towards smaller parts), 7 times as
    /// many bytes inflated as gzipped (UCI: 6.7).
    /// </summary>
    private static long EstimatedRows(string path, InputFormat format) =>
        new FileInfo(path).Length * (format == InputFormat.CsvGzip ? 7 : 1) / 80;
}
