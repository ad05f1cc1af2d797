using System.Text;

namespace Segmentation.Prepare.Engine;

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

        /// <summary>
        /// A customer's kept purchases in one country (the country in <see cref="Columns.Detail"/>): ClickHouse's statement
        /// (<see cref="ClickHouseQuery"/>). This one gives a customer's first country in the <see cref="Customer"/> row's Detail.
        /// </summary>
        CustomerCountry = 4,
        ProductDescription = 5,

        /// <summary>A customer's kept purchases on one day (the day in <see cref="Columns.Month"/>): asked for lifetime value only.</summary>
        CustomerDay = 6,
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
        /// <summary>Rows that repeat an earlier, identical row: counted in the <see cref="Kind.Total"/> row alone, 0 in the others.</summary>
        Repeats,
        /// <summary>A product's description; a customer's first country in ordinal order (of the countries of their kept purchases).</summary>
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
        if (cleaning.Since is not null) rules.Add(DropReason.BeforeWindow);
        if (cleaning.DropDuplicates) rules.Add(DropReason.Duplicate);
        return rules;
    }

    /// <summary>The parameter that carries <see cref="CleaningOptions.Before"/>, when set.</summary>
    public const string BeforeParameter = "before";

    /// <summary>The parameter that carries <see cref="CleaningOptions.Since"/>, when set.</summary>
    public const string SinceParameter = "since";

    /// <summary>The statement's parameters for <paramref name="cleaning"/>: the as-of instant, the excluded stock codes (in upper case).</summary>
    public static IEnumerable<(string Name, object? Value)> Parameters(CleaningOptions cleaning)
    {
        if (cleaning.Before is { } before) yield return (BeforeParameter, before);
        if (cleaning.Since is { } since) yield return (SinceParameter, since);
        for (var i = 0; i < cleaning.ExcludedProducts.Count; i++)
            yield return (ExcludedParameter(i), cleaning.ExcludedProducts[i].Trim().ToUpperInvariant());
    }

    private static string ExcludedParameter(int i) => "excluded" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The columns whose values make two rows the same row.</summary>
    private static readonly string[] Content = ["customer", "invoice", "date", "quantity", "unit_price", "amount", "stock_code", "description", "country"];

    /// <summary>The keys an order's group is made of: a customer's invoice on one day and in one country.</summary>
    private static readonly string[] OrderKeys = ["customer", "order_key", "day", "country"];

    /// <summary>
    /// The <see cref="Content"/> a row key hashes: rows are compared only within their order, whose group already
    /// holds one value of each of its keys, so hashing those (the customer and the country, two texts) again told no
    /// rows apart (two string hashes a row: about 0.3-0.5 s of the 10M-row statement).
    /// </summary>
    private static readonly string[] RowKeyContent = [.. Content.Except(OrderKeys)];

    // A prefix LIKE compares in place (DuckDB plans it as prefix()); left() made a string of every row's first letter
    // (0.6 s of CPU at 10M rows), and starts_with() cost more than LIKE too.
    private const string Cancellation = "(invoice LIKE 'C%' OR invoice LIKE 'c%')";

    /// <summary>An aggregate read only from the order rows of <c>lines</c>.</summary>
    private const string ByOrder = "FILTER (WHERE by_order = 1)";

    /// <summary>
    /// The CTEs that match each cancellation to the purchase it cancels (<see cref="CleaningOptions.NetCancellations"/>)
    /// and classify the rows with the cancelled quantity beside each purchase.
    /// </summary>
    private static void AppendNetting(StringBuilder sql, SqlDialect d, CleaningOptions cleaning, string reason)
    {
        var asOf = cleaning.Before is null ? "" : $" AND date < {d.Parameter(BeforeParameter)}";
        // A purchase is known by its content (no row has an identity that two reads of a file agree on): two
        // identical purchase lines are both reduced by a cancellation of either, as they are both repeats.
        string[] purchase = ["customer", "stock_code", "invoice", "date", "quantity", "unit_price"];
        sql.AppendLine("), cancellations AS MATERIALIZED (")
            .AppendLine("  SELECT row_number() OVER () AS cancellation, customer, stock_code, date, -quantity AS cancelled FROM priced")
            .AppendLine($"  WHERE NOT bad AND {Cancellation} AND quantity < 0 AND customer IS NOT NULL AND stock_code IS NOT NULL{asOf}")
            .AppendLine("), matches AS (")
            .AppendLine($"  SELECT {string.Join(", ", purchase.Select(c => "p." + c))}, c.cancelled,")
            .AppendLine("    row_number() OVER (PARTITION BY c.cancellation ORDER BY p.date DESC, p.invoice DESC, p.quantity) AS nearest")
            .AppendLine("  FROM cancellations c JOIN priced p ON p.customer = c.customer AND p.stock_code = c.stock_code AND p.date <= c.date AND p.quantity >= c.cancelled")
            .AppendLine($"  WHERE NOT p.bad AND p.invoice IS NOT NULL AND NOT {Cancellation.Replace("invoice", "p.invoice", StringComparison.Ordinal)}")
            .AppendLine("), netted AS (")
            .AppendLine($"  SELECT {string.Join(", ", purchase.Select(c => $"{c} AS netted_{c}"))}, sum(cancelled) AS cancelled")
            .AppendLine($"  FROM matches WHERE nearest = 1 GROUP BY {string.Join(", ", purchase)}")
            .AppendLine("), classified AS (")
            .AppendLine($"  SELECT priced.*, cancelled, {reason} AS reason FROM priced LEFT JOIN netted ON {string.Join(" AND ", purchase.Select(c => $"netted_{c} = {c}"))}");
    }

    /// <summary>A key column's value as the statement compares it: trimmed text, a whole number's ".0" dropped.</summary>
    private static string Key(SqlDialect d, SourceColumn c)
    {
        if (c.Kind == ColumnKind.Ready) return c.Sql;
        var text = Text(d, c);
        // 17850.0 (a float column, a workbook's number) is the customer 17850. Only a value that ends in 0 can match,
        // and that test reads one character where the point's reads the whole value: 0.025-0.03 s of wall a key at 10M rows.
        return $"CASE WHEN {text} LIKE '%0' AND {text} LIKE '%.%' THEN regexp_replace({text}, '^(-?[0-9]+)\\.0+$', '\\1') ELSE {text} END";
    }

    private static string Text(SqlDialect d, SourceColumn c) => c.Kind switch
    {
        ColumnKind.Ready => c.Sql,
        ColumnKind.Text => d.Trimmed(c.Sql),
        _ => d.Trimmed(d.AsText(c.Sql)),
    };

    /// <summary>The column of <see cref="Staging"/> that holds a row's part; the folder of each part's rows is named by it.</summary>
    public const string PartColumn = "__segmentation_part";

    /// <summary>
    /// The source's rows with each field as the statement reads it (<see cref="Fields"/>: keys trimmed, numbers and dates
    /// typed, NULL where a value does not parse), each with the part it falls in (0 to <paramref name="parts"/> - 1): what an
    /// input prepared in parts is staged as (see <see cref="PreparationStatement.InParts"/>), read back by <see cref="Staged"/>.
    /// </summary>
    /// <remarks>
    /// A customer's rows are all in one part. The rows without a customer, which no rule keeps, are spread by their contents
    /// (identical rows together, for the repeat count): in one part, they made it twice the others (the 10M-row CSV's
    /// 2M of them). Typed once here, a part's statement has nothing left to parse, and Parquet stores a date or a decimal for
    /// less than its text: on the 10M-row CSV the staging took 5.25 s against 6.40 s for the text as read.
    /// </remarks>
    public static string Staging(SqlDialect d, SourceRelation s, int parts)
    {
        var fields = Fields(d, s).Where(f => f.Column is not null).ToList();
        return $"SELECT *, {d.PartOf("customer", d.RowKey([.. fields.Select(f => f.Name)]), parts)} AS {PartColumn}"
            + $" FROM (SELECT {string.Join(", ", fields.Select(f => $"{f.Value} AS {f.Name}"))} FROM {s.From})";
    }

    /// <summary>The relation that reads rows staged by <see cref="Staging"/> from <paramref name="from"/>: every field ready as it was staged.</summary>
    public static SourceRelation Staged(SourceRelation s, string from) =>
        SourceRelation.OfFields(s.Name, from, [.. Fields(SqlDialect.DuckDb, s).Select(f => f.Column is null ? null : new SourceColumn(f.Name, ColumnKind.Ready))]);

    /// <summary>
    /// Each field of the statement's rows in the order of the relation's (see <see cref="SourceRelation.Columns"/>), named,
    /// with the source column it comes from (null where the source has none)
    /// and its value as the statement compares it: keys trimmed with a whole number's ".0" dropped, numbers exact
    /// decimals, dates timestamps, NULL where a value does not parse (counted as bad).
    /// </summary>
    private static IReadOnlyList<(string Name, SourceColumn? Column, string Value)> Fields(SqlDialect d, SourceRelation s)
    {
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
        (string, SourceColumn?, string) Field(string name, SourceColumn? c, Func<SourceColumn, string> value) => (name, c, c is null ? "NULL" : value(c));
        return
        [
            Field("customer", s.Customer, c => Key(d, c)),
            Field("invoice", s.Invoice, c => Key(d, c)),
            Field("date", s.Date, Date),
            Field("quantity", s.Quantity, Number),
            Field("unit_price", s.UnitPrice, Number),
            Field("amount_value", s.Amount, Number),
            Field("stock_code", s.StockCode, c => Key(d, c)),
            Field("description", s.Description, c => Text(d, c)),
            Field("country", s.Country, c => Text(d, c)),
        ];
    }

    /// <summary>The statement: one row per kind and key (see <see cref="Columns"/>), over every row of the relation.</summary>
    /// <param name="productSales">Whether to total the kept rows by product too (see <see cref="PrepareOptions.ProductSales"/>).</param>
    public static string Build(SqlDialect d, SourceRelation s, CleaningOptions cleaning, bool purchaseDays = false, bool productSales = true)
    {
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
            DropReason.BeforeWindow => $"date < {d.Parameter(SinceParameter)}",
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, null),
        };
        var rowRules = rules.Where(r => r != DropReason.Duplicate).ToList();
        var reason = $"CASE {string.Join(" ", rowRules.Select(r => $"WHEN {Condition(r)} THEN {(int)r}"))} ELSE 0 END";
        // Without an invoice column an order is a customer's distinct timestamp; an empty invoice cell counts the same way.
        // Text either way, as the product's description that shares its column in lines.
        var order = s.Invoice is null ? d.AsText("date") : "COALESCE(invoice, '#' || CAST(date AS VARCHAR))";

        var sql = new StringBuilder();
        sql.AppendLine("WITH typed AS (")
            .AppendLine($"  SELECT {string.Join(", ", Fields(d, s).Select(f => $"{f.Value} AS {f.Name}"))}")
            .AppendLine($"  FROM {s.From}")
            .AppendLine("), priced AS (")
            .AppendLine($"  SELECT typed.*, {amount} AS amount, {string.Join(" OR ", bad)} AS bad FROM typed");
        var net = cleaning.NetCancellations;
        if (net) AppendNetting(sql, d, cleaning, reason);
        else sql.AppendLine("), classified AS (").AppendLine($"  SELECT priced.*, {reason} AS reason FROM priced");
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
        // The rows are grouped by a customer's invoice on one day and in one country (a product: a stock code under one
        // description); the month roll-up then truncates the few groups' days. Truncated per row, the month cost 0.28 s
        // of CPU at 10M rows, where a day is a division; the orders are still counted by distinct invoice.
        string[] productKeys = ["product", "description"];
        // A product's two keys share the order's first two columns (text both): the fewer columns grouped on, the
        // cheaper each of the row copies is (7.18 s against 7.50 s for the 10M-row statement, medians of four).
        var keys = OrderKeys.Select((k, i) => productSales
            ? $"CASE WHEN kinds.by_order = 1 THEN {k} {(i < productKeys.Length ? $"ELSE {productKeys[i]} " : "")}END AS key{i}"
            : $"{k} AS key{i}");
        var keyColumns = string.Join(", ", OrderKeys.Select((_, i) => $"key{i}"));
        string As(string[] names) => string.Join(", ", names.Select((k, i) => $"key{i} AS {k}"));
        sql.AppendLine("), keyed AS (")
            .AppendLine($"  SELECT {source}.*, {order} AS order_key, CAST(date AS DATE) AS day, COALESCE(stock_code, description) AS product,")
            .AppendLine($"    {d.RowKey(RowKeyContent)} AS row_key FROM {source}")
            // Every row goes once into its order and once into its product (a copy per kind), split by the rule that
            // removed it (most orders have one): the only groups with as many members as rows. One aggregate over both
            // copies, each aggregate filtered to the kind that reads it, costs less than grouping sets, which compute
            // every aggregate for every set (the row lists for products too: 8.1 -> 6.7 s on 10M rows). Everything
            // else is rolled up from these, far fewer. Without products, every row is its order's, as it is.
            .AppendLine("), split AS (")
            .AppendLine($"  SELECT keyed.*, {(productSales ? "kinds.by_order" : "1 AS by_order")}, {string.Join(", ", keys)}")
            // A product is read for its kept sales alone: a removed row's copy for its product would be grouped for nothing.
            .AppendLine(productSales
                ? "  FROM keyed CROSS JOIN (VALUES (0), (1)) AS kinds(by_order) WHERE kinds.by_order = 1 OR reason = 0"
                : "  FROM keyed")
            .AppendLine("), lines AS MATERIALIZED (")
            .AppendLine($"  SELECT by_order, {keyColumns}, reason,")
            .AppendLine("    count(*) AS rows_in, count(*) FILTER (WHERE bad) AS bad, sum(amount) AS revenue, sum(COALESCE(quantity, 1)) AS quantity,")
            .AppendLine($"    min(date) {ByOrder} AS first_date, max(date) {ByOrder} AS last_date, {(net ? $"count(cancelled) {ByOrder}" : "0")} AS reduced,")
            .AppendLine($"    {d.DistinctRowKeys("row_key")} {ByOrder} AS distinct_keys")
            .AppendLine($"  FROM split GROUP BY by_order, {keyColumns}, reason")
            // Not materialised: each roll-up reads the few columns it needs straight from lines, and the repeats per order
            // (its rows less its distinct row keys) are counted for the total alone, the one row that reads them.
            // Materialised, every column of 965k orders was copied and the repeats counted for the customers' rows too:
            // 0.2-0.47 s more of the 10M-row statement in four alternating pairs, when the contents were lists (#28).
            .AppendLine("), orders AS NOT MATERIALIZED (")
            // Identical rows share a reason, except the repeats the duplicate rule removes: every one of those is a repeat.
            .AppendLine($"  SELECT {As(OrderKeys)}, date_trunc('month', CAST(key{Array.IndexOf(OrderKeys, "day")} AS TIMESTAMP)) AS month, COALESCE(key{Array.IndexOf(OrderKeys, "country")}, '{SalesSummary.UnknownCountry}') AS country_key, reason, rows_in, bad, revenue, quantity,")
            .AppendLine($"    first_date, last_date, reduced, CASE WHEN reason = {(int)DropReason.Duplicate} THEN rows_in ELSE rows_in - distinct_keys END AS repeats")
            .AppendLine("  FROM lines WHERE by_order = 1")
            .AppendLine(")");

        // One SELECT per kind of result row, each over the few rows of orders or products; every column in Columns order.
        const string Kept = "FILTER (WHERE reason = 0)";
        string Select(Kind kind, string key, string month, string totals, string detail, string from, string? groupBy, bool withRules = false)
        {
            var ruleCounts = string.Concat(rules.Select(r => withRules ? $", {Count($"sum(rows_in) FILTER (WHERE reason = {(int)r})")}" : ", 0"));
            return $"SELECT {(int)kind}, {key}, {month}, {totals}, {detail}{ruleCounts} FROM {from}{(groupBy is null ? "" : " GROUP BY " + groupBy)}";
        }
        // A sum of counts is a 128-bit integer in DuckDB and a numeric in PostgreSQL: read back as such it costs a
        // big-integer object per value (0.4 s for the 10M-row file's 300,000 result rows); no count nears 2^63.
        static string Count(string sum) => $"CAST({sum} AS BIGINT)";
        var sales = $"{Count($"sum(rows_in) {Kept}")}, sum(revenue) {Kept}, sum(quantity) {Kept}";
        // The repeats are read from the total alone (see PreparationResult).
        string Full(bool repeats) => $"{Count("sum(rows_in)")}, {Count("sum(bad)")}, {sales}, count(DISTINCT order_key) {Kept}, min(first_date) {Kept}, max(last_date) {Kept},"
            + $" min(first_date), max(last_date), {Count($"sum(reduced) {Kept}")}, {(repeats ? Count("sum(repeats)") : "0")}";
        // Typed NULLs: PostgreSQL types a column of a UNION from its first branches, and an untyped NULL is text there.
        const string NoText = "CAST(NULL AS VARCHAR)", NoMonth = "CAST(NULL AS TIMESTAMP)";
        const string NoDates = "CAST(NULL AS TIMESTAMP), CAST(NULL AS TIMESTAMP), CAST(NULL AS TIMESTAMP), CAST(NULL AS TIMESTAMP), 0, 0";
        // An order's day is the day of its first line (an invoice is one moment in practice).
        string[] products = productSales ? [Select(Kind.ProductDescription, "product", NoMonth, $"0, 0, {sales}, 0, {NoDates}", "description", $"(SELECT {As(productKeys)}, reason, rows_in, revenue, quantity FROM lines WHERE by_order = 0) AS products", "product, description")] : [];
        string[] days = purchaseDays ? [Select(Kind.CustomerDay, "customer", "date_trunc('day', first_date)", $"0, 0, {sales}, 0, {NoDates}", NoText, "orders", "customer, date_trunc('day', first_date)")] : [];
        sql.AppendLine(string.Join("\nUNION ALL\n", [
            Select(Kind.Total, NoText, NoMonth, Full(repeats: true), NoText, "orders", null, withRules: true),
            // A customer's country is the first, in ordinal order, of the countries of their kept purchases (as
            // PreparationResult keeps it): in their own row, not in a roll-up of its own by customer and country (0.23 s of CPU at 10M rows).
            Select(Kind.Customer, "customer", NoMonth, Full(repeats: false), $"min(country) {Kept}", "orders", "customer"),
            Select(Kind.Month, NoText, "month", $"0, 0, {sales}, 0, {NoDates}", NoText, "orders", "month"),
            Select(Kind.Country, "country_key", NoMonth, $"0, 0, {sales}, 0, {NoDates}", NoText, "orders", "country_key"),
            .. products,
            .. days]));
        // Each kind's rows by key: the engine sorts the customers on both cores while it finishes, where the RFM
        // table sorted them on one after it (0.085 s of the 10M-row run, for 0-0.05 s more of the statement); a
        // server's collation may order them otherwise, and the table then sorts them itself (see OrdinalOrder).
        sql.AppendLine("ORDER BY 1, 2");
        return sql.ToString();
    }
}
