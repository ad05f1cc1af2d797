namespace Segmentation.Lifetime;

/// <summary>
/// The BG/BB model (Fader, Hardie and Shang 2010) fitted by maximum likelihood on customers' (x, t_x, n) patterns,
/// each with the number of customers who share it.
/// </summary>
internal static class BgBb
{
    public static BgBbFit Fit(IReadOnlyList<(int X, int Tx, int N, double Weight)> patterns)
    {
        if (patterns.Count == 0) throw new ModelFitException(BgBbFit.Model, "there are no customers to fit");
        foreach (var (x, tx, n, _) in patterns)
        {
            if (n < 1 || x < 0 || x > n || tx > n || (x == 0) != (tx == 0) || (x > 0 && tx < x))
                throw new ModelFitException(BgBbFit.Model, $"(frequency {x}, recency {tx}, periods {n}) is not a purchase history: 0 <= frequency <= recency <= periods, recency 0 exactly when frequency is");
        }
        double LogLikelihood(double[] p)
        {
            var sum = 0.0;
            foreach (var (x, tx, n, weight) in patterns) sum += weight * BgBbFit.LogLikelihood(p[0], p[1], p[2], p[3], x, tx, n);
            return sum;
        }
        var customers = (int)patterns.Sum(p => p.Weight);
        var (values, diagnostics) = LikelihoodFit.Maximise(BgBbFit.Model, ["alpha", "beta", "gamma", "delta"], LogLikelihood, [1, 1, 1, 1], customers, patterns.Count);
        return new BgBbFit(values[0], values[1], values[2], values[3], diagnostics);
    }
}
