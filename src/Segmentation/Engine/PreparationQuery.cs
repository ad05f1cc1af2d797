using System.Text;
using Segmentation.Cleaning;

namespace Segmentation.Engine;

/// <summary>
/// The cleaning rules, the data-quality account, RFM and the sales summary as one SQL statement over a
/// <see cref="SourceRelation"/>, in either dialect: the engine reads the source once and returns one row per
/// customer, month, country and product and one for the whole input, never a row per transaction.
/// </summary>
/// <remarks>
/// A row is removed by the first rule that applies to it (the rules in <see cref="DropReason"/> order), so the
/// per-rule counts add up to the rows removed. Values that do not parse become NULL and are counted as bad:
/// the caller then hands the input to the row readers, which name the file, row and column.
/// </remarks>
internal static class PreparationQuery
{
    /// <summary>The kinds of result row, in <see cref="Columns.Kind"/>.</summary>
    public enum Kind
    {
        Total = 0,
        Customer = 1,
        Month = 2,
        Country = 3,
        CustomerCountry = 4,
        ProductDescription = 5,
    }

    /// <summary>The result's columns, in order.</summary>
    public enum Columns
    {
        Kind,
        Key,
        Month,
        Rows,
        Bad,
        Kept,
        Revenue,
        Quantity,
        Orders,
        FirstKept,
        LastKept,
        FirstAny,
        LastAny,
        /// <summary>Kept purchases whose quantity a later, partial cancellation reduced.</summary>
        Reduced,
        Detail,
        // One count per rule follows, in Rules() order.
        FirstRule,
    }

    /// <summary>The rules as the SQL applies them: the first that holds removes the row.</summary>
    public static IReadOnlyList<DropReason> Rules(SourceRelation source, CleaningOptions cleaning)
    {
        var rules = new List<DropReason> { DropReason.MissingCustomer };
        if (cleaning.ExcludedProducts.Count > 0)
        {
            if (source.StockCode is null) throw new OptionException(OptionNames.ExcludedProducts, $"{source.Name} has no stock code column to exclude products by");
            rules.Add(DropReason.ExcludedProduct);
        }
        if (cleaning.DropCancelled && source.Invoice is not null) rules.Add(DropReason.Cancelled);
        if (cleaning.DropNonPositiveQuantity && source.Quantity is not null) rules.Add(DropReason.NonPositiveQuantity);
        if (cleaning.DropNonPositivePrice) rules.Add(source.UnitPrice is not null ? DropReason.NonPositivePrice : DropReason.NonPositiveAmount);
        if (cleaning.NetCancellations)
        {
            var missing = new[] { ("invoice", source.Invoice), ("quantity", source.Quantity), ("unit price", source.UnitPrice), ("stock code", source.StockCode) }
                .Where(c => c.Item2 is null).Select(c => c.Item1).ToList();
            if (missing.Count > 0)
                throw new OptionException(OptionNames.NetCancellations, $"matching a cancellation to its purchase needs the {string.Join(", ", missing)} column{(missing.Count > 1 ? "s" : "")}, which {source.Name} lacks");
            if (!cleaning.DropCancelled)
                throw new OptionException(OptionNames.NetCancellations, "cannot net cancellations that are kept: the purchase would be reduced and the cancellation subtracted again");
            rules.Add(DropReason.CancelledPurchase);
        }
        if (cleaning.Before is not null) rules.Add(DropReason.AfterAsOf);
        if (cleaning.DropDuplicates) rules.Add(DropReason.Duplicate);
        return rules;
    }

    /// <summary>The parameter that carries <see cref="CleaningOptions.Before"/>, when set.</summary>
    public const string BeforeParameter = "before";

    /// <summary>The statement's parameters for <paramref name="cleaning"/>: the as-of instant, the excluded stock codes (in upper case).</summary>
    public static IEnumerable<(string Name, object? Value)> Parameters(CleaningOptions cleaning)
    {
        if (cleaning.Before is { } before) yield return (BeforeParameter, before);
        for (var i = 0; i < cleaning.ExcludedProducts.Count; i++)
            yield return (ExcludedParameter(i), cleaning.ExcludedProducts[i].Trim().ToUpperInvariant());
    }

    private static string ExcludedParameter(int i) => "excluded" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The columns whose values make two rows the same row.</summary>
    private static readonly string[] Content = ["customer", "invoice", "date", "quantity", "unit_price", "amount", "stock_code", "description", "country"];

    private const string Cancellation = "left(invoice, 1) IN ('C', 'c')";

    /// <summary>The statement: one row per kind and key (see <see cref="Columns"/>).</summary>
    public static string Build(SqlDialect d, SourceRelation s, CleaningOptions cleaning)
    {
        string Key(SourceColumn c)
        {
            if (c.Kind == ColumnKind.Ready) return c.Sql;
            var text = Text(c);
            // 17850.0 (a float column, a workbook's number) is the customer 17850.
            return $"CASE WHEN {text} LIKE '%.%' THEN regexp_replace({text}, '^(-?[0-9]+)\\.0+$', '\\1') ELSE {text} END";
        }
        string Text(SourceColumn c) => c.Kind switch
        {
            ColumnKind.Ready => c.Sql,
            ColumnKind.Text => d.Trimmed(c.Sql),
            _ => d.Trimmed(d.AsText(c.Sql)),
        };
        string Number(SourceColumn c) => c.Kind switch
        {
            ColumnKind.Ready => c.Sql,
            ColumnKind.Text => d.TryNumber(c.Sql),
            _ => d.Number(c.Sql),
        };
        string Date(SourceColumn c) => c.Kind switch
        {
            ColumnKind.Ready => c.Sql,
            ColumnKind.Text => d.TryTimestamp(c.Sql),
            _ => d.Timestamp(c.Sql),
        };
        string OrNull(SourceColumn? c, Func<SourceColumn, string> f) => c is null ? "NULL" : f(c);

        var amount = s.Amount is not null ? "amount_value" : "quantity * unit_price";
        var bad = new List<string> { "date IS NULL" };
        if (s.Amount is not null) bad.Add("amount_value IS NULL");
        else bad.AddRange(["quantity IS NULL", "unit_price IS NULL"]);

        var rules = Rules(s, cleaning);
        string Condition(DropReason rule) => rule switch
        {
            DropReason.MissingCustomer => "customer IS NULL",
            DropReason.ExcludedProduct => $"upper(stock_code) IN ({string.Join(", ", cleaning.ExcludedProducts.Select((_, i) => d.Parameter(ExcludedParameter(i))))})",
            DropReason.Cancelled => Cancellation,
            DropReason.NonPositiveQuantity => "quantity <= 0",
            DropReason.NonPositivePrice => "unit_price <= 0",
            DropReason.NonPositiveAmount => "amount <= 0",
            DropReason.CancelledPurchase => "cancelled >= quantity",
            DropReason.AfterAsOf => $"date >= {d.Parameter(BeforeParameter)}",
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, null),
        };
        var rowRules = rules.Where(r => r != DropReason.Duplicate).ToList();
        var reason = $"CASE {string.Join(" ", rowRules.Select(r => $"WHEN {Condition(r)} THEN {(int)r}"))} ELSE 0 END";
        // Without an invoice column an order is a customer's distinct timestamp; an empty invoice cell counts the same way.
        var order = s.Invoice is null ? "date" : "COALESCE(invoice, '#' || CAST(date AS VARCHAR))";

        var sql = new StringBuilder();
        sql.AppendLine("WITH typed AS (").AppendLine("  SELECT")
            .AppendLine($"    {Key(s.Customer)} AS customer,")
            .AppendLine($"    {OrNull(s.Invoice, Key)} AS invoice,")
            .AppendLine($"    {Date(s.Date)} AS date,")
            .AppendLine($"    {OrNull(s.Quantity, Number)} AS quantity,")
            .AppendLine($"    {OrNull(s.UnitPrice, Number)} AS unit_price,")
            .AppendLine($"    {OrNull(s.Amount, Number)} AS amount_value,")
            .AppendLine($"    {OrNull(s.StockCode, Key)} AS stock_code,")
            .AppendLine($"    {OrNull(s.Description, Text)} AS description,")
            .AppendLine($"    {OrNull(s.Country, Text)} AS country")
            .AppendLine($"  FROM {s.From}")
            .AppendLine("), priced AS (")
            .AppendLine($"  SELECT typed.*, {amount} AS amount, {string.Join(" OR ", bad)} AS bad FROM typed")
            ;
        var net = cleaning.NetCancellations;
        if (net)
        {
            var asOf = cleaning.Before is null ? "" : $" AND date < {d.Parameter(BeforeParameter)}";
            // A purchase is known by its content (no row has an identity that two reads of a file agree on): two
            // identical purchase lines are both reduced by a cancellation of either, as they are both repeats.
            const string purchase = "customer, stock_code, invoice, date, quantity, unit_price";
            sql.AppendLine("), cancellations AS MATERIALIZED (")
                .AppendLine("  SELECT row_number() OVER () AS cancellation, customer, stock_code, date, -quantity AS cancelled FROM priced")
                .AppendLine($"  WHERE NOT bad AND {Cancellation} AND quantity < 0 AND customer IS NOT NULL AND stock_code IS NOT NULL{asOf}")
                .AppendLine("), matches AS (")
                .AppendLine($"  SELECT {string.Join(", ", purchase.Split(", ").Select(c => "p." + c))}, c.cancelled,")
                .AppendLine("    row_number() OVER (PARTITION BY c.cancellation ORDER BY p.date DESC, p.invoice DESC, p.quantity) AS nearest")
                .AppendLine("  FROM cancellations c JOIN priced p ON p.customer = c.customer AND p.stock_code = c.stock_code AND p.date <= c.date AND p.quantity >= c.cancelled")
                .AppendLine($"  WHERE NOT p.bad AND p.invoice IS NOT NULL AND NOT {Cancellation.Replace("invoice", "p.invoice", StringComparison.Ordinal)}")
                .AppendLine("), netted AS (")
                .AppendLine($"  SELECT {string.Join(", ", purchase.Split(", ").Select(c => $"{c} AS netted_{c}"))}, sum(cancelled) AS cancelled")
                .AppendLine($"  FROM matches WHERE nearest = 1 GROUP BY {purchase}")
                .AppendLine("), classified AS (")
                .AppendLine($"  SELECT priced.*, cancelled, {reason} AS reason FROM priced LEFT JOIN netted ON {string.Join(" AND ", purchase.Split(", ").Select(c => $"netted_{c} = {c}"))}");
        }
        else
        {
            sql.AppendLine("), classified AS (").AppendLine($"  SELECT priced.*, {reason} AS reason FROM priced");
        }
        if (cleaning.DropDuplicates)
        {
            // Identical rows get identical reasons: among the rows no other rule removes, all but one of each are repeats.
            sql.AppendLine("), ranked AS (")
                .AppendLine($"  SELECT classified.*, row_number() OVER (PARTITION BY {string.Join(", ", Content)}) AS copy FROM classified")
                .AppendLine("), cleaned AS (")
                .AppendLine($"  SELECT {string.Join(", ", Content)}, bad{(net ? ", cancelled" : "")}, CASE WHEN reason = 0 AND copy > 1 THEN {(int)DropReason.Duplicate} ELSE reason END AS reason FROM ranked");
        }
        else
        {
            sql.AppendLine("), cleaned AS (").AppendLine("  SELECT * FROM classified");
        }
        var source = "cleaned";
        if (net)
        {
            // A kept purchase counts what was not cancelled of it.
            sql.AppendLine("), reduced AS (")
                .AppendLine("  SELECT customer, invoice, date, quantity - COALESCE(cancelled, 0) AS quantity, unit_price,")
                .AppendLine("    (quantity - COALESCE(cancelled, 0)) * unit_price AS amount, stock_code, description, country, bad, reason, cancelled FROM cleaned");
            source = "reduced";
        }
        var reducedRows = net ? "count(*) FILTER (WHERE reason = 0 AND cancelled IS NOT NULL)" : "0";
        var counts = string.Concat(rules.Select(r => $", count(*) FILTER (WHERE reason = {(int)r}) AS {r.Key()}"));
        var sums = string.Concat(rules.Select(r => $", sum({r.Key()})"));
        var zeros = string.Concat(rules.Select(_ => ", 0"));
        sql.AppendLine("), keyed AS (")
            .AppendLine($"  SELECT {source}.*, {order} AS order_key, date_trunc('month', date) AS month, COALESCE(stock_code, description) AS product FROM {source}")
            // First the rows fold into orders (a customer's invoice in one month and country) and into products: the
            // only groups with as many members as rows. Everything else is rolled up from the orders, far fewer.
            .AppendLine("), lines AS MATERIALIZED (")
            .AppendLine("  SELECT grouping(product) AS by_order, customer, order_key, month, country, product, description,")
            .AppendLine("    count(*) AS rows_in, count(*) FILTER (WHERE bad) AS bad, count(*) FILTER (WHERE reason = 0) AS kept,")
            .AppendLine("    sum(amount) FILTER (WHERE reason = 0) AS revenue, sum(COALESCE(quantity, 1)) FILTER (WHERE reason = 0) AS quantity,")
            .AppendLine("    min(date) FILTER (WHERE reason = 0) AS first_kept, max(date) FILTER (WHERE reason = 0) AS last_kept,")
            .AppendLine($"    min(date) AS first_any, max(date) AS last_any, {reducedRows} AS reduced, count(DISTINCT {d.RowHash(Content)}) AS distinct_rows{counts}")
            .AppendLine("  FROM keyed GROUP BY GROUPING SETS ((customer, order_key, month, country), (product, description))")
            .AppendLine("), orders AS (")
            .AppendLine("  SELECT lines.*, COALESCE(country, '(unknown)') AS country_key FROM lines WHERE by_order = 1")
            .AppendLine(")")
            .AppendLine($"SELECT CASE WHEN grouping(customer) = 0 AND grouping(country) = 0 THEN {(int)Kind.CustomerCountry} WHEN grouping(customer) = 0 THEN {(int)Kind.Customer}"
                + $" WHEN grouping(month) = 0 THEN {(int)Kind.Month} WHEN grouping(country_key) = 0 THEN {(int)Kind.Country} ELSE {(int)Kind.Total} END AS kind,")
            .AppendLine("  CASE WHEN grouping(customer) = 0 THEN customer WHEN grouping(country_key) = 0 THEN country_key END AS key,")
            .AppendLine("  CASE WHEN grouping(month) = 0 THEN month END AS month,")
            .AppendLine("  sum(rows_in), sum(bad), sum(kept), sum(revenue), sum(quantity), count(DISTINCT order_key) FILTER (WHERE kept > 0),")
            .AppendLine("  min(first_kept), max(last_kept), min(first_any), max(last_any), sum(reduced),")
            .AppendLine($"  CASE WHEN grouping(country) = 0 THEN country END{sums}")
            .AppendLine("FROM orders")
            .AppendLine("GROUP BY GROUPING SETS ((), (customer), (customer, country), (month), (country_key))")
            .AppendLine("UNION ALL")
            .AppendLine($"SELECT {(int)Kind.ProductDescription}, product, NULL, rows_in - distinct_rows, 0, kept, revenue, quantity, 0, NULL, NULL, NULL, NULL, 0, description{zeros}")
            .AppendLine("FROM lines WHERE by_order = 0");
        return sql.ToString();
    }
}
