using System.Data.Common;
using System.Diagnostics;
using DuckDB.NET.Data;
using Segmentation.Prepare.Engine;

namespace Segmentation.Prepare;

/// <summary>
/// The preparation statement run over a source relation, in the embedded engine or in a database server: in the
/// engine, in parts when the input outgrows its memory, once more in more parts when it runs out, its progress
/// polled meanwhile.
/// </summary>
internal static class PreparationStatement
{
    /// <summary>
    /// Runs the preparation statement over <paramref name="relation"/> in the embedded engine: its result, the rules
    /// it applied, the time it took. An input of more rows than the engine's memory holds in one statement is prepared
    /// in parts of the customers (see <see cref="InParts"/>); <paramref name="rows"/> (an estimate;
    /// null when unknown) says how many parts. An engine that still runs out of memory tries once more with four times
    /// the parts, then stops with an <see cref="InputException"/> naming the memory limit: the row readers, which other
    /// engine failures fall back to, would append every row to the same engine and run out too.
    /// </summary>
    /// <param name="source">The values the relation's FROM clause reads (a file's path, its delimiter).</param>
    /// <param name="read">The file the engine reads in order (a CSV or CSV.gz): how far it has read it is how far the work in hand has come.</param>
    public static (PreparationResult Result, IReadOnlyList<DropReason> Rules, TimeSpan Elapsed) Run(DuckDbEngine engine,
        SourceRelation relation, PrepareOptions options, IReadOnlyList<(string, object?)> source, IProgress<ReadProgress>? progress, long? rows,
        FileReadPosition? read = null)
    {
        var rules = PreparationQuery.Rules(relation, options.CleaningInForce);
        var started = Stopwatch.StartNew();
        var parts = PartsFor(rows, options.EngineMemoryMegabytes);
        // How far the statement has come, as a share of the work in hand (a part's, the staging's), is reported
        // as a share of the whole, and never less than was reported before (the file closes when it has been read).
        var (done, share, reported) = (0.0, 1.0, 0.0);
        using var polling = progress is null ? null : EngineProgress(engine.Connection, read, options.EnginePollInterval, fraction =>
        {
            reported = Math.Max(reported, done + share * fraction);
            progress.Report(ReadProgress.OfFraction(reported));
        });
        void Step(double from, double width) => (done, share) = (from, width);
        PreparationResult Execute(int n) => n == 1
            ? PreparationResult.Read(Once(engine.Connection, SqlDialect.DuckDb, relation, options, source), rules, relation.Invoice is not null)
            : InParts(engine, relation, options, source, n, rules, Step);
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

    /// <summary>Runs the preparation statement in a database server, over the whole relation: the server manages its own memory.</summary>
    public static (PreparationResult Result, IReadOnlyList<DropReason> Rules) Run(DbConnection database, SqlDialect dialect, SourceRelation relation, PrepareOptions options)
    {
        var rules = PreparationQuery.Rules(relation, options.CleaningInForce);
        return (PreparationResult.Read(Once(database, dialect, relation, options, []), rules, relation.Invoice is not null), rules);
    }

    /// <summary>
    /// The statement over <paramref name="parts"/> parts of the customers, their results added up. The rows are read
    /// once and staged by part (<see cref="DuckDbEngine.Stage"/>), and each part's statement reads its own: reading
    /// the whole input again for every part took 271 s of the 100M-row CSV's 323 s in 6 parts. <paramref name="step"/>
    /// is told which share of the work each step is (the staging about half, as measured there).
    /// </summary>
    internal static PreparationResult InParts(DuckDbEngine engine, SourceRelation relation, PrepareOptions options, IReadOnlyList<(string, object?)> source,
        int parts, IReadOnlyList<DropReason> rules, Action<double, double>? step = null)
    {
        const string Staged = "part";
        step?.Invoke(0, 0.5);
        var staged = engine.Stage(PreparationQuery.Staging(SqlDialect.DuckDb, relation, parts), source, PreparationQuery.PartColumn, parts);
        var part = PreparationQuery.Staged(relation, DuckDbEngine.StagedPart(Staged));
        IEnumerable<DbDataReader> Results()
        {
            for (var p = 0; p < parts; p++)
            {
                step?.Invoke(0.5 + 0.5 * p / parts, 0.5 / parts);
                // A part no customer fell in has no rows, and adds nothing.
                if (staged[p] is not { } files) continue;
                foreach (var reader in Once(engine.Connection, SqlDialect.DuckDb, part, options, [(Staged, files)])) yield return reader;
            }
        }
        return PreparationResult.Read(Results(), rules, relation.Invoice is not null);
    }

    /// <summary>The statement over the whole relation: its one result, open while it is read.</summary>
    private static IEnumerable<DbDataReader> Once(DbConnection connection, SqlDialect dialect, SourceRelation relation, PrepareOptions options, IReadOnlyList<(string, object?)> source)
    {
        var cleaning = options.CleaningInForce;
        using var command = DuckDbEngine.Command(connection, PreparationQuery.Build(dialect, relation, cleaning, purchaseDays: options.PurchaseDays, productSales: options.ProductSales),
            [.. source, .. PreparationQuery.Parameters(cleaning)]);
        using var reader = command.ExecuteReader();
        yield return reader;
    }

    /// <summary>
    /// Rows the engine prepares in one statement per MB of its memory. Measured on the synthetic 100M-row CSV at
    /// 2,048 MB: a part of 25M rows completed at 2.29 GB peak (the whole file runs out); this leaves a fifth spare.
    /// </summary>
    internal const long RowsPerMegabyte = 10_000;

    /// <summary>The most parts an input is prepared in.</summary>
    internal const int MaxParts = 256;

    internal static int PartsFor(long? rows, int memoryMegabytes) =>
        rows is { } n ? (int)Math.Clamp((n + RowsPerMegabyte * memoryMegabytes - 1) / (RowsPerMegabyte * memoryMegabytes), 1, MaxParts) : 1;

    public static bool IsOutOfMemory(DuckDBException e) => e.ErrorType == DuckDB.NET.Native.DuckDBErrorType.OutOfMemory;

    /// <summary>Reports how far the engine's statement has come while it runs: by its read of the file while that is open, else by the engine's count.</summary>
    private static EnginePolling EngineProgress(DuckDBConnection engine, FileReadPosition? read, TimeSpan interval, Action<double> report) => new(() =>
    {
        if (read?.Fraction() is { } fraction) report(fraction);
        else if (engine.GetQueryProgress().Percentage is var percent and >= 0) report(percent / 100);
    }, interval);

    public static DuckDbEngine Engine(PrepareOptions options, DuckDBConnection? database = null) =>
        new(options.EngineMemoryMegabytes, options.SpillFolder, database);

    public static InputException OutOfMemory(string source, PrepareOptions options, DuckDBException e) => new(source,
        $"the engine needed more than its {options.EngineMemoryMegabytes:N0} MB to clean and aggregate this input: allow it more",
        inner: e, option: OptionNames.EngineMemory);
}
