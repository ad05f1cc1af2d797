namespace Segmentation.Lifetime;

/// <summary>
/// Each customer's value from the two fits: expected purchases month by month over the horizon (BG/NBD), times the
/// expected value of a purchase (Gamma-Gamma), discounted monthly, as lifetimes defines it; the 80% interval from
/// parameter draws on the fits' log-scale normal approximations (seeded); percentile ranks.
/// </summary>
internal static class LifetimeValue
{
    public static ClvResult Estimate(BtydSummary summary, ClvOptions options)
    {
        Check(summary);
        var purchases = BgNbd.Fit(summary);
        var spend = GammaGamma.Fit(summary);
        var window = options.WindowDays / summary.Unit.Days();
        var clv = Values(summary, options, purchases, spend.Parameters);
        var (low, high) = Interval(summary, options, purchases, spend, clv);
        var ranks = PercentileRanks(clv);
        var customers = summary.Customers.Select((c, i) => new CustomerValue(
            c.CustomerId,
            purchases.ProbabilityAlive(c.Frequency, c.Recency, c.T),
            purchases.ProbabilityNoPurchase(window, c.Frequency, c.Recency, c.T),
            purchases.ExpectedPurchases(window, c.Frequency, c.Recency, c.T),
            GammaGamma.ExpectedAverageValue(spend.Parameters, c.Frequency, c.MonetaryValue),
            clv[i], low[i], high[i], ranks[i])).ToList();
        customers = customers.Select(v => v with { AtRiskOfLeaving = v.ClvPercentile >= options.AtRiskPercentile && v.ProbabilityAlive < options.AtRiskAliveBelow }).ToList();
        var validation = summary.HoldoutEnd is null ? null : HoldoutValidator.Validate(summary, purchases);
        return new ClvResult(options, summary, purchases, spend, customers, validation);
    }

    /// <summary>Refuses, with the reason, a history too thin for the models.</summary>
    public static void Check(BtydSummary summary)
    {
        var repeat = summary.RepeatCustomers;
        if (repeat < ClvOptions.MinimumRepeatCustomers)
        {
            throw new ModelFitException(BgNbd.Name, $"{repeat} customer(s) bought again within the calibration period; lifetime value needs at least {ClvOptions.MinimumRepeatCustomers}");
        }
        var longest = summary.Customers.Max(c => c.T) * summary.Unit.Days();
        if (longest < ClvOptions.MinimumCalibrationDays)
        {
            throw new ModelFitException(BgNbd.Name, $"the calibration period covers {longest:F0} days from the first purchase; lifetime value needs at least {ClvOptions.MinimumCalibrationDays}");
        }
    }

    private static double[] Values(BtydSummary summary, ClvOptions options, BgNbdFit purchases, GammaGammaParameters spend)
    {
        var month = TimeUnits.DaysPerMonth / summary.Unit.Days();
        var values = new double[summary.Customers.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var c = summary.Customers[i];
            var perPurchase = GammaGamma.ExpectedAverageValue(spend, c.Frequency, c.MonetaryValue);
            var before = 0.0;
            var total = 0.0;
            for (var m = 1; m <= options.HorizonMonths; m++)
            {
                var upTo = purchases.ExpectedPurchases(m * month, c.Frequency, c.Recency, c.T);
                total += perPurchase * (upTo - before) / Math.Pow(1 + options.MonthlyDiscountRate, m);
                before = upTo;
            }
            values[i] = total;
        }
        return values;
    }

    private static (double[] Low, double[] High) Interval(BtydSummary summary, ClvOptions options, BgNbdFit purchases, GammaGammaFit spend, double[] point)
    {
        if (options.IntervalDraws <= 0 || purchases.Diagnostics.LogCovariance is not { } pc || spend.Diagnostics.LogCovariance is not { } sc)
        {
            return (point, point);
        }
        var random = new Random(options.Seed);
        var pMean = purchases.NoDropout ? new[] { purchases.R, purchases.Alpha } : [purchases.R, purchases.Alpha, purchases.A!.Value, purchases.B!.Value];
        var sMean = new[] { spend.Parameters.P, spend.Parameters.Q, spend.Parameters.Gamma };
        var pChol = Cholesky(pc);
        var sChol = Cholesky(sc);
        var draws = new List<double[]>(options.IntervalDraws);
        for (var attempt = 0; draws.Count < options.IntervalDraws && attempt < 10 * options.IntervalDraws; attempt++)
        {
            var p = Draw(random, pMean, pChol);
            var s = Draw(random, sMean, sChol);
            // A draw of q at or below 1 has no finite mean spend: drawn again.
            if (s[1] <= 1) continue;
            var fit = purchases.NoDropout ? purchases with { R = p[0], Alpha = p[1] } : purchases with { R = p[0], Alpha = p[1], A = p[2], B = p[3] };
            draws.Add(Values(summary, options, fit, new GammaGammaParameters(s[0], s[1], s[2])));
        }
        if (draws.Count < options.IntervalDraws / 2) return (point, point);
        var low = new double[point.Length];
        var high = new double[point.Length];
        var column = new double[draws.Count];
        for (var i = 0; i < point.Length; i++)
        {
            for (var d = 0; d < draws.Count; d++) column[d] = draws[d][i];
            Array.Sort(column);
            low[i] = Numerics.Statistics.Quantile(column, 0.10);
            high[i] = Numerics.Statistics.Quantile(column, 0.90);
        }
        return (low, high);
    }

    /// <summary>exp(log(mean) + L z): a draw of positive parameters from the normal approximation of their logarithms.</summary>
    private static double[] Draw(Random random, double[] mean, double[][] cholesky)
    {
        var z = mean.Select(_ => Gaussian(random)).ToArray();
        return mean.Select((m, i) => m * Math.Exp(Enumerable.Range(0, i + 1).Sum(j => cholesky[i][j] * z[j]))).ToArray();
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

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
        var order = Enumerable.Range(0, values.Length).OrderBy(i => values[i]).ToArray();
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
