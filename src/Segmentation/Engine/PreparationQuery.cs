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
        Detail,
        // One count per rule follows, in Rules() order.
        FirstRule,
    }

    /// <summary>The rules as the SQL applies them: the first that holds removes the row.</summary>
    public static IReadOnlyList<DropReason> Rules(SourceRelation source, CleaningOptions cleaning)
    {
        var rules = new List<DropReason> { DropReason.MissingCustomer };
        if (cleaning.DropCancelled && source.Invoice is not null) rules.Add(DropReason.Cancelled);
        if (cleaning.DropNonPositiveQuantity && source.Quantity is not null) rules.Add(DropReason.NonPositiveQuantity);
        if (cleaning.DropNonPositivePrice) rules.Add(source.UnitPrice is not null ? DropReason.NonPositivePrice : DropReason.NonPositiveAmount);
        if (cleaning.Before is not null) rules.Add(DropReason.AfterAsOf);
        if (cleaning.DropDuplicates) rules.Add(DropReason.Duplicate);
        return rules;
    }

    /// <summary>The parameter that carries <see cref="CleaningOptions.Before"/>, when set.</summary>
    public const string BeforeParameter = "before";

    /// <summary>The columns whose values make two rows the same row.</summary>
    private static readonly string[] Content = ["customer", "invoice", "date", "quantity", "unit_price", "amount", "stock_code", "description", "country"];

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
            DropReason.Cancelled => "left(invoice, 1) IN ('C', 'c')",
            DropReason.NonPositiveQuantity => "quantity <= 0",
            DropReason.NonPositivePrice => "unit_price <= 0",
            DropReason.NonPositiveAmount => "amount <= 0",
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
            .AppendLine("), classified AS (")
            .AppendLine($"  SELECT priced.*, {reason} AS reason FROM priced");
        if (cleaning.DropDuplicates)
        {
            // Identical rows get identical reasons: among the rows no other rule removes, all but one of each are repeats.
            sql.AppendLine("), ranked AS (")
                .AppendLine($"  SELECT classified.*, row_number() OVER (PARTITION BY {string.Join(", ", Content)}) AS copy FROM classified")
                .AppendLine("), cleaned AS (")
                .AppendLine($"  SELECT {string.Join(", ", Content)}, bad, CASE WHEN reason = 0 AND copy > 1 THEN {(int)DropReason.Duplicate} ELSE reason END AS reason FROM ranked");
        }
        else
        {
            sql.AppendLine("), cleaned AS (").AppendLine("  SELECT * FROM classified");
        }
        var counts = string.Concat(rules.Select(r => $", count(*) FILTER (WHERE reason = {(int)r}) AS {r.Key()}"));
        var sums = string.Concat(rules.Select(r => $", sum({r.Key()})"));
        var zeros = string.Concat(rules.Select(_ => ", 0"));
        sql.AppendLine("), keyed AS (")
            .AppendLine($"  SELECT cleaned.*, {order} AS order_key, date_trunc('month', date) AS month, COALESCE(stock_code, description) AS product FROM cleaned")
            // First the rows fold into orders (a customer's invoice in one month and country) and into products: the
            // only groups with as many members as rows. Everything else is rolled up from the orders, far fewer.
            .AppendLine("), lines AS MATERIALIZED (")
            .AppendLine("  SELECT grouping(product) AS by_order, customer, order_key, month, country, product, description,")
            .AppendLine("    count(*) AS rows_in, count(*) FILTER (WHERE bad) AS bad, count(*) FILTER (WHERE reason = 0) AS kept,")
            .AppendLine("    sum(amount) FILTER (WHERE reason = 0) AS revenue, sum(COALESCE(quantity, 1)) FILTER (WHERE reason = 0) AS quantity,")
            .AppendLine("    min(date) FILTER (WHERE reason = 0) AS first_kept, max(date) FILTER (WHERE reason = 0) AS last_kept,")
            .AppendLine($"    min(date) AS first_any, max(date) AS last_any, count(DISTINCT {d.RowHash(Content)}) AS distinct_rows{counts}")
            .AppendLine("  FROM keyed GROUP BY GROUPING SETS ((customer, order_key, month, country), (product, description))")
            .AppendLine("), orders AS (")
            .AppendLine("  SELECT lines.*, COALESCE(country, '(unknown)') AS country_key FROM lines WHERE by_order = 1")
            .AppendLine(")")
            .AppendLine($"SELECT CASE WHEN grouping(customer) = 0 AND grouping(country) = 0 THEN {(int)Kind.CustomerCountry} WHEN grouping(customer) = 0 THEN {(int)Kind.Customer}"
                + $" WHEN grouping(month) = 0 THEN {(int)Kind.Month} WHEN grouping(country_key) = 0 THEN {(int)Kind.Country} ELSE {(int)Kind.Total} END AS kind,")
            .AppendLine("  CASE WHEN grouping(customer) = 0 THEN customer WHEN grouping(country_key) = 0 THEN country_key END AS key,")
            .AppendLine("  CASE WHEN grouping(month) = 0 THEN month END AS month,")
            .AppendLine("  sum(rows_in), sum(bad), sum(kept), sum(revenue), sum(quantity), count(DISTINCT order_key) FILTER (WHERE kept > 0),")
            .AppendLine("  min(first_kept), max(last_kept), min(first_any), max(last_any),")
            .AppendLine($"  CASE WHEN grouping(country) = 0 THEN country END{sums}")
            .AppendLine("FROM orders")
            .AppendLine("GROUP BY GROUPING SETS ((), (customer), (customer, country), (month), (country_key))")
            .AppendLine("UNION ALL")
            .AppendLine($"SELECT {(int)Kind.ProductDescription}, product, NULL, rows_in - distinct_rows, 0, kept, revenue, quantity, 0, NULL, NULL, NULL, NULL, description{zeros}")
            .AppendLine("FROM lines WHERE by_order = 0");
        return sql.ToString();
    }
}
