namespace Segmentation.Lifetime;

/// <summary>
/// The beta-geometric/negative binomial model (Fader, Hardie and Lee 2005, "Counting your customers the easy way"):
/// while alive a customer buys at a Poisson rate; after each purchase they drop out with a fixed probability.
/// Fitted by maximum likelihood on the summary; customers with the same (x, t_x, T) are one term with a weight.
/// </summary>
internal static class BgNbd
{
    public const string Name = "BG/NBD";

    /// <summary>Below this mean dropout probability a/(a+b) the fit is taken to say: no dropout.</summary>
    private const double NoDropoutBelow = 1e-4;

    public static BgNbdFit Fit(BtydSummary summary)
    {
        var (r, alpha, a, b, diagnostics) = FitBetaGeometric(Name, summary, leavesAfterFirst: false);
        return new BgNbdFit(r, alpha, a, b, diagnostics, summary.Unit);
    }

    /// <summary>
    /// BG/NBD's fit, or MBG/NBD's (<paramref name="leavesAfterFirst"/>): the two share their parameters, their
    /// boundaries and their no-dropout limit, the NBD.
    /// </summary>
    internal static (double R, double Alpha, double? A, double? B, FitDiagnostics Diagnostics) FitBetaGeometric(string name, BtydSummary summary, bool leavesAfterFirst)
    {
        var patterns = summary.Patterns();
        if (patterns.Length == 0) throw new ModelFitException(name, "there are no customers to fit");
        var likelihood = new BgNbdLikelihood(patterns, leavesAfterFirst);
        double Full(double[] p) => likelihood.Sum(p[0], p[1], p[2], p[3]);
        var (values, diagnostics) = LikelihoodFit.Maximise(name, ["r", "alpha", "a", "b"], Full, [1, 1, 1, 1], summary.Customers.Count, patterns.Length);
        var dropout = values[2] / (values[2] + values[3]);
        if (dropout >= NoDropoutBelow)
        {
            if (diagnostics.Boundary.Any(b => b.StartsWith("a went to infinity", StringComparison.Ordinal)) && diagnostics.Boundary.Any(b => b.StartsWith("b went to infinity", StringComparison.Ordinal)))
            {
                // The Beta distribution has become a point: its mean is identified, its spread is not; predictions stay valid.
                var pointMass = $"a and b grew together without bound: every customer has the same chance of leaving after a purchase, {dropout:P2}; only that mean, a/(a+b), is identified, not a and b";
                diagnostics = diagnostics with { Boundary = [pointMass, .. diagnostics.Boundary] };
            }
            return (values[0], values[1], values[2], values[3], diagnostics);
        }

        // The limit a/(a+b) -> 0: the likelihood is the NBD's, whose two parameters are identified; fit it as such.
        var reading = $"the likelihood is highest with no dropout (mean dropout probability a/(a+b) = {dropout:G2} at the search's end): " +
            "a and b are not identified, and the model is its limit, the NBD: every customer alive, buying at their own rate";
        var (r, alpha, limit) = Nbd.FitLimit(name, patterns, values[0], values[1], summary.Customers.Count, reading);
        return (r, alpha, null, null, limit);
    }
}
