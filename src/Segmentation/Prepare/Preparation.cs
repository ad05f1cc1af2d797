using System.Diagnostics;
using DuckDB.NET.Data;
using Segmentation.Prepare.Engine;
using Segmentation.Prepare.Sources;

namespace Segmentation.Prepare;

/// <summary>
/// Ingest, cleaning and RFM. A CSV, CSV.gz or Parquet file is read by the embedded engine itself, every value
/// checked as it is cast, and cleaned and aggregated in the same statement; any other source (a workbook, the
/// sample, rows in memory) is parsed by the row readers and appended to the engine, which runs the same
/// statement. A file the engine finds a bad value in (or cannot read) goes to the row readers too: they name
/// the file, row and column, or skip and count the row when asked.
/// </summary>
internal static class Preparation
{
    /// <summary>How often, in rows, the row readers report progress.</summary>
    public const int ProgressInterval = 100_000;

    public static PreparedData Run(string path, PrepareOptions? options = null, IProgress<ReadProgress>? progress = null)
    {
        options ??= PrepareOptions.Default;
        return ReadByEngine(path, options, progress) ?? Run(() => TransactionReader.Open(path, options.Ingest), options, progress);
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
        using var engine = Engine(options);
        engine.CreateRowsTable();
        long appended;
        try
        {
            appended = engine.Append(Counted(stream.Rows, progress));
        }
        catch (DuckDBException e) when (IsOutOfMemory(e))
        {
            throw OutOfMemory(stream.File, options, e);
        }
        var ingest = reading.Elapsed;

        var mapping = stream.Mapping;
        SourceColumn Column(string name) => new(name, ColumnKind.Ready);
        var lineAmounts = mapping.Amount is not null;
        var relation = new SourceRelation(stream.File, DuckDbEngine.RowsTable,
            Column("customer"), mapping.Invoice is null ? null : Column("invoice"), Column("date"),
            lineAmounts ? null : Column("quantity"), lineAmounts ? null : Column("unit_price"), Column("amount"),
            Column("stock_code"), Column("description"), Column("country"));
        var (result, rules, elapsed) = Query(engine.Connection, SqlDialect.DuckDb, relation, options, [], progress: null, appended);
        return Build(result, relation.Name, rules, stream.BadRows, options, ColumnRecogniser.Uses(mapping, stream.Header)) with
        {
            Timings = [new StageTiming("ingest", ingest), new StageTiming("prepare", elapsed)],
        };
    }

    /// <summary>
    /// The engine's own read of a CSV, CSV.gz or Parquet file; null when the row readers must read it (a value
    /// that does not parse, a row that does not fit the header, a date format or decimal comma the engine does
    /// not read as they do).
    /// </summary>
    private static PreparedData? ReadByEngine(string path, PrepareOptions options, IProgress<ReadProgress>? progress)
    {
        var ingest = options.Ingest;
        if (ingest.DateFormat is not null || ingest.DecimalSeparator != '.') return null;
        var started = Stopwatch.StartNew();
        IReadOnlyList<string> header;
        ColumnMapping mapping;
        InputFormat format;
        // The row readers open the file: the same checks of its existence, format and header, the same messages.
        using (var stream = TransactionReader.Open(path, ingest))
        {
            (header, mapping, format) = (stream.Header, stream.Mapping, stream.Format);
        }
        if (format is not (InputFormat.Csv or InputFormat.CsvGzip or InputFormat.Parquet)) return null;
        var columns = ResolvedColumns.Resolve(path, header, mapping);

        using var engine = Engine(options);
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
            var (from, column) = DuckDbEngine.Csv(header.Count);
            relation = SourceRelation.Bind(path, from, columns, column);
            parameters.Add(("delim", ingest.Delimiter.ToString()));
            parameters.Add(("compression", format == InputFormat.CsvGzip ? "gzip" : "none"));
            rows = EstimatedRows(path, format);
        }
        try
        {
            var (result, rules, _) = Query(engine.Connection, SqlDialect.DuckDb, relation, options, parameters, progress, rows);
            // A value that does not parse: the row readers read the file again and name it (or skip it, as asked).
            if (result.BadRows > 0) return null;
            return Build(result, path, rules, badRows: null, options, columns.Uses()) with { Timings = [new StageTiming("prepare", started.Elapsed)] };
        }
        catch (DuckDBException)
        {
            // A row that does not fit the header, bytes that are not UTF-8, a damaged archive: the row readers
            // read the file again and say which row and why. (Running out of memory is no such case: Query says so.)
            return null;
        }
    }

    /// <summary>
    /// A table or query of a database: the preparation statement runs in the database (PostgreSQL) or on the
    /// read-only file (DuckDB), so only its one row per customer, month, country and product travels. A value the
    /// statement cannot read sends the rows through the row readers, which name the row and column (or skip it).
    /// </summary>
    public static PreparedData Run(DatabaseInput input, PrepareOptions? options = null, IProgress<ReadProgress>? progress = null)
    {
        options ??= PrepareOptions.Default;
        return PushDown(input, options, progress) ?? Run(() => DatabaseReader.Open(input, options.Ingest), options, progress);
    }

    private static PreparedData? PushDown(DatabaseInput input, PrepareOptions options, IProgress<ReadProgress>? progress)
    {
        var started = Stopwatch.StartNew();
        var name = input.Describe();
        using var connection = DatabaseReader.Connect(input);
        var schema = DatabaseReader.Schema(connection, input);
        var columns = ResolvedColumns.Resolve(name, schema.Select(c => c.Name).ToArray(), options.Ingest);
        var relation = SourceRelation.Bind(name, input.From, columns,
            i => new SourceColumn(SqlDialect.Quote(schema[i].Name), schema[i].IsText ? ColumnKind.Text : ColumnKind.Typed));
        using var engine = connection is DuckDBConnection duckDb ? Engine(options, duckDb) : null;
        var dialect = engine is null ? SqlDialect.PostgreSql : SqlDialect.DuckDb;
        try
        {
            var (result, rules, _) = Query(connection, dialect, relation, options, [], progress, rows: null);
            if (result.BadRows > 0) return null;
            return Build(result, name, rules, badRows: null, options, columns.Uses()) with { Timings = [new StageTiming("prepare", started.Elapsed)] };
        }
        catch (System.Data.Common.DbException)
        {
            // A text value of the right shape that still fails its cast (2011-02-30): the row readers name it.
            return null;
        }
    }

    /// <summary>
    /// Runs the preparation statement over <paramref name="relation"/>: its result, the rules it applied, the time it
    /// took. An input of more rows than the engine's memory holds in one statement is prepared in parts of the
    /// customers (<see cref="Part"/>), each a statement of its own; <paramref name="rows"/> (an estimate; null when
    /// unknown) says how many parts. An engine that still runs out of memory tries once more with four times the
    /// parts, then stops with an <see cref="InputException"/> naming the memory limit: the row readers, which other
    /// engine failures fall back to, would append every row to the same engine and run out too.
    /// </summary>
    private static (PreparationResult Result, IReadOnlyList<DropReason> Rules, TimeSpan Elapsed) Query(System.Data.Common.DbConnection connection,
        SqlDialect dialect, SourceRelation relation, PrepareOptions options, List<(string, object?)> parameters, IProgress<ReadProgress>? progress, long? rows)
    {
        var cleaning = Cleaning(options);
        var rules = PreparationQuery.Rules(relation, cleaning);
        parameters.AddRange(PreparationQuery.Parameters(cleaning));
        var started = Stopwatch.StartNew();
        // A database server manages its own memory: the statement runs there whole.
        var engine = connection as DuckDBConnection;
        var parts = engine is null ? 1 : PartsFor(rows, options.EngineMemoryMegabytes);
        var (part, count) = (0, parts);
        using var polling = progress is not null && engine is not null
            ? EngineProgress(engine, fraction => progress.Report(ReadProgress.OfFraction((part + fraction) / count)))
            : null;
        IEnumerable<System.Data.Common.DbDataReader> Results(int n)
        {
            (part, count) = (0, n);
            for (; part < n; part++)
            {
                using var command = DuckDbEngine.Command(connection, PreparationQuery.Build(dialect, relation, cleaning, n > 1 ? new Part(part, n) : null, options.PurchaseDays), [.. parameters]);
                using var reader = command.ExecuteReader();
                yield return reader;
            }
        }
        PreparationResult Execute(int n) => PreparationResult.Read(Results(n), rules, relation.Invoice is not null);
        try
        {
            return (Execute(parts), rules, started.Elapsed);
        }
        catch (DuckDBException e) when (IsOutOfMemory(e))
        {
            if (parts >= MaxParts) throw OutOfMemory(relation.Name, options, e);
        }
        try
        {
            return (Execute(Math.Min(MaxParts, parts * 4)), rules, started.Elapsed);
        }
        catch (DuckDBException e) when (IsOutOfMemory(e))
        {
            throw OutOfMemory(relation.Name, options, e);
        }
    }

    /// <summary>
    /// Rows the engine prepares in one statement per MB of its memory. Measured on the synthetic 100M-row CSV at
    /// 2,048 MB: a part of 25M rows completed at 2.29 GB peak (the whole file runs out); this leaves a fifth spare.
    /// </summary>
    internal const long RowsPerMegabyte = 10_000;

    /// <summary>The most parts an input is prepared in (each reads the whole input once).</summary>
    internal const int MaxParts = 256;

    internal static int PartsFor(long? rows, int memoryMegabytes) =>
        rows is { } n ? (int)Math.Clamp((n + RowsPerMegabyte * memoryMegabytes - 1) / (RowsPerMegabyte * memoryMegabytes), 1, MaxParts) : 1;

    /// <summary>
    /// A text file's rows, estimated from its size before it is read: 80 bytes a row (the UCI file has 97, the
    /// synthetic sample 83: fewer bytes a row estimates more rows, which errs towards smaller parts), 7 times as
    /// many bytes inflated as gzipped (UCI: 6.7).
    /// </summary>
    private static long EstimatedRows(string path, InputFormat format) =>
        new FileInfo(path).Length * (format == InputFormat.CsvGzip ? 7 : 1) / 80;

    private static bool IsOutOfMemory(DuckDBException e) => e.ErrorType == DuckDB.NET.Native.DuckDBErrorType.OutOfMemory;

    /// <summary>Reports how far the engine's statement has come while it runs.</summary>
    private static Polling EngineProgress(DuckDBConnection engine, Action<double> report) => new(() =>
    {
        if (engine.GetQueryProgress().Percentage is var percent and >= 0) report(percent / 100);
    }, EnginePollInterval);

    /// <summary>How often the engine's progress is asked for (shorter in tests, which read small files).</summary>
    internal static TimeSpan EnginePollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Polls on a thread of its own, not the thread pool's: the thread running the statement is blocked in the engine,
    /// and a pool with no thread to spare (a test host, a busy web server) ran no timer callback at all during a
    /// half-second read (seen). Disposal stops the thread and waits for it: the connection it polls is closed next.
    /// </summary>
    private sealed class Polling : IDisposable
    {
        private readonly ManualResetEventSlim _stop = new(false);
        private readonly Thread _thread;

        public Polling(Action poll, TimeSpan interval)
        {
            _thread = new Thread(() =>
            {
                while (!_stop.Wait(interval)) poll();
            }) { IsBackground = true, Name = "engine progress" };
            _thread.Start();
        }

        public void Dispose()
        {
            _stop.Set();
            _thread.Join();
            _stop.Dispose();
        }
    }

    private static DuckDbEngine Engine(PrepareOptions options, DuckDBConnection? database = null) =>
        new(options.EngineMemoryMegabytes, options.SpillFolder, database);

    private static InputException OutOfMemory(string source, PrepareOptions options, DuckDBException e) => new(source,
        $"the engine needed more than its {options.EngineMemoryMegabytes:N0} MB to clean and aggregate this input: allow it more",
        inner: e, option: OptionNames.EngineMemory);

    /// <summary>The cleaning options in force: an as-of date also leaves out the rows on or after it.</summary>
    private static CleaningOptions Cleaning(PrepareOptions options) =>
        options.Cleaning with { Before = options.AsOf ?? options.Cleaning.Before, Since = options.Since ?? options.Cleaning.Since };

    /// <summary>The prepared data from the engine's result, checked: an input with no rows, or none kept, is an error.</summary>
    private static PreparedData Build(PreparationResult result, string source, IReadOnlyList<DropReason> rules, BadRowLog? badRows, PrepareOptions options, IReadOnlyList<ColumnUse> columns)
    {
        var skipped = badRows?.Count ?? 0;
        var rowsIn = result.RowsIn + skipped;
        if (rowsIn == 0) throw new InputException(source, "the file has a header but no data rows");
        var removed = new List<RuleCount>();
        if (badRows?.Skip == true) removed.Add(Count(DropReason.Unparseable, skipped));
        removed.AddRange(rules.Select(r => Count(r, result.Removed(r))));
        if (result.RowsOut == 0)
        {
            var counts = string.Join(", ", removed.Where(r => r.Rows > 0).Select(r => $"{r.Description}: {r.Rows:N0}"));
            throw new InputException(source,
                $"none of the {rowsIn:N0} rows is left after cleaning ({counts}); check the column mapping and the cleaning options");
        }
        var account = new DataQualityAccount(
            Source: source,
            RowsIn: rowsIn,
            Removed: removed,
            RowsOut: result.RowsOut,
            DuplicateRowsFound: result.Repeats,
            DuplicatesDropped: options.Cleaning.DropDuplicates,
            Customers: result.Customers,
            Invoices: result.Invoices,
            Revenue: result.Revenue,
            InputFirstDate: result.FirstAny,
            InputLastDate: result.LastAny,
            FirstDate: result.FirstKept,
            LastDate: result.LastKept,
            BadRowExamples: badRows?.Examples ?? [])
        {
            PurchasesReduced = result.Reduced,
            Columns = columns,
        };
        return new PreparedData(account, result.Rfm(options.AsOf), result.Sales(), []) { PurchaseDays = result.PurchaseDays() };
    }

    private static RuleCount Count(DropReason rule, long rows) => new(rule.Key(), rule.Describe(), rows);

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
