using Segmentation.Clustering.Model;
using Segmentation.Clustering.Segments;
using Segmentation.Numerics;
using Segmentation.Prepare;
using Segmentation.Prepare.Engine;
using Segmentation.Prepare.Sources;
using Segmentation.Runs.Files;

namespace Segmentation.Runs;

/// <summary>
/// A saved model applied by a ClickHouse database to its own customers, the results written into a table there:
/// RFM, the scaler, the assignment, the scores and every column of the customer file are one INSERT ... SELECT run
/// by the server, so that millions of customers are scored without leaving the cluster. What comes back: the
/// account's totals and the distributions of recency, frequency and spend (distinct values and counts), which the
/// quintile scores, the quartiles behind the name check and the drift need over the whole population; they are
/// computed here by the same code as in process, and go back into the SQL as constants.
/// </summary>
internal static class InDatabaseScoring
{
    /// <summary>What scoring in the database came to.</summary>
    public sealed record Result(PreparedData Prepared, ScoreCheck Check, long Customers, long BytesReceived, IReadOnlyList<(string Segment, long Customers)> Segments);

    /// <summary>
    /// Scores <paramref name="database"/>'s customers into <paramref name="table"/>; null when it cannot be done there
    /// and the caller scores in process: not ClickHouse, a DBSCAN model (its nearest core customer is no SQL), or a
    /// value that does not parse (the row readers name it).
    /// </summary>
    public static Result? Run(SegmentationModel model, DatabaseInput database, PrepareOptions options, bool wholeFile, string table)
    {
        if (database.Provider != DatabaseProvider.ClickHouse || !ModelSql.Supports(model)) return null;
        using var customers = ClickHouseCustomers.Open(database, options);
        if (customers.Totals(options) is not { } whole) return null;
        var (prepared, used, days, first, narrowed) = ScoringWindow.Window(model, o => o == options ? whole : customers.Totals(o)!, options, wholeFile);
        var snapshot = prepared.Rfm.Snapshot;
        var rfm = customers.Rfm(used, snapshot);

        var recency = customers.Distribution(rfm, "recency");
        var frequency = customers.Distribution(rfm, "frequency");
        var monetary = customers.Distribution(rfm, "monetary_value");
        var count = recency.Sum(v => v.Count);
        var sortedRecency = Expand(recency);
        var check = ScoringWindow.Check(model, prepared, days, first, narrowed, (sortedRecency, Expand(frequency), Expand(monetary)));
        var (lowerQuartile, upperQuartile) = (Statistics.Quantile(sortedRecency, 0.25), Statistics.Quantile(sortedRecency, 0.75));

        var assignment = ModelSql.Assignment(model, "recency", "frequency", "monetary_value");
        string[] scores = [$"{Score(recency, "recency", higherIsBetter: false)} AS s_r", $"{Score(frequency, "frequency")} AS s_f", $"{Score(monetary, "monetary_value")} AS s_m"];
        var columns = CustomerColumns.For(withProbability: model.Method == Clustering.ClusteringMethod.Gmm, withValue: false);
        var sql = Columns(model, snapshot, lowerQuartile, upperQuartile);
        var missing = columns.Where(c => !sql.ContainsKey(c.Name)).Select(c => c.Name).ToList();
        if (missing.Count > 0) throw new InvalidOperationException($"no SQL for the customer columns {string.Join(", ", missing)}");
        TableColumn[] schema = [.. columns.Select(c => c.Table), new(WriteBack.RunIdColumn, ColumnType.Integer), new(WriteBack.SnapshotColumn, ColumnType.Timestamp)];
        var scored = $"SELECT customer, recency, frequency, monetary, monetary_value,\n  {string.Join(",\n  ", scores)}\nFROM ({rfm})";
        foreach (var layer in assignment) scored = $"SELECT *,\n  {string.Join(",\n  ", layer)}\nFROM (\n{scored})";
        var select = $"SELECT {string.Join(", ", columns.Select(c => sql[c.Name]))}, CAST(NULL AS Nullable(Int64)), {ClickHouseSql.DateTime(snapshot)}\nFROM (\n{scored})";
        var written = DatabaseTableWriter.ReplaceFromQuery(database, table, schema, select, OptionNames.WriteBack);
        if (written != count)
            throw new InputException(database.Describe(), $"the database scored {written:N0} customers where {count:N0} have purchases; the table was written, check it", option: OptionNames.WriteBack);

        var segments = new List<(string, long)>();
        using (var reader = customers.Server.Read($"SELECT ClusterSegment, count() FROM {DatabaseTableWriter.TableName.Parse(table, OptionNames.WriteBack).Quoted(ClickHouseSql.Identifier)} GROUP BY ClusterSegment ORDER BY count() DESC", OptionNames.WriteBack))
        {
            while (reader.Read()) segments.Add((reader.GetString(0), long.Parse(reader.GetString(1), System.Globalization.CultureInfo.InvariantCulture)));
        }
        var account = prepared.Quality with { Customers = checked((int)count) };
        return new Result(prepared with { Quality = account, SourceBytes = customers.BytesReceived }, check, written, customers.BytesReceived, segments);
    }

    /// <summary>Each customer column as SQL over the scored customers (the file's order and names are <see cref="CustomerColumns"/>').</summary>
    private static Dictionary<string, string> Columns(SegmentationModel model, DateTime snapshot, double lowerQuartile, double upperQuartile)
    {
        var codes = Enumerable.Range(1, 5).SelectMany(r => Enumerable.Range(1, 5).SelectMany(f => Enumerable.Range(1, 5).Select(m => new RfmScore(r, f, m)))).ToList();
        var contradicts = string.Join(", ", model.Segments.Select((name, c) => $"m_cluster = {c}, {SegmentBuilder.ContradictsNameSql(name, "recency", lowerQuartile, upperQuartile)}"));
        static string Figure(string value, int places) => $"toDecimal64({ClickHouseSql.DecimalText(ClickHouseSql.RoundedUnits(value, places), places)}, 6)";
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["CustomerID"] = "customer",
            ["Recency"] = "toInt64(recency)",
            ["Frequency"] = "toInt64(frequency)",
            ["Monetary"] = "toDecimal64(monetary, 6)",
            ["R"] = "toInt64(s_r)",
            ["F"] = "toInt64(s_f)",
            ["M"] = "toInt64(s_m)",
            ["ScoreSegment"] = $"transform(toInt64(s_r * 100 + s_f * 10 + s_m), [{string.Join(", ", codes.Select(c => c.Code))}], [{string.Join(", ", codes.Select(c => ClickHouseSql.Literal(c.Segment)))}], '')",
            ["Cluster"] = ModelSql.Cluster,
            ["ClusterSegment"] = ModelSql.Segment,
            ["Action"] = ModelSql.Action,
            ["PreviousSegment"] = "CAST(NULL AS Nullable(String))",
            ["SegmentSince"] = $"toDate({ClickHouseSql.DateTime(snapshot.Date)})",
            ["DistanceToCentre"] = Figure(ModelSql.Distance, 4),
            ["Borderline"] = $"toUInt8({SegmentBuilder.BorderlineSql(ModelSql.Distance, ModelSql.Second)})",
            ["RecencyContradictsName"] = $"toUInt8(multiIf({contradicts}, 0))",
            [CustomerColumns.ProbabilityColumn] = Figure(ModelSql.Probability, 6),
        };
    }

    /// <summary>A quintile score as SQL: the bins <see cref="QuintileScorer"/> gives the population's distinct values, as cuts.</summary>
    private static string Score(IReadOnlyList<(double Value, long Count)> distribution, string value, bool higherIsBetter = true)
    {
        var bins = QuintileScorer.Bins([.. distribution.Select(d => d.Count)]);
        var branches = new List<string>();
        for (var g = 0; g < bins.Length; g++)
        {
            // The last value of each run of one bin is that bin's upper cut.
            if (g + 1 < bins.Length && bins[g + 1] == bins[g]) continue;
            var score = higherIsBetter ? bins[g] : 6 - bins[g];
            branches.Add(g + 1 < bins.Length ? $"{value} <= {ModelSql.Exact(distribution[g].Value)}, {score}" : score.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return branches.Count == 1 ? branches[0] : $"multiIf({string.Join(", ", branches)})";
    }

    /// <summary>The values of a distribution, each as often as it occurs, in ascending order.</summary>
    private static double[] Expand(IReadOnlyList<(double Value, long Count)> distribution)
    {
        var values = new double[distribution.Sum(d => d.Count)];
        var i = 0;
        foreach (var (value, n) in distribution) for (var j = 0L; j < n; j++) values[i++] = value;
        return values;
    }
}
