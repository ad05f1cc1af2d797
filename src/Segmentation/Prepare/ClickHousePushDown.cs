using System.Diagnostics;
using Segmentation.Prepare.Engine;
using Segmentation.Prepare.Sources;

namespace Segmentation.Prepare;

/// <summary>
/// A ClickHouse table or query prepared where it lives: the statement (<see cref="ClickHouseQuery"/>) runs on the
/// server, and on the shards of a Distributed table; only its rows per customer, month, country and product come
/// back, and the bytes they took are counted.
/// </summary>
internal static class ClickHousePushDown
{
    public static EngineRead Read(DatabaseInput input, PrepareOptions options)
    {
        var started = Stopwatch.StartNew();
        var name = input.Describe();
        using var server = ClickHouseServer.Connect(input.ClickHouse!, name);
        var schema = Schema(server, input);
        var columns = ResolvedColumns.Resolve(name, schema.Select(c => c.Name).ToArray(), options.Ingest);
        var relation = SourceRelation.Bind(name, input.From, columns,
            i => new SourceColumn(ClickHouseSql.Identifier(schema[i].Name), schema[i].IsText ? ColumnKind.Text : ColumnKind.Typed));
        var cleaning = options.Cleaning with { Before = options.AsOf ?? options.Cleaning.Before, Since = options.Since ?? options.Cleaning.Since };
        var rules = PreparationQuery.Rules(relation, cleaning);
        var sql = ClickHouseQuery.Build(relation, cleaning, options.PurchaseDays);
        PreparationResult result;
        long bytes;
        using (var reader = server.Read(sql, Failing(input)))
        {
            result = PreparationResult.Read([reader], rules, relation.Invoice is not null);
            bytes = reader.BytesRead;
        }
        if (result.BadRows > 0) return new EngineRead.RowReadersNeeded("a value does not parse");
        return new EngineRead.Prepared(PreparedDataBuilder.Build(result, name, rules, badRows: null, options, columns.Uses()) with
        {
            Timings = [new StageTiming("prepare", started.Elapsed)],
            SourceBytes = bytes,
        });
    }

    /// <summary>The option a failing table or query is put right by.</summary>
    public static string Failing(DatabaseInput input) => input.Table is not null ? OptionNames.Table : OptionNames.Query;

    /// <summary>The columns of the table or the query's result, and whether each holds text (String, FixedString, LowCardinality(String), Nullable of these).</summary>
    public static IReadOnlyList<(string Name, bool IsText)> Schema(ClickHouseServer server, DatabaseInput input)
    {
        var columns = new List<(string, bool)>();
        using var reader = server.Read($"DESCRIBE TABLE {input.From}", Failing(input));
        while (reader.Read())
        {
            var type = reader.GetString(1);
            columns.Add((reader.GetString(0), type.Contains("String", StringComparison.Ordinal)));
        }
        return columns;
    }
}
