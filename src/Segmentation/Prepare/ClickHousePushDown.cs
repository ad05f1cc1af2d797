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
        var (relation, columns) = Bind(server, input, options);
        var (data, bad) = Prepare(server, input, relation, columns, options, totalsOnly: false);
        return bad ? new EngineRead.RowReadersNeeded("a value does not parse")
            : new EngineRead.Prepared(data with { Timings = [new StageTiming("prepare", started.Elapsed)] });
    }

    /// <summary>The table's or query's columns, resolved to the fields as a file's header is.</summary>
    public static (SourceRelation Relation, ResolvedColumns Columns) Bind(ClickHouseServer server, DatabaseInput input, PrepareOptions options)
    {
        var name = input.Describe();
        var schema = Schema(server, input);
        var columns = ResolvedColumns.Resolve(name, schema.Select(c => c.Name).ToArray(), options.Ingest);
        var relation = SourceRelation.Bind(name, input.From, columns,
            i => new SourceColumn(ClickHouseSql.Identifier(schema[i].Name), schema[i].IsText ? ColumnKind.Text : ColumnKind.Typed));
        return (relation, columns);
    }

    /// <summary>
    /// The statement run on the server: the prepared data (with <paramref name="totalsOnly"/>, the account and the
    /// dates but no customer) and whether a value failed to parse (then the data are not to be used).
    /// </summary>
    public static (PreparedData Data, bool BadValues) Prepare(ClickHouseServer server, DatabaseInput input, SourceRelation relation, ResolvedColumns columns,
        PrepareOptions options, bool totalsOnly)
    {
        var cleaning = options.CleaningInForce;
        var rules = PreparationQuery.Rules(relation, cleaning);
        var sql = ClickHouseQuery.Build(relation, cleaning, options.PurchaseDays && !totalsOnly, options.ProductSales, totalsOnly);
        using var reader = server.Read(sql, input.FailingOption);
        var result = PreparationResult.Read([reader], rules, relation.Invoice is not null);
        if (result.BadRows > 0) return (null!, true);
        var data = PreparedDataBuilder.Build(result, relation.Name, rules, badRows: null, options, columns.Uses());
        return (data with { SourceBytes = reader.BytesRead }, false);
    }

    /// <summary>The columns of the table or the query's result, and whether each holds text (String, FixedString, LowCardinality(String), Nullable of these).</summary>
    public static IReadOnlyList<(string Name, bool IsText)> Schema(ClickHouseServer server, DatabaseInput input)
    {
        var columns = new List<(string, bool)>();
        using var reader = server.Read($"DESCRIBE TABLE {input.From}", input.FailingOption);
        while (reader.Read())
        {
            var type = reader.GetString(1);
            columns.Add((reader.GetString(0), type.Contains("String", StringComparison.Ordinal)));
        }
        return columns;
    }
}
