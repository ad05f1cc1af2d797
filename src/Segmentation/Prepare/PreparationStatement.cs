using System.Diagnostics;
using DuckDB.NET.Data;
using Segmentation.Prepare.Engine;

namespace Segmentation.Prepare;

/// <summary>
/// The preparation statement run over a source relation, in the engine or the database: in parts when the input
/// outgrows the engine's memory, once more in more parts when it runs out, the engine's progress polled meanwhile.
/// </summary>
internal static class PreparationStatement
{
    /// <summary>
    /// Runs the preparation statement over <paramref name="relation"/>: its result, the rules it applied, the time it
    /// took. An input of more rows than the engine's memory holds in one statement is prepared in parts of the
    /// customers (<see cref="Part"/>), each a statement of its own; <paramref name="rows"/> (an estimate; null when
    /// unknown) says how many parts. An engine that still runs out of memory tries once more with four times the
    /// parts, then stops with an <see cref="InputException"/> naming the memory limit: the row readers, which other
    /// engine failures fall back to, would append every row to the same engine and run out too.
    /// </summary>
    public static (PreparationResult Result, IReadOnlyList<DropReason> Rules, TimeSpan Elapsed) Run(System.Data.Common.DbConnection connection,
        SqlDialect dialect, SourceRelation relation, PrepareOptions options, List<(string, object?)> parameters, IProgress<ReadProgress>? progress, long? rows)
    {
        var cleaning = options.CleaningInForce;
        var rules = PreparationQuery.Rules(relation, cleaning);
        parameters.AddRange(PreparationQuery.Parameters(cleaning));
        var started = Stopwatch.StartNew();
        // A database server manages its own memory: the statement runs there whole.
        var engine = connection as DuckDBConnection;
        var parts = engine is null ? 1 : PartsFor(rows, options.EngineMemoryMegabytes);
        var (part, count) = (0, parts);
        using var polling = progress is not null && engine is not null
            ? EngineProgress(engine, options.EnginePollInterval, fraction => progress.Report(ReadProgress.OfFraction((part + fraction) / count)))
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

    public static bool IsOutOfMemory(DuckDBException e) => e.ErrorType == DuckDB.NET.Native.DuckDBErrorType.OutOfMemory;

    /// <summary>Reports how far the engine's statement has come while it runs.</summary>
    private static EnginePolling EngineProgress(DuckDBConnection engine, TimeSpan interval, Action<double> report) => new(() =>
    {
        if (engine.GetQueryProgress().Percentage is var percent and >= 0) report(percent / 100);
    }, interval);

    public static DuckDbEngine Engine(PrepareOptions options, DuckDBConnection? database = null) =>
        new(options.EngineMemoryMegabytes, options.SpillFolder, database);

    public static InputException OutOfMemory(string source, PrepareOptions options, DuckDBException e) => new(source,
        $"the engine needed more than its {options.EngineMemoryMegabytes:N0} MB to clean and aggregate this input: allow it more",
        inner: e, option: OptionNames.EngineMemory);

}
