using Segmentation.Prepare;

namespace Segmentation.Lifetime;

/// <summary>Builds the <see cref="BtydSummary"/> from purchases: a pure function of the purchases, the period ends and the unit.</summary>
internal static class BtydSummaryBuilder
{
    public static BtydSummary Build(IEnumerable<PurchaseDay> purchases, DateTime calibrationEnd, DateTime? holdoutEnd, TimeUnit unit, bool inPeriods = false)
    {
        if (inPeriods) return InPeriods(purchases, calibrationEnd, holdoutEnd, unit);
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

    /// <summary>
    /// The summary in whole periods of the unit (a day, a calendar week from Monday, a calendar month), for a model of
    /// one purchase opportunity per period (BG/BB): a customer's periods count from the one of their first purchase;
    /// x is the later periods with a purchase, t_x the last of them (0 for none), T = n the periods after the first's
    /// that are complete by the calibration end, which becomes the last day of the last complete period (so with the
    /// holdout's end). A customer whose first purchase is in the period still running on the calibration end has had
    /// no opportunity yet (n = 0), and is valued as such. The value of a repeat is the period's total.
    /// </summary>
    private static BtydSummary InPeriods(IEnumerable<PurchaseDay> purchases, DateTime calibrationEnd, DateTime? holdoutEnd, TimeUnit unit)
    {
        var last = Periods.LastComplete(calibrationEnd.Date, unit);
        var running = Periods.Index(calibrationEnd.Date, unit);
        var holdoutLast = holdoutEnd is { } h ? Periods.LastComplete(h.Date, unit) : (int?)null;
        if (holdoutLast is { } hl && hl <= last)
        {
            throw new OptionException(OptionNames.HoldoutEnd, $"the holdout must hold at least one whole {Periods.Name(unit)} after the calibration period's last");
        }
        var customers = new List<BtydCustomer>();
        foreach (var group in purchases.GroupBy(p => p.CustomerId, StringComparer.Ordinal))
        {
            // A customer whose first purchase is after the calibration end is not part of the calibrated cohort.
            if (group.Min(p => p.Day.Date) > calibrationEnd.Date) continue;
            // The first purchase's period is at most the running one, so it is byPeriod[0].
            var byPeriod = group.GroupBy(p => Periods.Index(p.Day.Date, unit)).Where(g => g.Key <= Math.Max(holdoutLast ?? last, running))
                .Select(g => (Period: g.Key, Value: (double)g.Sum(p => p.Value))).OrderBy(g => g.Period).ToList();
            var first = byPeriod[0].Period;
            var repeats = byPeriod.Skip(1).Where(p => p.Period <= last).ToList();
            var customer = new BtydCustomer(group.Key, repeats.Count, repeats.Count == 0 ? 0 : repeats[^1].Period - first, Math.Max(0, last - first),
                repeats.Count == 0 ? 0 : repeats.Sum(p => p.Value) / repeats.Count);
            if (holdoutLast is not null)
            {
                var holdout = byPeriod.Where(p => p.Period > Math.Max(last, first)).ToList();
                customer = customer with { HoldoutFrequency = holdout.Count, HoldoutValue = holdout.Sum(p => p.Value) };
            }
            customers.Add(customer);
        }
        customers.Sort((a, b) => string.CompareOrdinal(a.CustomerId, b.CustomerId));
        return new BtydSummary(Periods.LastDay(last, unit), holdoutLast is { } end ? Periods.LastDay(end, unit) : null, unit, customers)
        {
            HoldoutPeriods = holdoutLast - last,
        };
    }
}
