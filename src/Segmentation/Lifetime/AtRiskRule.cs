namespace Segmentation.Lifetime;

/// <summary>
/// Who is at risk of leaving: among the <see cref="TopShare"/> of customers with the highest lifetime value, those
/// whose P(alive) is below <see cref="AliveBelow"/>. The threshold is the user's (<see cref="ClvOptions.AtRiskAliveBelow"/>)
/// or, by default, one half or the P(alive) of the lowest <see cref="ClvOptions.AtRiskLowestShare"/> of those
/// customers, whichever is higher. One half alone named nobody on the UCI year, whose BG/NBD fit sees almost no
/// dropout (every P(alive) 0.7-1.0): there the relative cut names the high-value customers the model is least sure
/// of; where the model sees real dropout (CDNOW) one half names more, and is kept. A model without dropout (every
/// P(alive) 1) names nobody.
/// </summary>
/// <param name="Relative">Whether <see cref="AliveBelow"/> is the relative cut rather than a fixed threshold (the user's or one half).</param>
/// <param name="Customers">How many customers the rule flags.</param>
public sealed record AtRiskRule(double TopShare, double AliveBelow, bool Relative, int Customers)
{
    /// <summary>The lifetime-value percentile rank (0-100) from which a customer is among the top share.</summary>
    public double FromPercentile => 100 * (1 - TopShare);

    /// <summary>Whether a customer of this percentile rank and P(alive) is at risk.</summary>
    public bool Flags(double percentile, double alive) => percentile >= FromPercentile && alive < AliveBelow;

    /// <summary>The rule on customers' lifetime-value percentile ranks and P(alive), in the same order.</summary>
    public static AtRiskRule Of(IReadOnlyList<double> percentiles, Func<int, double> alive, ClvOptions options)
    {
        var rule = new AtRiskRule(options.AtRiskTopShare, options.AtRiskAliveBelow ?? ClvOptions.AtRiskAliveBelowDefault, false, 0);
        if (options.AtRiskAliveBelow is null && LowestShareCut(percentiles, alive, rule.FromPercentile) is var cut && cut > rule.AliveBelow)
        {
            rule = rule with { AliveBelow = cut, Relative = true };
        }
        var flagged = 0;
        for (var i = 0; i < percentiles.Count; i++) if (rule.Flags(percentiles[i], alive(i))) flagged++;
        return rule with { Customers = flagged };
    }

    /// <summary>
    /// Just above the P(alive) of the customer at the lowest share among the top ones, so that "below" takes them and
    /// their ties; at P(alive) 1 nobody is below.
    /// </summary>
    private static double LowestShareCut(IReadOnlyList<double> percentiles, Func<int, double> alive, double from)
    {
        var top = Enumerable.Range(0, percentiles.Count).Where(i => percentiles[i] >= from).Select(alive).Order().ToArray();
        if (top.Length == 0) return 0;
        var cut = top[Math.Max(0, (int)Math.Ceiling(ClvOptions.AtRiskLowestShare * top.Length) - 1)];
        return cut >= 1 ? 1 : Math.BitIncrement(cut);
    }
}
