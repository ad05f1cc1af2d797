using C = Segmentation.Prepare.Engine.PreparationQuery.Columns;
using K = Segmentation.Prepare.Engine.PreparationQuery.Kind;

using System.Data.Common;
using System.Globalization;
using System.Numerics;
using Segmentation.Numerics;

namespace Segmentation.Prepare.Engine;

/// <summary>
/// The rows of <see cref="PreparationQuery"/> (one per customer, month, country and product, one for the input)
/// read into the account, the RFM table and the sales summary, whichever engine computed them.
/// </summary>
internal sealed class PreparationResult
{
    private readonly List<CustomerRow> _customers = [];
    private readonly List<RevenueLine> _months = [];
    private readonly List<RevenueLine> _countries = [];
    private readonly List<RevenueLine> _products = [];
    private long[] _rules = [];
    private readonly List<PurchaseDay> _days = [];

    /// <summary>Each customer's purchase days (when the statement was asked for them), by customer and day.</summary>
    public IReadOnlyList<PurchaseDay> PurchaseDays() =>
        [.. _days.OrderBy(d => d.CustomerId, StringComparer.Ordinal).ThenBy(d => d.Day)];

    // A value, not an object: read in the engine's order and gathered in the table's, the rows are one array.
    private readonly record struct CustomerRow(string Id, int Orders, decimal Monetary, DateTime First, DateTime Last, int Lines, string? Country);

    public long RowsIn { get; private set; }

    /// <summary>Rows with a value that did not parse: the row readers must name them (or skip them).</summary>
    public long BadRows { get; private set; }

    public long RowsOut { get; private set; }
    public long Repeats { get; private set; }

    /// <summary>Kept purchases a later, partial cancellation reduced (netting cancellations).</summary>
    public long Reduced { get; private set; }
    public long Invoices { get; private set; }
    public decimal Revenue { get; private set; }
    public DateTime? FirstKept { get; private set; }
    public DateTime? LastKept { get; private set; }
    public DateTime? FirstAny { get; private set; }
    public DateTime? LastAny { get; private set; }

    /// <summary>
    /// The rows of the statement run over each part of the customers in turn (see <see cref="PreparationStatement.InParts"/>): a customer's
    /// rows are all in one part, so customers are read as they come and everything else adds up.
    /// </summary>
    public static PreparationResult Read(IEnumerable<DbDataReader> parts, IReadOnlyList<DropReason> rules, bool hasInvoices)
    {
        var result = new PreparationResult { _rules = new long[Enum.GetValues<DropReason>().Length] };
        // A customer's country and a product's name: the first in ordinal order among the kept rows' values.
        var countries = new Dictionary<string, string>(StringComparer.Ordinal);
        // One string per country name, however many customers it is the country of.
        var countryNames = new Dictionary<string, string>(StringComparer.Ordinal);
        string Shared(string name) => System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(countryNames, name, out _) ??= name;
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var products = new Dictionary<string, Totals>(StringComparer.Ordinal);
        var months = new Dictionary<string, Totals>(StringComparer.Ordinal);
        var countryTotals = new Dictionary<string, Totals>(StringComparer.Ordinal);
        foreach (var reader in parts)
        {
            while (reader.Read())
            {
                var kind = (K)Long(reader, C.Kind);
                var kept = Long(reader, C.Kept);
                switch (kind)
                {
                    case K.Total:
                        result.RowsIn += Long(reader, C.Rows);
                        result.BadRows += Long(reader, C.Bad);
                        result.RowsOut += kept;
                        result.Invoices += Long(reader, C.Orders);
                        result.Revenue += Decimal(reader, C.Revenue);
                        result.FirstKept = Earlier(result.FirstKept, Date(reader, C.FirstKept));
                        result.LastKept = Later(result.LastKept, Date(reader, C.LastKept));
                        result.FirstAny = Earlier(result.FirstAny, Date(reader, C.FirstAny));
                        result.LastAny = Later(result.LastAny, Date(reader, C.LastAny));
                        result.Reduced += Long(reader, C.Reduced);
                        result.Repeats += Long(reader, C.Repeats);
                        for (var r = 0; r < rules.Count; r++) result._rules[(int)rules[r]] += Long(reader, (int)C.FirstRule + r);
                        break;
                    // A customer's row is the only one of them: its country (DuckDB's and PostgreSQL's statement) is theirs.
                    case K.Customer when kept > 0 && Text(reader, C.Key) is { } id:
                        result._customers.Add(new CustomerRow(id, checked((int)Long(reader, C.Orders)), Decimal(reader, C.Revenue),
                            Date(reader, C.FirstKept)!.Value, Date(reader, C.LastKept)!.Value, checked((int)kept), Text(reader, C.Detail) is { } first ? Shared(first) : null));
                        break;
                    case K.CustomerCountry when kept > 0 && Text(reader, C.Key) is { } id && Text(reader, C.Detail) is { } country:
                        KeepFirst(countries, id, Shared(country));
                        break;
                    case K.ProductDescription:
                        if (kept == 0 || Text(reader, C.Key) is not { } product) break;
                        // One row per description a product is sold under (and per part): the product's totals add them up.
                        Add(products, product, reader, kept);
                        if (Text(reader, C.Detail) is { } description) KeepFirst(names, product, description);
                        break;
                    case K.Month when kept > 0 && Date(reader, C.Month) is { } month:
                        Add(months, month.ToString("yyyy-MM", CultureInfo.InvariantCulture), reader, kept);
                        break;
                    case K.CustomerDay when kept > 0 && Text(reader, C.Key) is { } customer && Date(reader, C.Month) is { } day:
                        result._days.Add(new PurchaseDay(customer, day, Decimal(reader, C.Revenue)));
                        break;
                    case K.Country when kept > 0:
                        Add(countryTotals, Text(reader, C.Key)!, reader, kept);
                        break;
                }
            }
        }
        // ClickHouse's statement gives a customer's countries in rows of their own.
        for (var i = 0; i < result._customers.Count && countries.Count > 0; i++)
        {
            if (countries.TryGetValue(result._customers[i].Id, out var country)) result._customers[i] = result._customers[i] with { Country = country };
        }
        foreach (var (product, totals) in products)
        {
            var label = names.TryGetValue(product, out var name) && name != product ? $"{product} {name}" : product;
            result._products.Add(totals.Line(label));
        }
        result._months.AddRange(months.Select(m => m.Value.Line(m.Key)));
        result._countries.AddRange(countryTotals.Select(c => c.Value.Line(c.Key)));
        // Without invoices an order is a customer's timestamp: orders belong to one customer each, so they add up.
        if (!hasInvoices) result.Invoices = result._customers.Sum(c => (long)c.Orders);
        return result;
    }

    private readonly record struct Totals(decimal Revenue, long Lines, decimal Quantity)
    {
        public RevenueLine Line(string key) => new(key, Revenue, Lines, (long)Quantity);
    }

    private static void Add(Dictionary<string, Totals> totals, string key, DbDataReader reader, long kept)
    {
        ref var t = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(totals, key, out _);
        t = new Totals(t.Revenue + Decimal(reader, C.Revenue), t.Lines + kept, t.Quantity + Decimal(reader, C.Quantity));
    }

    private static DateTime? Earlier(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static DateTime? Later(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static void KeepFirst(Dictionary<string, string> map, string key, string value)
    {
        if (!map.TryGetValue(key, out var kept) || string.CompareOrdinal(value, kept) < 0) map[key] = value;
    }

    public long Removed(DropReason rule) => _rules[(int)rule];

    public int Customers => _customers.Count;

    /// <summary>RFM as of <paramref name="snapshot"/>, or of midnight after the last purchase kept.</summary>
    public RfmTable Rfm(DateTime? snapshot)
    {
        var asOf = snapshot ?? (LastKept ?? throw new InvalidOperationException("No rows were kept.")).Date.AddDays(1);
        // Made in the table's order, each with a copy of its id where the engine's order was another: the rows then lie
        // in memory in the order every later pass reads them. Made in the engine's order and sorted after, each was a
        // cache miss away from the last (see HISTORY.md, ninth session).
        var customers = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_customers);
        var ids = new string[customers.Length];
        for (var i = 0; i < ids.Length; i++) ids[i] = customers[i].Id;
        var order = OrdinalOrder.IsOrdered(ids) ? null : OrdinalOrder.Of(ids);
        var rows = new CustomerRfm[ids.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            var c = customers[order is null ? i : order[i]];
            rows[i] = new CustomerRfm(order is null ? c.Id : new string(c.Id), (int)Math.Floor((asOf - c.Last).TotalDays), c.Orders, c.Monetary, c.First, c.Last, c.Lines, c.Country);
        }
        return new RfmTable(asOf, rows);
    }

    public SalesSummary Sales() => new(
        _months.OrderBy(m => m.Key, StringComparer.Ordinal).ToArray(),
        _countries.OrderByDescending(c => c.Revenue).ThenBy(c => c.Key, StringComparer.Ordinal).ToArray(),
        _products.OrderByDescending(p => p.Revenue).ThenBy(p => p.Key, StringComparer.Ordinal).Take(SalesSummary.TopProductCount).ToArray());

    private static long Long(DbDataReader reader, C column) => Long(reader, (int)column);

    private static long Long(DbDataReader reader, int column)
    {
        if (reader.IsDBNull(column)) return 0;
        var type = reader.GetFieldType(column);
        if (type == typeof(long)) return reader.GetInt64(column);
        if (type == typeof(int)) return reader.GetInt32(column);
        return reader.GetValue(column) switch
        {
            BigInteger b => (long)b,
            var v => Convert.ToInt64(v, CultureInfo.InvariantCulture),
        };
    }

    private static decimal Decimal(DbDataReader reader, C column)
    {
        var i = (int)column;
        if (reader.IsDBNull(i)) return Money(0m);
        // The typed read where the provider has one: the boxed value and its conversion cost more than the rest of the row.
        if (reader.GetFieldType(i) == typeof(decimal)) return Money(reader.GetDecimal(i));
        return Money(reader.GetValue(i) switch
        {
            BigInteger b => (decimal)b,
            var v => Convert.ToDecimal(v, CultureInfo.InvariantCulture),
        });
    }

    // Engines hand sums back at different scales (DuckDB drops trailing zeros: 15.3; PostgreSQL keeps the column's:
    // 15.300): the same sum is written the same way from every source, at least its two places of money (15.30) and
    // more only where a digit needs them. Dividing by 1.000... and adding 0.00 change the scale, never the value.
    // A value of two places or fewer has no trailing zero beyond them to drop (the division is the dear part).
    private static decimal Money(decimal value) => value.Scale <= 2 ? value + 0.00m : value / 1.0000000000000000000000000000m + 0.00m;

    private static DateTime? Date(DbDataReader reader, C column)
    {
        var i = (int)column;
        if (reader.IsDBNull(i)) return null;
        var value = reader.GetFieldType(i) == typeof(DateTime) ? reader.GetDateTime(i) : Convert.ToDateTime(reader.GetValue(i), CultureInfo.InvariantCulture);
        return DateTime.SpecifyKind(value, DateTimeKind.Unspecified);
    }

    private static string? Text(DbDataReader reader, C column)
    {
        var i = (int)column;
        if (reader.IsDBNull(i)) return null;
        return reader.GetFieldType(i) == typeof(string) ? reader.GetString(i) : reader.GetValue(i) as string;
    }
}
