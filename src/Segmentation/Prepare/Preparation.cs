using System.Diagnostics;
using DuckDB.NET.Data;
using Segmentation.Prepare.Engine;
using Segmentation.Prepare.Sources;

namespace Segmentation.Prepare;

/// <summary>
/// Ingest, cleaning and RFM: where each source goes. A CSV, CSV.gz or Parquet file is read by the embedded engine
/// itself (<see cref="FileEngineRead"/>), a database table where it lives (<see cref="DatabasePushDown"/>); any other
/// source (a workbook, the sample, rows in memory), and one the engine finds a bad value in or cannot read, is parsed
/// by the row readers and appended to the engine, which runs the same statement (<see cref="PreparationStatement"/>):
/// they name the file, row and column, or skip and count the row when asked.
/// </summary>
internal static class Preparation
{
    /// <summary>How often, in rows, the row readers report progress.</summary>
    public const int ProgressInterval = 100_000;

    public static PreparedData Run(string path, PrepareOptions? options = null, IProgress<ReadProgress>? progress = null)
    {
        options ??= PrepareOptions.Default;
        return FileEngineRead.Read(path, options, progress) is EngineRead.Prepared engine
            ? engine.Data
            : Run(() => TransactionReader.Open(path, options.Ingest), options, progress);
    }

    /// <summary>Opens the input with <paramref name="open"/> and prepares its rows.</summary>
    public static PreparedData Run(Func<TransactionStream> open, PrepareOptions? options = null, IProgress<ReadProgress>? progress = null)
    {
        var opening = Stopwatch.StartNew();
        using var stream = open();
        var opened = opening.Elapsed;
        var prepared = Run(stream, options, progress);
        return prepared with
        {
            Timings = prepared.Timings.Select(t => t.Stage == "ingest" ? t with { Elapsed = t.Elapsed + opened } : t).ToArray(),
        };
    }

    public static PreparedData Run(TransactionStream stream, PrepareOptions? options = null, IProgress<ReadProgress>? progress = null)
    {
        options ??= PrepareOptions.Default;
        var reading = Stopwatch.StartNew();
        using var engine = PreparationStatement.Engine(options);
        engine.CreateRowsTable();
        long appended;
        try
        {
            appended = engine.Append(Counted(stream.Rows, progress));
        }
        catch (DuckDBException e) when (PreparationStatement.IsOutOfMemory(e))
        {
            throw PreparationStatement.OutOfMemory(stream.File, options, e);
        }
        var ingest = reading.Elapsed;

        var mapping = stream.Mapping;
        SourceColumn Column(string name) => new(name, ColumnKind.Ready);
        var lineAmounts = mapping.Amount is not null;
        var relation = new SourceRelation(stream.File, DuckDbEngine.RowsTable,
            Column("customer"), mapping.Invoice is null ? null : Column("invoice"), Column("date"),
            lineAmounts ? null : Column("quantity"), lineAmounts ? null : Column("unit_price"), Column("amount"),
            Column("stock_code"), Column("description"), Column("country"));
        var (result, rules, elapsed) = PreparationStatement.Run(engine, relation, options, [], progress: null, appended);
        return PreparedDataBuilder.Build(result, relation.Name, rules, stream.BadRows, options, stream.Columns.Uses()) with
        {
            Timings = [new StageTiming("ingest", ingest), new StageTiming("prepare", elapsed)],
        };
    }

    /// <summary>
    /// A table or query of a database: the preparation statement runs in the database (PostgreSQL, ClickHouse) or on the
    /// read-only file (DuckDB), so only its one row per customer, month, country and product travels. A value the
    /// statement cannot read sends the rows through the row readers, which name the row and column (or skip it).
    /// </summary>
    public static PreparedData Run(DatabaseInput input, PrepareOptions? options = null, IProgress<ReadProgress>? progress = null)
    {
        options ??= PrepareOptions.Default;
        var read = input.Provider == DatabaseProvider.ClickHouse ? ClickHousePushDown.Read(input, options) : DatabasePushDown.Read(input, options, progress);
        return read is EngineRead.Prepared database
            ? database.Data
            : Run(() => DatabaseReader.Open(input, options.Ingest), options, progress);
    }

    private static IEnumerable<Transaction> Counted(IEnumerable<Transaction> rows, IProgress<ReadProgress>? progress)
    {
        long n = 0;
        foreach (var row in rows)
        {
            yield return row;
            if (++n % ProgressInterval == 0) progress?.Report(ReadProgress.OfRows(n));
        }
        progress?.Report(ReadProgress.OfRows(n));
    }
}
