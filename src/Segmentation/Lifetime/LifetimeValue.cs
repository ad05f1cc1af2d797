using Segmentation.Numerics;

namespace Segmentation.Lifetime;

/// <summary>
/// Each customer's value from the two fits: expected purchases month by month over the horizon (the purchase model), times the
/// expected value of a purchase (Gamma-Gamma), discounted monthly, as lifetimes defines it; the 80% interval from
/// parameter draws on the fits' log-scale normal approximations (seeded); percentile ranks.
/// </summary>
internal static class LifetimeValue
{
    /// <param name="checkedOn">
    /// A calibration summary with its holdout and the model fitted on it, when the values come from the whole history
    /// but the model was checked on a period before its end: the holdout check and the diagnostics are that fit's.
    /// </param>
    public static ClvResult Estimate(BtydSummary summary, ClvOptions options, (BtydSummary Summary, PurchaseModelFit Fit)? checkedOn = null)
    {
        Check(summary);
        var (purchases, comparison) = options.Model == PurchaseModel.Auto ? PurchaseModels.Choose(summary) : (PurchaseModels.Fit(options.Model, summary), null);
        var spend = GammaGamma.Fit(summary);
        var (customers, atRisk) = Apply(summary, options, purchases, spend);
        var (diagnosed, diagnosedFit) = checkedOn ?? (summary, purchases);
        var validation = diagnosed.HoldoutEnd is null ? null : HoldoutValidator.Validate(diagnosed, diagnosedFit);
        return new ClvResult(options, summary, purchases, spend, customers, validation)
        {
            AtRisk = atRisk,
            Comparison = comparison,
            Diagnostics = Diagnostics.PurchaseDiagnosticsBuilder.Build(diagnosed, diagnosedFit, options.Seed),
        };
    }

    /// <summary>
    /// Every customer's value under fits already made (a run's own, or a saved <see cref="ValueModel"/>'s): the
    /// purchase figures once per pattern, lifetime value with its interval, percentile ranks among these customers,
    /// and who is at risk by the options' rule.
    /// </summary>
    public static (CustomerValues Customers, AtRiskRule AtRisk) Apply(BtydSummary summary, ClvOptions options, PurchaseModelFit purchases, GammaGammaFit spend)
    {
        var window = options.WindowDays / summary.Unit.Days();
        var patterns = summary.PatternGroups;
        var ages = PatternAges.Of(patterns);
        var clv = Values(summary.Customers, patterns, ages, summary.Unit, options, purchases, spend.Parameters);
        var (low, high) = Interval(summary.Customers, patterns, ages, summary.Unit, options, purchases, spend) ?? (clv, clv);
        var figures = Each(patterns, (x, tx, t) => new PatternFigures(
            purchases.ProbabilityAlive(x, tx, t),
            purchases.ProbabilityNoPurchase(window, x, tx, t),
            purchases.ExpectedPurchases(window, x, tx, t),
            NextPurchase.Days(purchases, x, tx, t),
            NextPurchase.Within(purchases, x, tx, t)));
        var ranks = PercentileRanks(clv);
        var atRisk = AtRiskRule.Of(ranks, i => figures[patterns.Of(i)].Alive, options);
        return (new CustomerValues(summary, atRisk, spend.Parameters, patterns, figures, clv, low, high, ranks), atRisk);
    }

    /// <summary>Refuses, with the reason, a history too thin for the models.</summary>
    public static void Check(BtydSummary summary)
    {
        var repeat = summary.RepeatCustomers;
        if (repeat < ClvOptions.MinimumRepeatCustomers)
        {
            throw new ModelFitException("lifetime value", $"{repeat} customer(s) bought again within the calibration period; lifetime value needs at least {ClvOptions.MinimumRepeatCustomers}");
        }
        var longest = summary.Customers.Max(c => c.T) * summary.Unit.Days();
        if (longest < ClvOptions.MinimumCalibrationDays)
        {
            throw new ModelFitException("lifetime value", $"the calibration period covers {longest:F0} days from the first purchase; lifetime value needs at least {ClvOptions.MinimumCalibrationDays}");
        }
    }

    /// <summary>
    /// <paramref name="of"/> for each distinct (x, t_x, T) of <paramref name="patterns"/>, in their order. Customers
    /// with the same pattern have the same purchase figures under any fit: each is computed once (a generated million
    /// customers are 224,182 patterns; on the UCI year one-time buyers share theirs by first day), in parallel, each on
    /// its own, so that the figures do not depend on the number of threads.
    /// </summary>
    private static T[] Each<T>(Groups<(int X, double Tx, double T)> patterns, Func<int, double, double, T> of)
    {
        var distinct = patterns.Keys;
        var values = new T[distinct.Length];
        Parallel.For(0, values.Length, k => values[k] = of(distinct[k].X, distinct[k].Tx, distinct[k].T));
        return values;
    }

    /// <summary>
    /// Each customer's value: the expected purchases month by month are their pattern's, computed once per pattern
    /// (and what a model's figures share, once per (x, T): <see cref="PatternAges"/>); the expected value of a purchase
    /// is their own (it depends on their spend).
    /// </summary>
    private static double[] Values(IReadOnlyList<BtydCustomer> customers, Groups<(int X, double Tx, double T)> patterns, PatternAges ages, TimeUnit unit, ClvOptions options, PurchaseModelFit purchases, GammaGammaParameters spend)
    {
        var months = options.HorizonMonths;
        var month = TimeUnits.DaysPerMonth / unit.Days();
        var horizons = Enumerable.Range(1, months).Select(m => m * month).ToArray();
        var discount = Enumerable.Range(1, months).Select(m => Math.Pow(1 + options.MonthlyDiscountRate, m)).ToArray();
        // Each pattern's months, the patterns of one (x, T) side by side: a model computes their shared part once.
        var upTo = new double[ages.Recencies.Length * months];
        Parallel.For(0, ages.Keys.Length, g =>
        {
            var (from, count) = (ages.Start[g], ages.Start[g + 1] - ages.Start[g]);
            purchases.ExpectedPurchases(horizons, ages.Keys[g].X, ages.Recencies.AsSpan(from, count), ages.Keys[g].T, upTo.AsSpan(from * months, count * months));
        });
        var values = new double[customers.Count];
        Parallel.For(0, values.Length, i =>
        {
            var c = customers[i];
            var perPurchase = GammaGamma.ExpectedAverageValue(spend, c.Frequency, c.MonetaryValue);
            var from = ages.Position[patterns.Of(i)] * months;
            var before = 0.0;
            var total = 0.0;
            for (var m = 1; m <= months; m++)
            {
                total += perPurchase * (upTo[from + m - 1] - before) / discount[m - 1];
                before = upTo[from + m - 1];
            }
            values[i] = total;
        });
        return values;
    }

    /// <summary>Each customer's 10th and 90th percentile over the parameter draws; null when there is no interval (the point itself).</summary>
    private static (double[] Low, double[] High)? Interval(IReadOnlyList<BtydCustomer> customers, Groups<(int X, double Tx, double T)> patterns, PatternAges ages, TimeUnit unit, ClvOptions options, PurchaseModelFit purchases, GammaGammaFit spend)
    {
        if (options.IntervalDraws <= 0 || purchases.Diagnostics.LogCovariance is not { } pc || spend.Diagnostics.LogCovariance is not { } sc)
        {
            return null;
        }
        var random = new Random(options.Seed);
        var pMean = purchases.Estimated;
        var sMean = new[] { spend.Parameters.P, spend.Parameters.Q, spend.Parameters.Gamma };
        var pChol = Cholesky(pc);
        var sChol = Cholesky(sc);
        // The parameters are drawn in order from the one seeded stream; the values of each draw are then computed
        // each on its own, so the intervals do not depend on the number of threads.
        var fits = new List<(PurchaseModelFit Purchases, GammaGammaParameters Spend)>(options.IntervalDraws);
        for (var attempt = 0; fits.Count < options.IntervalDraws && attempt < 10 * options.IntervalDraws; attempt++)
        {
            var p = Draw(random, pMean, pChol);
            var s = Draw(random, sMean, sChol);
            // A draw of q at or below 1 has no finite mean spend: drawn again.
            if (s[1] <= 1) continue;
            fits.Add((purchases.With(p), new GammaGammaParameters(s[0], s[1], s[2])));
        }
        if (fits.Count < options.IntervalDraws / 2) return null;
        var draws = fits.Select(fit => Values(customers, patterns, ages, unit, options, fit.Purchases, fit.Spend)).ToArray();
        var low = new double[customers.Count];
        var high = new double[customers.Count];
        Parallel.For(0, customers.Count, () => new double[draws.Length], (i, _, column) =>
        {
            for (var d = 0; d < draws.Length; d++) column[d] = draws[d][i];
            Array.Sort(column);
            low[i] = Statistics.Quantile(column, 0.10);
            high[i] = Statistics.Quantile(column, 0.90);
            return column;
        }, _ => { });
        return (low, high);
    }

    /// <summary>exp(log(mean) + L z): a draw of positive parameters from the normal approximation of their logarithms.</summary>
    private static double[] Draw(Random random, double[] mean, double[][] cholesky)
    {
        var z = mean.Select(_ => RandomDraws.Gaussian(random)).ToArray();
        return mean.Select((m, i) => m * Math.Exp(Enumerable.Range(0, i + 1).Sum(j => cholesky[i][j] * z[j]))).ToArray();
    }

    private static double[][] Cholesky(IReadOnlyList<IReadOnlyList<double>> a)
    {
        var n = a.Count;
        var l = new double[n][];
        for (var i = 0; i < n; i++)
        {
            l[i] = new double[n];
            for (var j = 0; j <= i; j++)
            {
                var sum = a[i][j];
                for (var k = 0; k < j; k++) sum -= l[i][k] * l[j][k];
                l[i][j] = i == j ? Math.Sqrt(Math.Max(sum, 0)) : l[j][j] > 0 ? sum / l[j][j] : 0;
            }
        }
        return l;
    }

    /// <summary>Each value's percentile rank: the share of customers with a lower value, ties at their midpoint, 0-100.</summary>
    private static double[] PercentileRanks(double[] values)
    {
        var order = Enumerable.Range(0, values.Length).ToArray();
        Array.Sort(values.ToArray(), order); // unstable, but ties share one rank
        var ranks = new double[values.Length];
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && values[order[end + 1]] == values[order[start]]) end++;
            var rank = 100.0 * (start + end) / 2 / Math.Max(1, values.Length - 1);
            for (var k = start; k <= end; k++) ranks[order[k]] = rank;
            start = end + 1;
        }
        return ranks;
    }
}
