namespace Segmentation.Lifetime;

/// <summary>
/// The BG/BB model (Fader, Hardie and Shang 2010) fitted by maximum likelihood on customers' (x, t_x, n) patterns,
/// each with the number of customers who share it: from a summary in whole periods, or from such patterns as published.
/// </summary>
internal static class BgBb
{
    public const string Name = "BG/BB";

    /// <summary>Below this mean chance of leaving before a period, the fit is taken to say: no dropout.</summary>
    private const double NoDropoutBelow = 1e-4;

    /// <summary>Fits a summary whose recency and T count whole periods (<see cref="BtydSummaryBuilder"/> with <see cref="PurchaseModel.BgBb"/>).</summary>
    public static BgBbFit Fit(BtydSummary summary)
    {
        var patterns = summary.Patterns().Select(p => (p.X, Whole(p.Tx), Whole(p.T), p.Weight)).ToList();
        return Fit(patterns, summary.Unit);
    }

    public static BgBbFit Fit(IReadOnlyList<(int X, int Tx, int N, double Weight)> patterns, TimeUnit unit = TimeUnit.Days)
    {
        if (patterns.Count == 0) throw new ModelFitException(Name, "there are no customers to fit");
        foreach (var (x, tx, n, _) in patterns)
        {
            if (n < 0 || x < 0 || x > n || tx > n || (x == 0) != (tx == 0) || (x > 0 && tx < x))
                throw new ModelFitException(Name, $"(frequency {x}, recency {tx}, periods {n}) is not a purchase history: 0 <= frequency <= recency <= periods, recency 0 exactly when frequency is");
        }
        double LogLikelihood(double[] p)
        {
            var sum = 0.0;
            foreach (var (x, tx, n, weight) in patterns) sum += weight * BgBbFit.LogLikelihood(p[0], p[1], p[2], p[3], x, tx, n);
            return sum;
        }
        var customers = (int)patterns.Sum(p => p.Weight);
        // Mean dropout gamma / (gamma + delta) heading for 0: the search would crawl along that ridge for a minute (UCI in months).
        var (values, diagnostics) = LikelihoodFit.Maximise(Name, ["alpha", "beta", "gamma", "delta"], LogLikelihood, [1, 1, 1, 1], customers, patterns.Count,
            atLimit: p => p[2] / (p[2] + p[3]) < NoDropoutBelow / 100);
        var dropout = values[2] / (values[2] + values[3]);
        if (dropout >= NoDropoutBelow) return new BgBbFit(values[0], values[1], values[2], values[3], diagnostics, unit);
        var reading = $"the likelihood is highest with no dropout (mean chance of leaving before a period gamma/(gamma+delta) = {dropout:G2} at the search's end): " +
            "gamma and delta are not identified, and the model is its limit, the beta-binomial: every customer stays, buying at each opportunity with their own chance";
        double Limit(double[] p)
        {
            var sum = 0.0;
            foreach (var (x, _, n, weight) in patterns) sum += weight * BgBbFit.LogLikelihood(p[0], p[1], x, n);
            return sum;
        }
        var (limit, limitDiagnostics) = LikelihoodFit.MaximiseLimit(Name, ["alpha", "beta"], Limit, [values[0], values[1]], customers, patterns.Count, reading);
        return new BgBbFit(limit[0], limit[1], null, null, limitDiagnostics, unit);
    }

    private static int Whole(double periods)
    {
        var whole = (int)Math.Round(periods);
        if (Math.Abs(periods - whole) > 1e-9) throw new ModelFitException(Name, $"{periods} is not a whole number of periods: BG/BB needs a summary in periods");
        return whole;
    }
}
