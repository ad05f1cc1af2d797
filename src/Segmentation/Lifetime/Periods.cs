namespace Segmentation.Lifetime;

/// <summary>Calendar periods of a unit, numbered: days, weeks from Monday, months. A model of one purchase opportunity per period counts these.</summary>
internal static class Periods
{
    /// <summary>A Monday: weeks are counted from it.</summary>
    private static readonly DateTime Monday = new(2001, 1, 1);

    public static int Index(DateTime day, TimeUnit unit) => unit switch
    {
        TimeUnit.Days => (int)(day.Date - Monday).TotalDays,
        TimeUnit.Weeks => (int)Math.Floor((day.Date - Monday).TotalDays / 7),
        TimeUnit.Months => day.Year * 12 + day.Month - 1,
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, null),
    };

    public static DateTime FirstDay(int period, TimeUnit unit) => unit switch
    {
        TimeUnit.Days => Monday.AddDays(period),
        TimeUnit.Weeks => Monday.AddDays(7.0 * period),
        TimeUnit.Months => new DateTime(period / 12, period % 12 + 1, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, null),
    };

    public static DateTime LastDay(int period, TimeUnit unit) => FirstDay(period + 1, unit).AddDays(-1);

    /// <summary>The last period that has ended by the end of <paramref name="day"/>.</summary>
    public static int LastComplete(DateTime day, TimeUnit unit) => Index(day.AddDays(1), unit) - 1;

    public static string Name(TimeUnit unit) => unit switch
    {
        TimeUnit.Days => "day",
        TimeUnit.Weeks => "week",
        _ => "month",
    };
}
