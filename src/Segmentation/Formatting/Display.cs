using System.Globalization;

namespace Segmentation.Formatting;

/// <summary>
/// Every number shown to a person is formatted here, so the console, the report and the notebooks agree. One rounding
/// rule for all: half away from zero on the number as written in decimal, so a median of 474.725 reads 474.73 whether
/// it was computed as a double (stored as 474.72499...) or a decimal.
/// </summary>
public static class Display
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>
    /// The double as its shortest decimal (the digits that round-trip, as the CSV writes it), rounded half away from
    /// zero; a value beyond decimal's range keeps the double's own rounding.
    /// </summary>
    private static string Rounded(double value, int decimals, string format)
    {
        if (!double.IsFinite(value) || Math.Abs(value) >= 7.9e27) return value.ToString(format + decimals, Culture);
        return Math.Round(Shortest(value), decimals, MidpointRounding.AwayFromZero).ToString(format + decimals, Culture);
    }

    private static decimal Shortest(double value) => decimal.Parse(value.ToString("R", Culture), NumberStyles.Float, Culture);

    /// <summary>The value rounded by the display rule, for tables that keep numbers as numbers (the notebooks' frames).</summary>
    public static double Round(double value, int decimals = 2) =>
        !double.IsFinite(value) || Math.Abs(value) >= 7.9e27 ? value : (double)Math.Round(Shortest(value), decimals, MidpointRounding.AwayFromZero);

    public static string Count(long value) => value.ToString("N0", Culture);
    public static string Money(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("N2", Culture);
    public static string Money(double value) => Rounded(value, 2, "N");
    /// <summary>An amount with its currency symbol, whole units: £8,911,408 (minus before the symbol).</summary>
    public static string Currency(decimal value, string symbol) => (value < 0 ? "-" : "") + symbol + Math.Round(Math.Abs(value), 0, MidpointRounding.AwayFromZero).ToString("N0", Culture);
    public static string Currency(double value, string symbol) => Currency((decimal)value, symbol);
    public static string Percent(double fraction, int decimals = 1) => Rounded(fraction * 100, decimals, "F") + "%";
    /// <summary>A share that is not defined (an error relative to nothing) shows as a dash.</summary>
    public static string Percent(double? fraction, int decimals = 1) => fraction is { } f ? Percent(f, decimals) : "–";
    /// <summary>An undefined figure (the mean of a segment with no customer) shows as a dash, not "NaN".</summary>
    public static string Number(double value, int decimals = 2) => double.IsNaN(value) ? "–" : Rounded(value, decimals, "N");
    public static string Date(DateTime value) => value.ToString("yyyy-MM-dd", Culture);

    /// <summary>The expected next purchase as a reader sees it: its day, or "unlikely" when the customer is more likely gone.</summary>
    public static string NextPurchase(DateTime? expected) => expected is { } day ? Date(day) : "unlikely";
    public static string DateTime(DateTime value) => value.ToString("yyyy-MM-dd HH:mm", Culture);
    public static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("F2", Culture) + " s";
}
