using System.Globalization;

namespace Segmentation.Formatting;

/// <summary>Every number shown to a person is formatted here, so the console, the report and the notebooks agree.</summary>
public static class Display
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public static string Count(long value) => value.ToString("N0", Culture);
    public static string Money(decimal value) => value.ToString("N2", Culture);
    public static string Money(double value) => value.ToString("N2", Culture);
    /// <summary>An amount with its currency symbol, whole units: £8,911,408 (minus before the symbol).</summary>
    public static string Currency(decimal value, string symbol) => (value < 0 ? "-" : "") + symbol + Math.Abs(value).ToString("N0", Culture);
    public static string Currency(double value, string symbol) => Currency((decimal)value, symbol);
    public static string Percent(double fraction, int decimals = 1) => (fraction * 100).ToString("F" + decimals, Culture) + "%";
    /// <summary>An undefined figure (the mean of a segment with no customer) shows as a dash, not "NaN".</summary>
    public static string Number(double value, int decimals = 2) => double.IsNaN(value) ? "–" : value.ToString("N" + decimals, Culture);
    public static string Date(DateTime value) => value.ToString("yyyy-MM-dd", Culture);
    public static string DateTime(DateTime value) => value.ToString("yyyy-MM-dd HH:mm", Culture);
    public static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("F2", Culture) + " s";
}
