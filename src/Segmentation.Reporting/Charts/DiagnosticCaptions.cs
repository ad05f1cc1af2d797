using Segmentation.Formatting;
using Segmentation.Lifetime.Diagnostics;

namespace Segmentation.Reporting.Charts;

/// <summary>What each diagnostic chart shows and what to look for, in the words both reports print under it.</summary>
internal static class DiagnosticCaptions
{
    public static string Of(string id, PurchaseDiagnostics d) => id switch
    {
        ChartIds.PeriodTransactions => $"Customers by repeat purchases in the calibration period, in the data and simulated from the fitted {d.Model} with each customer's own time since their first purchase: where the bars agree, the model has the spread of buying right.",
        ChartIds.WeeklyRepeats => $"Repeat purchases each week, actual and as {d.Model} expects them for these customers; after the calibration end (dotted) the model predicts weeks it did not see.",
        ChartIds.CumulativeRepeats => "The same, added up: a gap that opens after the calibration end is the model's error on the future.",
        ChartIds.ExpectedMatrix => $"Expected purchases in the next {d.Matrix.HorizonDays} days of a customer first seen {Display.Number(d.Matrix.T, 0)} {Unit(d)} ago, by their repeat purchases (up) and when the last was (across): the frequent and recent buy most.",
        ChartIds.AliveMatrix => "The chance that such a customer is still a customer: it falls for frequent buyers whose last purchase was long ago, since they would have bought again by now.",
        ChartIds.PurchaseRates => $"How often customers buy when active: the fitted spread of purchase rates ({d.Rates.Distribution}); mean {Display.Number(d.Rates.Mean, 2)} purchases a year.",
        ChartIds.Dropout when d.Dropout is { } c => $"How customers differ in leaving: {c.Quantity}, {c.Distribution}; mean {Display.Number(c.Mean, 3)}.",
        _ => "",
    };

    private static string Unit(PurchaseDiagnostics d) => d.Matrix.Unit.ToString().ToLowerInvariant();
}
