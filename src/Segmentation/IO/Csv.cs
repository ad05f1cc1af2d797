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

    private const string RoundTrip = "R", DateFormat = "yyyy-MM-dd HH:mm:ss";

    /// <summary>How a day is written (<see cref="Day"/>), and so read back from a run's files.</summary>
    public const string DayFormat = "yyyy-MM-dd";

    public static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);
    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
    /// <summary>An undefined figure (the mean of a segment with no customer) is an empty field, not "NaN".</summary>
    public static string Number(double value) => double.IsNaN(value) ? "" : value.ToString(RoundTrip, CultureInfo.InvariantCulture);
    public static string Day(DateTime value) => value.ToString(DayFormat, CultureInfo.InvariantCulture);
    public static string YesNo(bool value) => value ? "yes" : "no";
    public static string Date(DateTime value) => value.ToString(DateFormat, CultureInfo.InvariantCulture);

    // The same forms written straight into a writer, for the files with a row per customer: a string per cell
    // cost about as much as the rest of writing them.
    public static void Write(TextWriter writer, int value) => Write(writer, value, default);
    public static void Write(TextWriter writer, long value) => Write(writer, value, default);
    public static void Write(TextWriter writer, decimal value) => Write(writer, value, default);

    public static void Write(TextWriter writer, double value)
    {
        if (!double.IsNaN(value)) Write(writer, value, RoundTrip);
    }

    public static void WriteDay(TextWriter writer, DateTime value) => Write(writer, value, DayFormat);
    public static void WriteDate(TextWriter writer, DateTime value) => Write(writer, value, DateFormat);

    private static void Write<T>(TextWriter writer, T value, ReadOnlySpan<char> format) where T : ISpanFormattable
    {
        Span<char> buffer = stackalloc char[64];
        if (value.TryFormat(buffer, out var written, format, CultureInfo.InvariantCulture)) writer.Write(buffer[..written]);
        else writer.Write(value.ToString(format.ToString(), CultureInfo.InvariantCulture));
    }
}
