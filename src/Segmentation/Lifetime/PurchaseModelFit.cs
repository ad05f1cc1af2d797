namespace Segmentation.Lifetime;

/// <summary>
/// A fitted model of how many purchases a customer makes and whether they are still a customer (BG/NBD, MBG/NBD,
/// Pareto/NBD), in the summary's <see cref="Unit"/>: the one interface lifetime value, the holdout check and every
/// output read, whichever model was fitted. A customer is (x, t_x, T): repeat purchases, the time from the first to
/// the last, and from the first to the end of calibration.
/// </summary>
public abstract record PurchaseModelFit(FitDiagnostics Diagnostics, TimeUnit Unit)
{
    /// <summary>The model's name as the literature writes it ("BG/NBD").</summary>
    public abstract string Model { get; }

    /// <summary>
    /// The fit is the model's no-dropout limit, the NBD (the likelihood was highest with nobody leaving, where the
    /// dropout parameters are not identified): every customer alive, buying at their own rate; those parameters are null.
    /// </summary>
    public abstract bool NoDropout { get; }

    /// <summary>The parameters by name, in the order of the diagnostics' standard errors; null where the fit does not identify one.</summary>
    public abstract IReadOnlyList<(string Name, double? Value)> Parameters { get; }

    /// <summary>Expected purchases in each of <paramref name="horizons"/> after T, into <paramref name="into"/>.</summary>
    public abstract void ExpectedPurchases(ReadOnlySpan<double> horizons, int x, double tx, double t, Span<double> into);

    /// <summary>
    /// <see cref="ExpectedPurchases(ReadOnlySpan{double}, int, double, double, Span{double})"/> for customers who share x
    /// and T and differ in t_x: <paramref name="into"/> holds each recency's horizons in turn. A model whose figure is a
    /// part of (x, T) over a part of t_x computes the first once: lifetime value's parameter draws recompute every
    /// pattern's figures, and the UCI year's 3,046 patterns share 1,598 (x, T).
    /// </summary>
    internal virtual void ExpectedPurchases(ReadOnlySpan<double> horizons, int x, ReadOnlySpan<double> recencies, double t, Span<double> into)
    {
        for (var j = 0; j < recencies.Length; j++) ExpectedPurchases(horizons, x, recencies[j], t, into.Slice(j * horizons.Length, horizons.Length));
    }

    /// <summary>Expected purchases in the next <paramref name="horizon"/> after T.</summary>
    public double ExpectedPurchases(double horizon, int x, double tx, double t)
    {
        Span<double> value = stackalloc double[1];
        ExpectedPurchases([horizon], x, tx, t, value);
        return value[0];
    }

    /// <summary>The probability that the customer is still a customer at T.</summary>
    public abstract double ProbabilityAlive(int x, double tx, double t);

    /// <summary>The probability of no purchase in the next <paramref name="horizon"/> after T: gone, or still a customer and buying nothing.</summary>
    public double ProbabilityNoPurchase(double horizon, int x, double tx, double t) => NoPurchaseCurve(x, tx, t)(horizon);

    /// <summary>
    /// <see cref="ProbabilityNoPurchase"/> of one customer as a function of the horizon, with what does not depend on
    /// it computed once: the next-purchase search evaluates it a dozen times per customer.
    /// </summary>
    internal abstract Func<double, double> NoPurchaseCurve(int x, double tx, double t);

    /// <summary>
    /// One customer drawn from the fitted population and followed for <paramref name="t"/> after their first purchase:
    /// their repeat purchases (what the period-transactions diagnostic compares with the data).
    /// </summary>
    internal abstract int SimulateRepeats(double t, Random random);

    /// <summary>How purchase rates vary across customers: Gamma(r, alpha), per unit; null for a model of one chance per period (BG/BB).</summary>
    internal abstract (double Shape, double Rate)? PurchaseRates { get; }

    /// <summary>
    /// A model of one purchase opportunity per period (BG/BB): its summary counts whole periods, and the diagnostic
    /// plots, drawn for purchases in continuous time, are not made.
    /// </summary>
    internal virtual bool Discrete => false;

    /// <summary>
    /// How customers differ in leaving: a Beta of the chance to leave at each purchase, or a Gamma of the rate of
    /// leaving per unit; null without dropout.
    /// </summary>
    internal abstract Dropout? Dropout { get; }

    /// <summary>The parameters the fit's log-covariance describes, in its order: the point that interval draws are taken around.</summary>
    internal abstract double[] Estimated { get; }

    /// <summary>The same model with other values of <see cref="Estimated"/> (a draw for an interval).</summary>
    internal abstract PurchaseModelFit With(double[] estimated);
}
