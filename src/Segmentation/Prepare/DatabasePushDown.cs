using System.Diagnostics;
using DuckDB.NET.Data;
using Segmentation.Prepare.Engine;
using Segmentation.Prepare.Sources;

namespace Segmentation.Prepare;

/// <summary>A database table or query prepared where it lives: only the statement's per-customer rows travel.</summary>
internal static class DatabasePushDown
{
    /// <summary>
    /// The preparation statement run in the database (PostgreSQL) or on the read-only file (DuckDB), or why the row
    /// readers must read the rows (a value the statement cannot read: they name its row and column, or skip it).
    /// </summary>
    public static EngineRead Read(DatabaseInput input, PrepareOptions options, IProgress<ReadProgress>? progress)
    {
        var started = Stopwatch.StartNew();
        var name = input.Describe();
        using var connection = DatabaseReader.Connect(input);
        var schema = DatabaseReader.Schema(connection, input);
        var columns = ResolvedColumns.Resolve(name, schema.Select(c => c.Name).ToArray(), options.Ingest);
        var relation = SourceRelation.Bind(name, input.From, columns,
            i => new SourceColumn(SqlDialect.Quote(schema[i].Name), schema[i].IsText ? ColumnKind.Text : ColumnKind.Typed));
        using var engine = connection is DuckDBConnection duckDb ? PreparationStatement.Engine(options, duckDb) : null;
        try
        {
            PreparationResult result;
            IReadOnlyList<DropReason> rules;
            if (engine is null) (result, rules) = PreparationStatement.Run(connection, SqlDialect.PostgreSql, relation, options);
            else (result, rules, _) = PreparationStatement.Run(engine, relation, options, [], progress, rows: null);
            if (result.BadRows > 0) return new EngineRead.RowReadersNeeded("a value does not parse");
            return new EngineRead.Prepared(PreparedDataBuilder.Build(result, name, rules, badRows: null, options, columns.Uses()) with { Timings = [new StageTiming("prepare", started.Elapsed)] });
        }
        catch (System.Data.Common.DbException)
        {
            // A text value of the right shape that still fails its cast (2011-02-30): the row readers name it.
            return new EngineRead.RowReadersNeeded("a value fails its cast in the database");
        }
    }
}
