namespace Segmentation.Lifetime;

/// <summary>
/// When a customer is expected to buy next: the first whole day d after the calibration end on which the chance of at
/// least one purchase in those d days, 1 - P(no purchase in d), reaches one half under the purchase model; none when it
/// does not within <see cref="LongestDays"/> (for a model with dropout, the customer is more likely gone than not). And
/// the chance of a purchase within each of <see cref="WithinDays"/>.
/// </summary>
internal static class NextPurchase
{
    /// <summary>The windows of the P(purchase within d days) columns.</summary>
    public static IReadOnlyList<int> WithinDays { get; } = [30, 60, 90];

    /// <summary>A hundred years: a date further off is no date a reader acts on, and P(no purchase) there is its limit to many digits.</summary>
    public const int LongestDays = 36_525;

    /// <summary>The name of the expected next purchase's column in every customer file.</summary>
    public const string DateColumn = "ExpectedNextPurchase";

    /// <summary>The name of the P(purchase within <paramref name="days"/>) column in every customer file.</summary>
    public static string WithinColumn(int days) => $"PPurchase{days}d";

    /// <summary>The chance of a purchase reached on the expected day.</summary>
    public const double Chance = 0.5;

    /// <summary>
    /// Days from the calibration end to the expected next purchase, or null. P(no purchase in t) falls as t grows, so
    /// the day is found by doubling from day 1 and halving the last step, on whole days (about 2 log2 d evaluations).
    /// </summary>
    public static int? Days(PurchaseModelFit fit, int x, double tx, double t)
    {
        var unit = fit.Unit.Days();
        var noPurchase = fit.NoPurchaseCurve(x, tx, t);
        bool Reached(int days) => noPurchase(days / unit) <= 1 - Chance;

        if (!Reached(LongestDays)) return null;
        var (before, reached) = (0, 1);
        while (!Reached(reached))
        {
            before = reached;
            reached = Math.Min(2 * reached, LongestDays);
        }
        // Invariant: not reached on day `before` (or it is day 0), reached on day `reached`.
        while (reached - before > 1)
        {
            var middle = before + (reached - before) / 2;
            if (Reached(middle)) reached = middle;
            else before = middle;
        }
        return reached;
    }

    /// <summary>P(at least one purchase within each of <see cref="WithinDays"/>).</summary>
    public static double[] Within(PurchaseModelFit fit, int x, double tx, double t)
    {
        var noPurchase = fit.NoPurchaseCurve(x, tx, t);
        return [.. WithinDays.Select(days => 1 - noPurchase(days / fit.Unit.Days()))];
    }
}
