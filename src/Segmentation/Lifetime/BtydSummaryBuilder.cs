using Segmentation.Prepare;

namespace Segmentation.Lifetime;

/// <summary>Builds the <see cref="BtydSummary"/> from purchases: a pure function of the purchases, the period ends and the unit.</summary>
internal static class BtydSummaryBuilder
{
    public static BtydSummary Build(IEnumerable<PurchaseDay> purchases, DateTime calibrationEnd, DateTime? holdoutEnd, TimeUnit unit)
    {
        var end = calibrationEnd.Date;
        if (holdoutEnd is { } h && h.Date <= end) throw new OptionException(OptionNames.HoldoutEnd, "the holdout must end after the calibration period");
        var last = (holdoutEnd ?? calibrationEnd).Date;
        var days = unit.Days();
        var customers = new List<BtydCustomer>();
        var repeatDays = new Dictionary<DateTime, int>();
        var firstDay = DateTime.MaxValue;
        // A customer's purchase days, each with its total value; days after the last period are not read.
        foreach (var group in purchases.Where(p => p.Day.Date <= last).GroupBy(p => p.CustomerId, StringComparer.Ordinal))
        {
            var byDay = group.GroupBy(p => p.Day.Date).Select(d => (Day: d.Key, Value: d.Sum(p => p.Value))).OrderBy(d => d.Day).ToList();
            var calibration = byDay.Where(d => d.Day <= end).ToList();
            // A customer whose first purchase falls in the holdout is not part of the calibrated cohort.
            if (calibration.Count == 0) continue;
            var first = calibration[0].Day;
            if (first < firstDay) firstDay = first;
            foreach (var d in byDay.Skip(1)) repeatDays[d.Day] = repeatDays.GetValueOrDefault(d.Day) + 1;
            var repeats = calibration.Skip(1).ToList();
            var customer = new BtydCustomer(
                group.Key,
                repeats.Count,
                (calibration[^1].Day - first).TotalDays / days,
                (end - first).TotalDays / days,
                repeats.Count == 0 ? 0 : (double)repeats.Sum(d => d.Value) / repeats.Count);
            if (holdoutEnd is not null)
            {
                var holdout = byDay.Where(d => d.Day > end).ToList();
                customer = customer with { HoldoutFrequency = holdout.Count, HoldoutValue = (double)holdout.Sum(d => d.Value) };
            }
            customers.Add(customer);
        }
        customers.Sort((a, b) => string.CompareOrdinal(a.CustomerId, b.CustomerId));
        var counts = new int[customers.Count == 0 ? 0 : (int)(last - firstDay).TotalDays + 1];
        foreach (var (day, count) in repeatDays) counts[(int)(day - firstDay).TotalDays] = count;
        return new BtydSummary(end, holdoutEnd?.Date, unit, customers) { RepeatDays = customers.Count == 0 ? null : new DailyCounts(firstDay, counts) };
    }
}
