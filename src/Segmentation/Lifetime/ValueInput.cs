namespace Segmentation.Lifetime;

/// <summary>
/// A customer as the value model reads them, in days: repeat purchase days (x), the days from the first purchase to
/// the last (t_x) and to now (T), and the mean value of the repeat purchase days (needed when there are any; without
/// a repeat purchase the population's mean spend is used).
/// </summary>
public sealed record ValueInput(string CustomerId, int RepeatPurchases, double RecencyDays, double AgeDays, double? RepeatValue);
