
namespace Segmentation.Prepare.Engine;

/// <summary>
/// The preparation statement of <see cref="PreparationQuery"/> (the same rules, account, RFM, sales summary and
/// purchase days, the same result columns) in the SQL that ClickHouse 18.16 and current servers both accept: no
/// CTEs, window functions, FILTER or grouping sets, so the steps nest as subqueries, the conditional aggregates are
/// -If combinators, and the result rows of every kind come from one pass (ARRAY JOIN of the kinds) instead of a
/// UNION of passes. Values are literals (<see cref="ClickHouseSql"/>): 18.16 has no query parameters.
/// </summary>
/// <remarks>
/// The statement aggregates the source itself (its steps are WITH aliases, which 18.16 has), so that on a
/// Distributed table each shard aggregates its own rows and sends its partial per-kind rows to the server that
/// merges them. Amounts are summed as whole millionths (exact, as DuckDB's and PostgreSQL's decimals are) and sent
/// back as decimal text.
/// </remarks>
internal static class ClickHouseQuery
{
    private const string Micro = "1000000";

    /// <summary>The source's rows typed and classified, as WITH aliases over a FROM: what every statement here aggregates.</summary>
    private sealed record Rows(IReadOnlyList<string> With, string From, string Repeats, IReadOnlyList<DropReason> Rules);

    /// <param name="productSales">Whether to total the kept rows by product too (see <see cref="PrepareOptions.ProductSales"/>).</param>
    /// <param name="totalsOnly">Only the input's totals (one row): the account and the dates, no row per customer.</param>
    public static string Build(SourceRelation s, CleaningOptions cleaning, bool purchaseDays, bool productSales = true, bool totalsOnly = false)
    {
        var (with, from, repeats, rules) = Classified(s, cleaning);
        // One row per kind and key, every kind from the same pass: a row counts towards the input's totals, its
        // customer, its customer's country, its month, its country and its product (and its day).
        int[] kinds = [.. new[] { PreparationQuery.Kind.Total, PreparationQuery.Kind.Customer, PreparationQuery.Kind.Month, PreparationQuery.Kind.Country,
            PreparationQuery.Kind.CustomerCountry }.Select(k => (int)k)];
        if (productSales) kinds = [.. kinds, (int)PreparationQuery.Kind.ProductDescription];
        if (purchaseDays) kinds = [.. kinds, (int)PreparationQuery.Kind.CustomerDay];
        if (totalsOnly) kinds = [(int)PreparationQuery.Kind.Total];
        var byCustomer = string.Join(", ", new[] { PreparationQuery.Kind.Customer, PreparationQuery.Kind.CustomerCountry, PreparationQuery.Kind.CustomerDay }.Select(k => (int)k));
        var ruleCounts = rules.Select(r => r == DropReason.Duplicate ? "sum(c_dropped_repeats)" : $"sumIf(c_copies, c_reason = {(int)r})");
        // Each line's own day: a purchase day (DuckDB and PostgreSQL take an order's first line's) differs only for an
        // invoice that spans midnight.
        return $"""
            WITH
              {string.Join(",\n  ", with)}
            SELECT
              k_kind,
              multiIf(k_kind IN ({byCustomer}), c_customer, k_kind = {(int)PreparationQuery.Kind.Country}, c_country_key, k_kind = {(int)PreparationQuery.Kind.ProductDescription}, c_product, {NoText}) AS k_key,
              multiIf(k_kind = {(int)PreparationQuery.Kind.Month}, c_month, k_kind = {(int)PreparationQuery.Kind.CustomerDay}, c_day, CAST(NULL AS Nullable(DateTime))) AS k_month,
              sum(c_copies), sumIf(c_copies, c_bad), sum(c_kept), {Money("sum(c_revenue)")}, {Money("sum(c_units)")},
              uniqExactIf(c_order, c_kept > 0 AND k_kind IN ({(int)PreparationQuery.Kind.Total}, {(int)PreparationQuery.Kind.Customer})),
              if(sum(c_kept) > 0, toNullable(minIf(c_date, c_kept > 0)), CAST(NULL AS Nullable(DateTime))),
              if(sum(c_kept) > 0, toNullable(maxIf(c_date, c_kept > 0)), CAST(NULL AS Nullable(DateTime))),
              min(c_date), max(c_date), 0, {repeats},
              multiIf(k_kind = {(int)PreparationQuery.Kind.CustomerCountry}, c_country, k_kind = {(int)PreparationQuery.Kind.ProductDescription}, c_description, {NoText}) AS k_detail{string.Concat(ruleCounts.Select(c => ",\n  " + c))}
            FROM {from}
            ARRAY JOIN [{string.Join(", ", kinds)}] AS k_kind
            GROUP BY k_kind, k_key, k_month, k_detail
            """;
    }

    /// <summary>
    /// Every customer with a kept purchase and their RFM as of <paramref name="snapshot"/>: <c>customer</c>,
    /// <c>recency</c> (whole days), <c>frequency</c> (orders), <c>monetary</c> (decimal text, as the account's) and
    /// <c>monetary_value</c> (a double, for the features). The customers stay in the database: this is a subquery for
    /// statements that score them there.
    /// </summary>
    public static string Customers(SourceRelation s, CleaningOptions cleaning, DateTime snapshot)
    {
        var (with, from, _, _) = Classified(s, cleaning);
        return $"""
            SELECT customer, intDiv(toUInt32({ClickHouseSql.DateTime(snapshot)}) - toUInt32(last_kept), 86400) AS recency, frequency,
              {Money("revenue")} AS monetary, revenue / {Micro} AS monetary_value
            FROM (
            WITH
              {string.Join(",\n  ", with)}
            SELECT assumeNotNull(c_customer) AS customer, uniqExactIf(c_order, c_kept > 0) AS frequency, sum(c_revenue) AS revenue, maxIf(c_date, c_kept > 0) AS last_kept
            FROM {from}
            WHERE c_kept > 0 AND isNotNull(c_customer)
            GROUP BY customer)
            """;
    }

    private static Rows Classified(SourceRelation s, CleaningOptions cleaning)
    {
        if (cleaning.NetCancellations)
            throw new OptionException(OptionNames.NetCancellations, "matching cancellations to their purchases needs window functions, which ClickHouse 18.16's SQL lacks: prepare without it, or from a file or PostgreSQL");
        var rules = PreparationQuery.Rules(s, cleaning);

        // 1. The source's rows typed. Dropping duplicates needs each distinct row with its copies: identical rows are
        // folded into one first (on the shards for a Distributed table). Otherwise every row counts once, and the
        // whole statement aggregates the source directly, so that a Distributed table's shards aggregate their own
        // rows and only their per-kind partial results travel.
        string[] typed =
        [
            $"{Key(s.Customer)} AS c_customer",
            $"{(s.Invoice is null ? NoText : Key(s.Invoice))} AS c_invoice",
            $"{Date(s.Date)} AS c_date",
            $"{(s.Quantity is null ? NoNumber : Number(s.Quantity))} AS c_quantity",
            $"{(s.UnitPrice is null ? NoNumber : Number(s.UnitPrice))} AS c_unit_price",
            $"{(s.Amount is null ? NoNumber : Number(s.Amount))} AS c_amount_value",
            $"{(s.StockCode is null ? NoText : Key(s.StockCode))} AS c_stock_code",
            $"{(s.Description is null ? NoText : Text(s.Description))} AS c_description",
            $"{(s.Country is null ? NoText : Text(s.Country))} AS c_country",
        ];
        string[] content = ["c_customer", "c_invoice", "c_date", "c_quantity", "c_unit_price", "c_amount_value", "c_stock_code", "c_description", "c_country"];
        var dropDuplicates = cleaning.DropDuplicates;
        string from;
        string repeats;
        var with = new List<string>();
        if (dropDuplicates)
        {
            from = $"(\nSELECT\n  {string.Join(",\n  ", typed)},\n  count() AS c_copies\nFROM {s.From}\nGROUP BY {string.Join(", ", content)})";
            repeats = "sum(c_copies - 1)";
        }
        else
        {
            from = s.From;
            with.AddRange(typed);
            with.Add("1 AS c_copies");
            // Rows that repeat an earlier identical row: the rows less the distinct ones, counted for the input's totals only.
            with.Add($"cityHash64({string.Join(", ", RowContent())}) AS c_row");
            repeats = $"sumIf(c_copies, k_kind = {(int)PreparationQuery.Kind.Total}) - uniqExactIf(c_row, k_kind = {(int)PreparationQuery.Kind.Total})";
        }

        // 2. Each (distinct) row classified: the first rule that holds removes it (and its copies).
        var amount = s.Amount is not null ? "c_amount_value" : "c_quantity * c_unit_price";
        var bad = s.Amount is not null ? "isNull(c_date) OR isNull(c_amount_value)" : "isNull(c_date) OR isNull(c_quantity) OR isNull(c_unit_price)";
        var rowRules = rules.Where(r => r != DropReason.Duplicate).ToList();
        var reason = rowRules.Count == 0 ? "0" : $"multiIf({string.Concat(rowRules.Select(r => $"{Condition(r, cleaning)}, {(int)r}, "))}0)";
        var order = s.Invoice is null ? "toString(c_date)" : "if(isNull(c_invoice), concat('#', toString(c_date)), c_invoice)";
        with.AddRange([
            $"{amount} AS c_amount",
            $"{bad} AS c_bad",
            $"{reason} AS c_reason",
            $"if(c_reason = 0, {(dropDuplicates ? "1" : "c_copies")}, 0) AS c_kept",
            $"{(dropDuplicates ? "if(c_reason = 0, c_copies - 1, 0)" : "0")} AS c_dropped_repeats",
            $"toInt64(round(c_amount * {Micro})) * c_kept AS c_revenue",
            $"toInt64(round(ifNull(c_quantity, 1) * {Micro})) * c_kept AS c_units",
            $"{order} AS c_order",
            "toDateTime(toStartOfMonth(c_date)) AS c_month",
            "toStartOfDay(c_date) AS c_day",
            $"ifNull(c_country, '{SalesSummary.UnknownCountry}') AS c_country_key",
            "ifNull(c_stock_code, c_description) AS c_product",
        ]);

        return new Rows(with, from, repeats, rules);
    }

    /// <summary>
    /// A row's values for its hash, NULL told apart from any value by a marker of its own kind (text, 64-bit NaN,
    /// the epoch): 64 bits, so that two of 100 million distinct rows share a hash with odds of about 3 in 10,000.
    /// </summary>
    private static IEnumerable<string> RowContent()
    {
        foreach (var text in new[] { "c_customer", "c_invoice", "c_stock_code", "c_description", "c_country" }) yield return $"ifNull({text}, '\\N')";
        yield return "isNull(c_date)";
        yield return "ifNull(c_date, toDateTime(0))";
        foreach (var number in new[] { "c_quantity", "c_unit_price", "c_amount_value" }) yield return $"ifNull({number}, nan)";
    }

    private const string NoText = "CAST(NULL AS Nullable(String))";
    private const string NoNumber = "CAST(NULL AS Nullable(Float64))";

    private static string Condition(DropReason rule, CleaningOptions cleaning) => rule switch
    {
        DropReason.MissingCustomer => "isNull(c_customer)",
        DropReason.ExcludedProduct => $"upper(c_stock_code) IN ({string.Join(", ", cleaning.ExcludedProducts.Select(p => ClickHouseSql.Literal(p.Trim().ToUpperInvariant())))})",
        DropReason.Cancelled => "(startsWith(c_invoice, 'C') OR startsWith(c_invoice, 'c'))",
        DropReason.NonPositiveQuantity => "c_quantity <= 0",
        DropReason.NonPositivePrice => "c_unit_price <= 0",
        DropReason.NonPositiveAmount => "c_amount <= 0",
        DropReason.AfterAsOf => $"c_date >= {ClickHouseSql.DateTime(cleaning.Before!.Value)}",
        DropReason.BeforeWindow => $"c_date < {ClickHouseSql.DateTime(cleaning.Since!.Value)}",
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, null),
    };

    /// <summary>A sum of millionths as decimal text (15300000 is 15.300000): exact, whatever the server's decimal support.</summary>
    private static string Money(string millionths) => ClickHouseSql.DecimalText(millionths, 6);

    /// <summary>Text trimmed of spaces, empty as NULL; a typed value as its text.</summary>
    // A regular expression on every value costs more than reading it: only a padded value pays for one.
    private static string Text(SourceColumn c) => c.Kind == ColumnKind.Text
        ? $"nullIf(if(startsWith({c.Sql}, ' ') OR endsWith({c.Sql}, ' '), replaceRegexpAll({c.Sql}, '^ +| +$', ''), {c.Sql}), '')"
        : $"nullIf(toString({c.Sql}), '')";

    // 17850.0 (a float column, a workbook's number) is the customer 17850; only a value with a point pays for the expression.
    private static string Key(SourceColumn c)
    {
        var text = Text(c);
        return $"if(position({text}, '.') > 0, replaceRegexpOne({text}, '^(-?[0-9]+)\\\\.0+$', '\\\\1'), {text})";
    }

    /// <summary>Text as a number, NULL when it is none (counted as bad: the row readers then name it).</summary>
    private static string Number(SourceColumn c) => c.Kind == ColumnKind.Text ? $"toFloat64OrNull({Text(c)})" : $"toFloat64({c.Sql})";

    /// <summary>
    /// Text as a timestamp when it is an ISO date the row readers also accept (2011-12-09, 2011-12-09 12:50,
    /// 2011-12-09T12:50:00), else NULL: the value must read back as written, so 2011-02-30 (which the server would
    /// roll over to March) is NULL too.
    /// </summary>
    private static string Date(SourceColumn c)
    {
        if (c.Kind != ColumnKind.Text) return $"toDateTime({c.Sql})";
        var t = Text(c);
        var normal = $"multiIf(length({t}) = 10, concat({t}, ' 00:00:00'), length({t}) = 16, concat(replaceOne({t}, 'T', ' '), ':00'), replaceOne({t}, 'T', ' '))";
        return $"if(toString(toDateTimeOrNull({normal})) = {normal}, toDateTimeOrNull({normal}), CAST(NULL AS Nullable(DateTime)))";
    }


}
