using System.Globalization;
using Segmentation.Numerics;

namespace Segmentation.Lifetime.Diagnostics;

/// <summary>The diagnostics of a fitted purchase model on its calibration summary: a pure function of the two (and a seed for the simulation).</summary>
internal static class PurchaseDiagnosticsBuilder
{
    /// <summary>The period-transactions bars: 0 to 6 repeat purchases, then the rest together, as lifetimes draws them.</summary>
    public const int LastBar = 7;

    /// <summary>Customers simulated for the period-transactions bars: every customer's T at least once, up to this many draws.</summary>
    public const int SimulatedCustomers = 100_000;

    /// <summary>The matrices' horizon: the longest of the next-purchase windows.</summary>
    public static int MatrixHorizonDays => NextPurchase.WithinDays.Max();

    public const int MatrixRecencies = 25;

    public const int MatrixMostFrequencies = 41;

    private const int CurvePoints = 200;

    /// <summary>The diagnostics, or null for a model of purchase opportunities (BG/BB), which these plots do not describe.</summary>
    public static PurchaseDiagnostics? Build(BtydSummary summary, PurchaseModelFit fit, int seed) => fit.Discrete ? null : new(
        fit.Model,
        PeriodTransactions(summary, fit, seed),
        Matrix(summary, fit),
        summary.RepeatDays is { } days ? Tracking(summary, fit, days) : null,
        Rates(fit),
        Dropout(fit));

    private static IReadOnlyList<RepeatCount> PeriodTransactions(BtydSummary summary, PurchaseModelFit fit, int seed)
    {
        var customers = summary.Customers;
        var actual = new int[LastBar + 1];
        foreach (var c in customers) actual[Math.Min(c.Frequency, LastBar)]++;
        var simulated = new double[LastBar + 1];
        if (customers.Count > 0)
        {
            // Every customer's own T, several times over for a small file; every n-th customer for a large one.
            var step = Math.Max(1, customers.Count / SimulatedCustomers);
            var rounds = Math.Max(1, Math.Min(10, SimulatedCustomers / customers.Count));
            var random = new Random(seed);
            var drawn = 0;
            for (var round = 0; round < rounds; round++)
            {
                for (var i = 0; i < customers.Count; i += step, drawn++)
                {
                    simulated[Math.Min(fit.SimulateRepeats(customers[i].T, random), LastBar)]++;
                }
            }
            for (var k = 0; k <= LastBar; k++) simulated[k] *= (double)customers.Count / drawn;
        }
        return [.. Enumerable.Range(0, LastBar + 1).Select(k => new RepeatCount(
            k == LastBar ? $"{LastBar}+" : k.ToString(CultureInfo.InvariantCulture), actual[k], simulated[k]))];
    }

    private static FrequencyRecencyMatrix Matrix(BtydSummary summary, PurchaseModelFit fit)
    {
        var customers = summary.Customers;
        var t = customers.Count == 0 ? 0 : customers.Max(c => c.T);
        var most = customers.Count == 0 ? 0 : FrequencyQuantile(customers, 0.99);
        var top = Math.Max(5, (int)Math.Ceiling(most));
        var step = Math.Max(1, (int)Math.Ceiling(top / (MatrixMostFrequencies - 1.0)));
        int[] frequencies = [.. Enumerable.Range(0, top / step + 1).Select(i => i * step)];
        double[] recencies = [.. Enumerable.Range(0, MatrixRecencies).Select(j => t * j / (MatrixRecencies - 1))];
        var horizon = MatrixHorizonDays / fit.Unit.Days();
        // A customer without a repeat purchase has no recency but 0: their row is the same in every column.
        double Tx(int x, double tx) => x == 0 ? 0 : tx;
        return new FrequencyRecencyMatrix(fit.Unit, t, MatrixHorizonDays, frequencies, recencies,
            [.. frequencies.Select(x => (IReadOnlyList<double>)[.. recencies.Select(tx => fit.ExpectedPurchases(horizon, x, Tx(x, tx), t))])],
            [.. frequencies.Select(x => (IReadOnlyList<double>)[.. recencies.Select(tx => fit.ProbabilityAlive(x, Tx(x, tx), t))])]);
    }

    /// <summary>
    /// <see cref="Statistics.Quantile"/> of the customers' sorted frequencies, read from their counts: frequencies are
    /// whole numbers, and sorting ten million of them took seconds.
    /// </summary>
    private static double FrequencyQuantile(IReadOnlyList<BtydCustomer> customers, double q)
    {
        var counts = new int[customers.Max(c => c.Frequency) + 1];
        foreach (var c in customers) counts[c.Frequency]++;
        int At(int position)
        {
            var frequency = 0;
            for (var seen = counts[0]; seen <= position; seen += counts[++frequency]) { }
            return frequency;
        }
        var pos = (customers.Count - 1) * q;
        var lo = (int)Math.Floor(pos);
        var hi = Math.Min(lo + 1, customers.Count - 1);
        return At(lo) + (At(hi) - At(lo)) * (pos - lo);
    }

    /// <summary>
    /// The expected line: each customer contributes the model's unconditional E[X(t)] from their first purchase on
    /// (the expectation given (0, 0, 0), which is no information), summed over the cohorts of one first day.
    /// </summary>
    private static RepeatTracking Tracking(BtydSummary summary, PurchaseModelFit fit, DailyCounts days)
    {
        var count = days.Counts.Count;
        var unit = fit.Unit.Days();
        var first = (summary.CalibrationEnd - days.First).TotalDays;
        var groups = Groups<int>.By(summary.Customers, c => (int)Math.Round(first - c.T * unit));
        var cohorts = groups.Keys.Select((offset, i) => (Offset: offset, Customers: groups.Counts[i]));
        var horizons = Enumerable.Range(0, count).Select(d => d / unit).ToArray();
        var expected = new double[count];
        fit.ExpectedPurchases(horizons, 0, 0, 0, expected);
        var cumulative = new double[count];
        foreach (var (offset, customers) in cohorts)
        {
            for (var d = Math.Max(offset, 0); d < count; d++) cumulative[d] += customers * expected[d - offset];
        }
        var weeks = (count + 6) / 7;
        var actual = new int[weeks];
        var expectedByWeek = new double[weeks];
        for (var d = 0; d < count; d++)
        {
            actual[d / 7] += days.Counts[d];
            expectedByWeek[d / 7] += cumulative[d] - (d == 0 ? 0 : cumulative[d - 1]);
        }
        return new RepeatTracking(summary.CalibrationEnd, [.. Enumerable.Range(0, weeks).Select(w => days.First.AddDays(7 * w))], actual, expectedByWeek);
    }

    /// <summary>Gamma(r, alpha) of the purchase rate, shown per year whatever the unit.</summary>
    private static DensityCurve Rates(PurchaseModelFit fit)
    {
        var (r, alpha) = fit.PurchaseRates!.Value;
        return GammaCurve("purchases a year", $"Gamma(r = {G(r)}, alpha = {G(alpha)} {Per(fit.Unit)})", r, alpha / PerYear(fit.Unit));
    }

    private static DensityCurve? Dropout(PurchaseModelFit fit) => fit.Dropout switch
    {
        null => null,
        { Kind: DropoutKind.AtPurchase, First: var a, Second: var b } => BetaCurve(a, b),
        { Kind: DropoutKind.BeforePeriod } => null,
        { First: var s, Second: var beta } => GammaCurve("rate of leaving a year", $"Gamma(s = {G(s)}, beta = {G(beta)} {Per(fit.Unit)})", s, beta / PerYear(fit.Unit)),
    };

    private static DensityCurve GammaCurve(string quantity, string distribution, double shape, double rate)
    {
        var mean = shape / rate;
        var upper = mean + 4 * Math.Sqrt(shape) / rate;
        double[] x = [.. Enumerable.Range(1, CurvePoints).Select(i => upper * i / CurvePoints)];
        var log = shape * Math.Log(rate) - SpecialFunctions.LogGamma(shape);
        return new DensityCurve(quantity, distribution, mean, x, [.. x.Select(v => Math.Exp(log + (shape - 1) * Math.Log(v) - rate * v))]);
    }

    private static DensityCurve BetaCurve(double a, double b)
    {
        double[] x = [.. Enumerable.Range(0, CurvePoints).Select(i => (i + 0.5) / CurvePoints)];
        var log = -SpecialFunctions.LogBeta(a, b);
        return new DensityCurve("chance of leaving after a purchase", $"Beta(a = {G(a)}, b = {G(b)})", a / (a + b), x,
            [.. x.Select(p => Math.Exp(log + (a - 1) * Math.Log(p) + (b - 1) * Math.Log(1 - p)))]);
    }

    private static double PerYear(TimeUnit unit) => TimeUnits.DaysPerYear / unit.Days();

    private static string Per(TimeUnit unit) => "in " + unit.ToString().ToLowerInvariant();

    private static string G(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
