using System.Diagnostics;
using System.Globalization;
using System.Text;
using Segmentation.Lifetime;
using Segmentation.Numerics;

namespace Segmentation.Benchmarks;

/// <summary>
/// Fitting and predicting each purchase model on a generated summary of many customers (issue 29: 10 million in under
/// 60 s per model). The customers are drawn from a BG/NBD population in whole days (r 0.72, alpha 65.6 as on the UCI
/// year, a 0.8, b 2.4 so that some leave), first purchases over a year, spend Gamma; each model is then fitted
/// (maximum likelihood over the distinct patterns) and values every customer: P(alive), expected purchases, Gamma-Gamma,
/// CLV over 12 months and the expected next purchase (intervals off: their draws are a separate cost, stated apart).
/// </summary>
internal static class BtydScale
{
    public static string Run(int customers)
    {
        var generate = Stopwatch.StartNew();
        var summary = Generate(customers, seed: 29);
        generate.Stop();
        var report = new StringBuilder()
            .AppendLine($"# Purchase models at scale: {customers.ToString("N0", CultureInfo.InvariantCulture)} customers").AppendLine()
            .AppendLine($"Regenerate: `dotnet run -c Release --project tests/Segmentation.Benchmarks -- --btyd-scale {customers}`. {Environment.ProcessorCount} cores; {DateTime.UtcNow:yyyy-MM-dd}.").AppendLine()
            .AppendLine($"The summary was generated in {generate.Elapsed.TotalSeconds:F1} s; {summary.Patterns().Length.ToString("N0", CultureInfo.InvariantCulture)} distinct (x, t_x, T) patterns, "
                + $"{summary.RepeatCustomers.ToString("N0", CultureInfo.InvariantCulture)} customers with a repeat purchase.").AppendLine()
            .AppendLine("| model | fit (s) | fit + value every customer (s) | peak working set (MB) | parameters |")
            .AppendLine("|---|---:|---:|---:|---|");
        foreach (var model in new[] { PurchaseModel.BgNbd, PurchaseModel.MbgNbd, PurchaseModel.ParetoNbd })
        {
            GC.Collect();
            var fit = Stopwatch.StartNew();
            // Each timing on a summary of its own: the grouping into patterns, kept per list of customers, is paid by each.
            var fitted = PurchaseModels.Fit(model, summary with { Customers = [.. summary.Customers] });
            fit.Stop();
            var value = Stopwatch.StartNew();
            var result = LifetimeValue.Estimate(summary with { Customers = [.. summary.Customers] }, new ClvOptions { Model = model, IntervalDraws = 0 });
            value.Stop();
            if (result.Customers.Count != customers) throw new InvalidOperationException("not every customer was valued");
            var peak = Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0;
            var parameters = string.Join(", ", fitted.Parameters.Select(p => p.Value is double v ? $"{p.Name} {v.ToString("G4", CultureInfo.InvariantCulture)}" : $"{p.Name} -"));
            report.AppendLine($"| {fitted.Model} | {fit.Elapsed.TotalSeconds:F1} | {value.Elapsed.TotalSeconds:F1} | {peak:F0} | {parameters} |");
            Console.WriteLine($"{fitted.Model}: fit {fit.Elapsed.TotalSeconds:F1} s, fit + value {value.Elapsed.TotalSeconds:F1} s, peak {peak:F0} MB");
        }
        report.AppendLine().AppendLine("Peak working set is the process's, cumulative: the summary itself is held throughout.");
        return report.ToString();
    }

    private static BtydSummary Generate(int customers, int seed)
    {
        const double r = 0.72, alpha = 65.6, a = 0.8, b = 2.4;
        var random = new Random(seed);
        var list = new List<BtydCustomer>(customers);
        for (var i = 0; i < customers; i++)
        {
            var t = (double)random.Next(1, 366);
            var rate = RandomDraws.Gamma(random, r, alpha);
            var p = RandomDraws.Beta(random, a, b);
            var (x, last, time) = (0, 0.0, 0.0);
            while ((time += RandomDraws.Exponential(random, rate)) <= t)
            {
                var day = Math.Floor(time);
                if (day > last) (x, last) = (x + 1, day); // purchases on one day are one purchase
                if (random.NextDouble() < p) break;
            }
            var spend = x == 0 ? 0 : RandomDraws.Gamma(random, 6, 0.02);
            list.Add(new BtydCustomer(i.ToString(CultureInfo.InvariantCulture), x, last, t, spend));
        }
        return new BtydSummary(new DateTime(2011, 12, 9), null, TimeUnit.Days, list);
    }
}
