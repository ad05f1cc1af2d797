using Segmentation.Formatting;

namespace Segmentation.Clustering;

/// <summary>Who decided k: the rule, the user, or a refresh keeping the previous run's k.</summary>
public enum KSource
{
    Rule,
    User,
    PreviousRun,
}

/// <summary>The chosen k, who chose it, the two signals behind the rule, and the reasoning in words.</summary>
public sealed record KChoice(int K, int ElbowK, int SilhouetteK, KSource Source, string Rule, string Reasoning)
{
    /// <summary>True when k is not the rule's own choice.</summary>
    public bool Overridden => Source != KSource.Rule;
}

/// <summary>
/// The k rule. The elbow is the knee of the inertia curve (Kneedle: the k farthest below the straight line
/// from the first to the last point of the normalised curve). Silhouette then arbitrates between the elbow
/// and its two neighbours: the highest silhouette wins, unless it beats the elbow's by less than
/// <see cref="SilhouetteTolerance"/>, in which case the elbow stays. The k of the best silhouette overall is
/// reported beside it: it is often 2, which separates good from bad customers but is too coarse to act on.
/// </summary>
internal static class KSelection
{
    public const double SilhouetteTolerance = 0.005;

    public const string RuleText =
        "k = the knee of the inertia curve (Kneedle), moved to a neighbouring k (knee - 1 or knee + 1) when that k's silhouette is higher by at least 0.005.";

    public static int Elbow(IReadOnlyList<KMetrics> metrics)
    {
        if (metrics.Count <= 2) return metrics[0].K;
        double k0 = metrics[0].K, k1 = metrics[^1].K;
        double max = metrics.Max(m => m.Inertia), min = metrics.Min(m => m.Inertia);
        if (max <= min) return metrics[0].K;
        var best = metrics[0].K;
        var bestGap = double.NegativeInfinity;
        foreach (var m in metrics)
        {
            var x = (m.K - k0) / (k1 - k0);
            var y = (m.Inertia - min) / (max - min);
            var gap = 1 - x - y;
            if (gap > bestGap + 1e-12) { bestGap = gap; best = m.K; }
        }
        return best;
    }

    /// <param name="forced">A k given instead of the rule's; <paramref name="source"/> says by whom.</param>
    public static KChoice Choose(IReadOnlyList<KMetrics> metrics, int? forced = null, KSource source = KSource.User)
    {
        var elbow = Elbow(metrics);
        var bestSilhouette = metrics.OrderByDescending(m => m.Silhouette).ThenBy(m => m.K).First();
        var atElbow = metrics.Single(m => m.K == elbow);
        var neighbours = metrics.Where(m => Math.Abs(m.K - elbow) <= 1).ToList();
        var challenger = neighbours.OrderByDescending(m => m.Silhouette).ThenBy(m => m.K).First();
        var chosen = challenger.Silhouette - atElbow.Silhouette >= SilhouetteTolerance ? challenger : atElbow;

        var why = $"The inertia curve bends most at k = {elbow} (the elbow; silhouette {F(atElbow.Silhouette)}). ";
        why += chosen.K == elbow
            ? $"No neighbouring k has a silhouette higher by {F(SilhouetteTolerance, 3)} or more, so k = {elbow}. "
            : $"Its neighbour k = {chosen.K} separates the customers better (silhouette {F(chosen.Silhouette)}), so k = {chosen.K}. ";
        why += bestSilhouette.K == chosen.K
            ? "It also has the best silhouette of the whole sweep."
            : $"The best silhouette of the whole sweep is at k = {bestSilhouette.K} ({F(bestSilhouette.Silhouette)}); the two rules disagree, and the elbow's answer is preferred because it gives segments specific enough to act on.";

        if (forced is { } k && source != KSource.Rule)
        {
            var who = source == KSource.PreviousRun
                ? $"k = {k} was kept from the previous run, so that its segments keep their names."
                : $"k = {k} was set by the user.";
            return new KChoice(k, elbow, bestSilhouette.K, source, RuleText, $"{who} For reference, the rule would choose k = {chosen.K}: " + why);
        }
        return new KChoice(chosen.K, elbow, bestSilhouette.K, KSource.Rule, RuleText, why);
    }

    public const string BicRuleText =
        "k = the lowest Bayesian information criterion (BIC) of the Gaussian mixtures over the sweep: the best likelihood once each component's parameters are paid for.";

    /// <summary>The mixture's k: the lowest BIC (ties to the smaller k), or the forced k with the BIC's choice for reference.</summary>
    public static KChoice ChooseByBic(IReadOnlyList<KMetrics> metrics, int? forced = null, KSource source = KSource.User)
    {
        var best = metrics.OrderBy(m => m.Bic ?? double.PositiveInfinity).ThenBy(m => m.K).First();
        var bestSilhouette = metrics.OrderByDescending(m => m.Silhouette).ThenBy(m => m.K).First();
        var aicBest = metrics.OrderBy(m => m.Aic ?? double.PositiveInfinity).ThenBy(m => m.K).First();
        var why = $"The Bayesian information criterion is lowest at k = {best.K} (BIC {F(best.Bic ?? double.NaN, 0)}; silhouette {F(best.Silhouette)}). ";
        why += aicBest.K == best.K
            ? "AIC, which charges less for each parameter, agrees. "
            : $"AIC, which charges less for each parameter, would take k = {aicBest.K}. ";
        if (best.K == metrics[^1].K && metrics.Count > 1)
        {
            why += $"It is the largest k of the sweep: with this many customers the BIC may keep falling with more components; a wider sweep (--kmax) would say, or set --k to the number of segments you can act on. ";
        }
        if (best.HeldAtFloor is > 0)
        {
            why += $"{best.HeldAtFloor} of its components sit on customers who share a value (one order, say) and are held at the variance floor. ";
        }
        if (forced is { } k && source != KSource.Rule)
        {
            var who = source == KSource.PreviousRun
                ? $"k = {k} was kept from the previous run, so that its segments keep their names."
                : $"k = {k} was set by the user.";
            return new KChoice(k, best.K, bestSilhouette.K, source, BicRuleText, $"{who} For reference, the BIC would choose k = {best.K}: " + why);
        }
        return new KChoice(best.K, best.K, bestSilhouette.K, KSource.Rule, BicRuleText, why.TrimEnd());
    }

    /// <summary>Above this many dense groups DBSCAN's answer is flagged as too fine to act on.</summary>
    public const int ManyDenseGroups = 12;

    /// <summary>DBSCAN's "choice": the groups it found, and where eps came from.</summary>
    public static KChoice Density(KMetrics metrics, DensitySummary density)
    {
        var rule = $"DBSCAN finds the number of segments itself: a customer with at least {density.MinSamples} customers within eps (itself included) is a core customer, core customers within eps of each other share a segment, and a customer near no core customer is unclustered.";
        var eps = density.EpsFromKnee
            ? $"eps = {F(density.Eps)}, the knee of the curve of each customer's distance to its {density.MinSamples}th nearest customer."
            : $"eps = {F(density.Eps)} was set by the user (the knee of the k-distance curve is at {F(density.KneeEps)}).";
        var why = $"{eps} DBSCAN found {density.Clusters} dense group{(density.Clusters == 1 ? "" : "s")}; {Display.Count(density.Noise)} customers are in none and are kept apart as Unclustered, not forced into a segment.";
        if (density.Clusters > ManyDenseGroups)
        {
            why += $" More than {ManyDenseGroups} groups is more than a campaign plan can use: customers who share exact values (days, numbers of orders) form dense ridges that a small eps splits apart. Raise --eps or --min-samples, or use k-means or a Gaussian mixture.";
        }
        return new KChoice(metrics.K, metrics.K, metrics.K, KSource.Rule, rule, why);
    }

    private static string F(double v, int decimals = 3) => Display.Number(v, decimals);
}
