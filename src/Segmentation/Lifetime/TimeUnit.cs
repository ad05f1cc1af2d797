using System.Text.Json.Serialization;

namespace Segmentation.Lifetime;

/// <summary>The unit in which recency, T and horizons are counted: always explicit, never an assumed 30-day month.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TimeUnit>))]
public enum TimeUnit
{
    [JsonStringEnumMemberName("days")]
    Days,

    [JsonStringEnumMemberName("weeks")]
    Weeks,

    /// <summary>A month of 30.4375 days (365.25 / 12).</summary>
    [JsonStringEnumMemberName("months")]
    Months,
}

/// <summary>Lengths of the units in days.</summary>
internal static class TimeUnits
{
    public const double DaysPerMonth = 365.25 / 12;

    public const double DaysPerYear = 365.25;

    public static double Days(this TimeUnit unit) => unit switch
    {
        TimeUnit.Days => 1,
        TimeUnit.Weeks => 7,
        TimeUnit.Months => DaysPerMonth,
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, null),
    };
}
