namespace Segmentation.Lifetime.Diagnostics;

/// <summary>One customer's P(alive) over their history: how the model's belief rises at each purchase and fades between them.</summary>
public static class AliveHistory
{
    /// <summary>
    /// P(alive) at the end of each day from the first purchase to <paramref name="end"/>, under <paramref name="fit"/>,
    /// from what was known that day: repeat purchase days so far, the last of them, and the time since the first.
    /// Purchases on one day are one purchase, as in the summary.
    /// </summary>
    public static IReadOnlyList<AliveOnDay> Of(PurchaseModelFit fit, IEnumerable<DateTime> purchases, DateTime end)
    {
        var days = purchases.Select(p => p.Date).Where(d => d <= end.Date).Distinct().Order().ToList();
        if (days.Count == 0) return [];
        var unit = fit.Unit.Days();
        var (first, next, x, last) = (days[0], 1, 0, days[0]);
        var history = new List<AliveOnDay>();
        for (var day = first; day <= end.Date; day = day.AddDays(1))
        {
            var purchased = day == first;
            if (next < days.Count && days[next] == day)
            {
                (x, last, purchased) = (x + 1, day, true);
                next++;
            }
            history.Add(new AliveOnDay(day, fit.ProbabilityAlive(x, (last - first).TotalDays / unit, (day - first).TotalDays / unit), purchased));
        }
        return history;
    }
}
