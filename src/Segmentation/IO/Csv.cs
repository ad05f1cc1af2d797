using System.Globalization;

namespace Segmentation.IO;

/// <summary>RFC 4180 field quoting and invariant number forms for the CSV files we write.</summary>
internal static class Csv
{
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        // A text that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) is written with a leading
        // apostrophe, as OWASP advises against CSV injection; ReadField takes it off again.
        if (IsFormulaStart(value[0]) || IsGuarded(value)) value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }

    /// <summary>A text field as <see cref="Field"/> wrote it (already unquoted by the reader), without the formula guard.</summary>
    public static string ReadField(string value) => IsGuarded(value) ? value[1..] : value;

    // An apostrophe before a formula start or before another apostrophe is the guard (so a text that itself
    // begins that way is written with one more, and every text reads back as it was).
    private static bool IsGuarded(string value) => value.Length > 1 && value[0] == '\'' && (IsFormulaStart(value[1]) || value[1] == '\'');

    private static bool IsFormulaStart(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';

    public static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);
    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
    /// <summary>An undefined figure (the mean of a segment with no customer) is an empty field, not "NaN".</summary>
    public static string Number(double value) => double.IsNaN(value) ? "" : value.ToString("R", CultureInfo.InvariantCulture);
    public static string Day(DateTime value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    public static string YesNo(bool value) => value ? "yes" : "no";
    public static string Date(DateTime value) => value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
