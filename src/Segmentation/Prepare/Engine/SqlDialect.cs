namespace Segmentation.Prepare.Engine;

/// <summary>
/// What differs between the engines the preparation SQL runs on: how a text value is tried as a number or a
/// date without failing the query, how a padded value is trimmed, how a row is hashed, how a parameter is named.
/// Everything else in <see cref="PreparationQuery"/> is standard SQL, the same text on both.
/// </summary>
internal abstract class SqlDialect
{
    public static SqlDialect DuckDb { get; } = new DuckDbDialect();

    public static SqlDialect PostgreSql { get; } = new PostgreSqlDialect();

    public abstract string Name { get; }

    /// <summary>
    /// The type of a price, a quantity or an amount in the embedded engine: exact for them (18 digits, 6 decimals),
    /// summed exactly as 128-bit decimals.
    /// </summary>
    public const string DuckDbDecimal = "DECIMAL(18,6)";

    /// <summary>A column name from the source (untrusted): always quoted, embedded quotes doubled.</summary>
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public abstract string Parameter(string name);

    /// <summary>A text value trimmed of surrounding blanks, empty as NULL.</summary>
    public abstract string Trimmed(string text);

    /// <summary>A value of another type as text (a numeric key, a typed description).</summary>
    public abstract string AsText(string value);

    /// <summary>The text as a number, NULL when it is none (the query goes on; the NULL is counted as a bad value).</summary>
    public abstract string TryNumber(string text);

    /// <summary>A number already typed (integer, floating point, decimal) as the exact decimal the sums use.</summary>
    public abstract string Number(string typed);

    /// <summary>The text as a timestamp, NULL when it is not an ISO date the row readers also accept.</summary>
    public abstract string TryTimestamp(string text);

    public abstract string Timestamp(string typed);

    /// <summary>
    /// A value two rows share when their <paramref name="columns"/> are the same (and, for a hash, by a small chance
    /// otherwise): computed once for each row, before the rows are copied per kind (which doubled its cost).
    /// </summary>
    public abstract string RowKey(IReadOnlyList<string> columns);

    /// <summary>
    /// An aggregate: how many distinct <see cref="RowKey"/>s a group holds, for counting exact repeats, which always
    /// fall in the same order.
    /// </summary>
    public abstract string DistinctRowKeys(string rowKey);

    /// <summary>
    /// Which of <paramref name="parts"/> parts (0 to parts - 1) a row falls in: by its <paramref name="key"/>, or where
    /// that is missing, by <paramref name="otherwise"/> (a <see cref="RowKey"/>, so that identical rows stay together).
    /// Only the embedded engine prepares an input in parts (see <see cref="PreparationStatement.InParts"/>): a database server runs it whole.
    /// </summary>
    public virtual string PartOf(string key, string otherwise, int parts) => throw new NotSupportedException($"{Name} prepares an input whole, never in parts");

    private sealed class DuckDbDialect : SqlDialect
    {
        public override string Name => "DuckDB";
        public override string Parameter(string name) => "$" + name;

        // trim() on every value costs more than reading the file; only a padded value pays for it. A LIKE with the
        // blank at one end is planned as prefix() or suffix(): the five keys' test 1.70-1.82 s -> 1.49-1.55 s
        // against a bare read's 1.27-1.31 s (10M rows, three each), where starts_with() and ends_with() were slower.
        public override string Trimmed(string text) =>
            $"NULLIF(CASE WHEN {text} LIKE ' %' OR {text} LIKE '% ' THEN trim({text}) ELSE {text} END, '')";

        public override string AsText(string value) => $"CAST({value} AS VARCHAR)";

        // A value with a comma, a letter or nothing at all is NULL, so it is counted as bad and the row readers name it.
        public override string TryNumber(string text) => $"TRY_CAST({text} AS {DuckDbDecimal})";
        public override string Number(string typed) => $"CAST({typed} AS {DuckDbDecimal})";

        // DuckDB's cast reads more than ISO (an offset it ignores, fractions): longer forms go to the row readers,
        // which convert an offset to UTC as they always have. strlen() counts bytes without reading them, length()
        // counts characters; they differ only for text that is not ASCII, which no timestamp is.
        public override string TryTimestamp(string text) =>
            $"CASE WHEN strlen({text}) <= 19 THEN TRY_CAST({text} AS TIMESTAMP) END";

        public override string Timestamp(string typed) => $"CAST({typed} AS TIMESTAMP)";

        // 64 bits: at 10 million distinct rows the chance that two of them share a hash (and one repeat is
        // miscounted) is about 3 in a million. Counted by an aggregate of ours: count(DISTINCT) keeps a second hash
        // table of every (order, row key), and cost half as much again as the whole statement (HISTORY.md).
        public override string RowKey(IReadOnlyList<string> columns) => $"hash({string.Join(", ", columns)})";
        public override string DistinctRowKeys(string rowKey) => $"{DistinctRowsAggregate.Name}({rowKey})";

        public override string PartOf(string key, string otherwise, int parts) =>
            $"(CASE WHEN {key} IS NULL THEN {otherwise} ELSE hash({key}) END) % {parts.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    private sealed class PostgreSqlDialect : SqlDialect
    {
        private const string NumberPattern = @"^\s*[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?\s*$";
        private const string DatePattern = @"^\s*[0-9]{4}-[0-9]{2}-[0-9]{2}([ T][0-9]{2}:[0-9]{2}(:[0-9]{2})?)?\s*$";

        public override string Name => "PostgreSQL";
        public override string Parameter(string name) => "@" + name;
        public override string Trimmed(string text) => $"NULLIF(btrim({text}), '')";
        public override string AsText(string value) => $"CAST({value} AS text)";

        // PostgreSQL has no TRY_CAST: the pattern admits only what the cast reads, so the cast cannot fail.
        public override string TryNumber(string text) => $"CASE WHEN {text} ~ '{NumberPattern}' THEN CAST({text} AS numeric) END";
        public override string Number(string typed) => $"CAST({typed} AS numeric)";

        // An impossible date of the right shape (2011-02-30) still fails the cast: the row readers then name it.
        public override string TryTimestamp(string text) => $"CASE WHEN {text} ~ '{DatePattern}' THEN CAST({text} AS timestamp) END";
        public override string Timestamp(string typed) => $"CAST({typed} AS timestamp)";

        public override string RowKey(IReadOnlyList<string> columns) => $"md5(CAST(ROW({string.Join(", ", columns)}) AS text))";
        public override string DistinctRowKeys(string rowKey) => $"count(DISTINCT {rowKey})";
    }
}
