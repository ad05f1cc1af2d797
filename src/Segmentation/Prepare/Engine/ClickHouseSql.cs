using System.Globalization;
using System.Text;

namespace Segmentation.Prepare.Engine;

/// <summary>
/// Text from the input made inert in ClickHouse SQL. ClickHouse 18.16 has no query parameters, so every value a
/// statement carries (a customer id, a stock code, an as-of instant) is a literal written by <see cref="Literal"/>,
/// and every name (a table, a column) an identifier written by <see cref="Identifier"/>: the one place each is escaped.
/// </summary>
internal static class ClickHouseSql
{
    /// <summary>A name in back quotes; a back quote or a backslash inside it escaped by a backslash.</summary>
    public static string Identifier(string name) => "`" + Escaped(name, '`') + "`";

    /// <summary>A string literal in single quotes; quotes, backslashes and control characters escaped.</summary>
    public static string Literal(string value) => "'" + Escaped(value, '\'') + "'";

    /// <summary>A value in ClickHouse's TabSeparated format: the literal's escapes, no quote to escape.</summary>
    public static string TabSeparated(string value) => Escaped(value, quote: null);

    /// <summary>An instant as ClickHouse's DateTime (seconds; the server's time zone, as the stored DateTime values are read).</summary>
    public static string DateTime(DateTime value) =>
        $"toDateTime({Literal(value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))})";

    /// <summary>
    /// A whole number of 10^-<paramref name="places"/> units as exact decimal text (15300000 at 6 places is
    /// 15.300000), NULL for NULL: exact whatever the server's decimal and float support.
    /// </summary>
    public static string DecimalText(string units, int places)
    {
        var scale = "1" + new string('0', places);
        return $"if(isNull({units}), CAST(NULL AS Nullable(String)), concat(if({units} < 0, '-', ''), toString(intDiv(abs({units}), {scale})), '.', substring(toString({scale} + abs({units}) % {scale}), 2, {places})))";
    }

    /// <summary>
    /// A double rounded to <paramref name="places"/> decimals as .NET's Math.Round does (half to even; 18.16's round
    /// goes half away from zero), as a whole number of 10^-places units.
    /// </summary>
    public static string RoundedUnits(string value, int places)
    {
        var y = $"({value} * 1{new string('0', places)})";
        return $"toInt64(if(abs({y} - floor({y})) = 0.5, 2 * round({y} / 2), round({y})))";
    }

    /// <summary>A table name as the user gave it (<c>sales</c> or <c>db.sales</c>): each dotted part an identifier.</summary>
    public static string TableName(string name) => string.Join(".", name.Split('.').Select(part =>
    {
        var p = part.Trim();
        // Already quoted by the user (`Sales Lines` or "Sales Lines"): taken as the name inside the quotes.
        if (p.Length >= 2 && ((p[0] == '`' && p[^1] == '`') || (p[0] == '"' && p[^1] == '"'))) p = p[1..^1];
        return Identifier(p);
    }));

    private static string Escaped(string text, char? quote)
    {
        // Most values need no escape: they are returned as they are, without a copy.
        if (text.AsSpan().IndexOfAny("\\\0\n\r\t") < 0 && (quote is not { } q || !text.Contains(q, StringComparison.Ordinal))) return text;
        var s = new StringBuilder(text.Length + 2);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\': s.Append(@"\\"); break;
                case '\0': s.Append(@"\0"); break;
                case '\n': s.Append(@"\n"); break;
                case '\r': s.Append(@"\r"); break;
                case '\t': s.Append(@"\t"); break;
                default:
                    if (c == quote) s.Append('\\');
                    s.Append(c);
                    break;
            }
        }
        return s.ToString();
    }
}
