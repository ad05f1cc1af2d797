using System.Globalization;

namespace Segmentation.Prepare.Sources;

/// <summary>Turns cell text into typed values, always in the invariant culture.</summary>
internal static class CellParser
{
    private static readonly string[] IsoDateFormats =
    [
        "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd HH:mm",
        "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm",
        "yyyy-MM-dd HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd",
    ];

    /// <summary>
    /// A key (customer, invoice): trimmed, empty as null, and an integral number written with a decimal
    /// part ("17850.0", as pandas writes a float column) reduced to its digits.
    /// </summary>
    public static string? Key(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        if (text.IsEmpty) return null;
        var dot = text.IndexOf('.');
        if (dot > 0 && IsDigits(text[..dot]) && IsZeros(text[(dot + 1)..])) text = text[..dot];
        return text.ToString();
    }

    /// <summary>True when <see cref="Key(ReadOnlySpan{char})"/> would return the text unchanged.</summary>
    public static bool IsCanonicalKey(ReadOnlySpan<char> text) =>
        !text.IsEmpty && !char.IsWhiteSpace(text[0]) && !char.IsWhiteSpace(text[^1]) && text.IndexOf('.') < 0;

    /// <summary>A key from a numeric cell: 17850.0 is "17850", never "17850.0".</summary>
    public static string Key(double number) =>
        number == Math.Floor(number) && Math.Abs(number) < 1e15
            ? ((long)number).ToString(CultureInfo.InvariantCulture)
            : number.ToString("R", CultureInfo.InvariantCulture);

    public static string? Text(ReadOnlySpan<char> text)
    {
        var trimmed = text.Trim();
        return trimmed.IsEmpty ? null : trimmed.ToString();
    }

    /// <summary>
    /// A number as text, with <paramref name="decimalSeparator"/> '.' (no thousands separator: "2,55" and "1,234.5" fail
    /// rather than become 255 and 1234.5) or ',' ("2,55", with '.' as the thousands separator: "1.234,5").
    /// </summary>
    public static bool TryDecimal(ReadOnlySpan<char> text, out decimal value, char decimalSeparator = '.') =>
        decimalSeparator == ','
            ? decimal.TryParse(text.Trim(), NumberStyles.Number | NumberStyles.AllowExponent, DecimalComma, out value)
            : TryPlainDecimal(text, out value) || decimal.TryParse(text.Trim(), PointStyles, CultureInfo.InvariantCulture, out value);

    private const NumberStyles PointStyles = NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign
        | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    private static readonly NumberFormatInfo DecimalComma = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = "." };

    /// <summary>
    /// The common "-123.45": up to 18 digits, an optional sign and point, nothing else. The value and its scale
    /// are what decimal.Parse gives ("2.50" keeps two places); anything else (and zero, whose sign decimal.Parse
    /// keeps its own way) goes to decimal.Parse. General parsing was an eighth of the CSV read.
    /// </summary>
    internal static bool TryPlainDecimal(ReadOnlySpan<char> s, out decimal value)
    {
        value = default;
        var negative = !s.IsEmpty && s[0] == '-';
        var i = negative ? 1 : 0;
        if (s.Length - i is 0 or > 19) return false;
        ulong mantissa = 0;
        var digits = 0;
        var scale = -1;
        for (; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsAsciiDigit(c))
            {
                mantissa = mantissa * 10 + (uint)(c - '0');
                digits++;
                if (scale >= 0) scale++;
            }
            else if (c == '.' && scale < 0) scale = 0;
            else return false;
        }
        if (digits == 0 || digits > 18 || mantissa == 0) return false;
        value = new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, negative, (byte)Math.Max(scale, 0));
        return true;
    }

    public static bool TryDate(ReadOnlySpan<char> text, string? format, out DateTime value)
    {
        text = text.Trim();
        if (format is null && TryIsoFast(text, out value)) return true;
        // Wall-clock times stay as written (the shop's local time); only an explicit offset is converted, to UTC.
        var ok = format is null
            ? DateTime.TryParseExact(text, IsoDateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out value)
            : DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out value);
        value = DateTime.SpecifyKind(value, DateTimeKind.Unspecified);
        return ok;
    }

    /// <summary>A decimal from a workbook's double: 2.55 stays 2.55 (the conversion keeps 15 significant digits).</summary>
    public static decimal Decimal(double number) => (decimal)number;

    /// <summary>The common "yyyy-MM-dd HH:mm:ss" (or with a T), parsed without the general machinery.</summary>
    private static bool TryIsoFast(ReadOnlySpan<char> s, out DateTime value)
    {
        value = default;
        if (s.Length != 19 || s[4] != '-' || s[7] != '-' || (s[10] != ' ' && s[10] != 'T') || s[13] != ':' || s[16] != ':') return false;
        static int N(ReadOnlySpan<char> d)
        {
            var v = 0;
            foreach (var c in d)
            {
                if (!char.IsAsciiDigit(c)) return -1;
                v = v * 10 + (c - '0');
            }
            return v;
        }
        int year = N(s[..4]), month = N(s[5..7]), day = N(s[8..10]), hour = N(s[11..13]), minute = N(s[14..16]), second = N(s[17..19]);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour is < 0 or > 23 || minute is < 0 or > 59 || second is < 0 or > 59) return false;
        value = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        return true;
    }

    private static bool IsDigits(ReadOnlySpan<char> s)
    {
        var start = s.Length > 0 && s[0] == '-' ? 1 : 0;
        if (s.Length == start) return false;
        foreach (var c in s[start..]) if (!char.IsAsciiDigit(c)) return false;
        return true;
    }

    private static bool IsZeros(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty) return false;
        foreach (var c in s) if (c != '0') return false;
        return true;
    }
}
