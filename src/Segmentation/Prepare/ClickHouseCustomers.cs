using System.Globalization;
using Segmentation.Prepare.Engine;
using Segmentation.Prepare.Sources;

namespace Segmentation.Prepare;

/// <summary>
/// A ClickHouse source's customers kept where they are, for statements that score them there: the account and the
/// dates (one row back), the RFM of every customer as a subquery, and the distribution of one figure over all
/// customers (its distinct values and their counts: what quintile scores, quartiles and drift need). Counts the
/// bytes the server sent.
/// </summary>
internal sealed class ClickHouseCustomers : IDisposable
{
    private readonly DatabaseInput _input;
    private readonly SourceRelation _relation;
    private readonly ResolvedColumns _columns;

    private ClickHouseCustomers(DatabaseInput input, ClickHouseServer server, SourceRelation relation, ResolvedColumns columns)
    {
        _input = input;
        Server = server;
        _relation = relation;
        _columns = columns;
    }

    public ClickHouseServer Server { get; }

    public long BytesReceived { get; private set; }

    public string Name => _relation.Name;

    public static ClickHouseCustomers Open(DatabaseInput input, PrepareOptions options)
    {
        var server = ClickHouseServer.Connect(input.ClickHouse!, input.Describe());
        try
        {
            var (relation, columns) = ClickHousePushDown.Bind(server, input, options);
            return new ClickHouseCustomers(input, server, relation, columns);
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    /// <summary>The account and the dates (no customer rows); null when a value does not parse (the row readers must name it).</summary>
    public PreparedData? Totals(PrepareOptions options)
    {
        var (data, bad) = ClickHousePushDown.Prepare(Server, _input, _relation, _columns, options, totalsOnly: true);
        if (bad) return null;
        BytesReceived += data.SourceBytes ?? 0;
        return data;
    }

    /// <summary>Every customer's RFM as of the snapshot, as a subquery (see <see cref="ClickHouseQuery.Customers"/>).</summary>
    public string Rfm(PrepareOptions options, DateTime snapshot) => ClickHouseQuery.Customers(_relation, options.CleaningInForce, snapshot);

    /// <summary>The distinct values of <paramref name="column"/> of <paramref name="rfm"/> in ascending order, with their counts.</summary>
    public IReadOnlyList<(double Value, long Count)> Distribution(string rfm, string column)
    {
        var values = new List<(double, long)>();
        using var reader = Server.Read($"SELECT {column}, count() FROM ({rfm}) GROUP BY {column} ORDER BY {column}", _input.FailingOption);
        while (reader.Read())
        {
            values.Add((double.Parse(reader.GetString(0), NumberStyles.Float, CultureInfo.InvariantCulture), long.Parse(reader.GetString(1), CultureInfo.InvariantCulture)));
        }
        BytesReceived += reader.BytesRead;
        return values;
    }

    public void Dispose() => Server.Dispose();
}
