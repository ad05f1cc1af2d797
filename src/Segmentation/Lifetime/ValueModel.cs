using System.Text.Json.Serialization;

namespace Segmentation.Lifetime;

/// <summary>
/// The value fits a run saves in its model (model.zip, beside the segments), so that <c>score</c> and the scoring API
/// value customers without fitting again: the purchase model and its parameters, Gamma-Gamma's, the covariances the
/// intervals are drawn from, the unit, the options (window, horizon, discount, at-risk rule, seed), and the day the
/// fits' data ended.
/// </summary>
public sealed record ValueModel(
    PurchaseModel PurchaseModel,
    TimeUnit Unit,
    DateTime CalibrationEnd,
    IReadOnlyList<double?> Purchases,
    IReadOnlyList<IReadOnlyList<double>>? PurchasesLogCovariance,
    GammaGammaParameters Spend,
    IReadOnlyList<IReadOnlyList<double>>? SpendLogCovariance,
    ClvOptions Options)
{
    public static ValueModel Of(ClvResult r) => new(PurchaseModels.Of(r.Purchases), r.Summary.Unit, r.Summary.CalibrationEnd,
        [.. r.Purchases.Parameters.Select(p => p.Value)], r.Purchases.Diagnostics.LogCovariance, r.Spend.Parameters, r.Spend.Diagnostics.LogCovariance,
        r.Options);

    /// <summary>The purchase model's name as the literature writes it.</summary>
    [JsonIgnore]
    public string Model => PurchaseModels.Name(PurchaseModel);

    /// <summary>The purchase model's parameters by name (null: not identified, the no-dropout limit's dropout pair).</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, double?> PurchaseParameters => PurchaseFit().Parameters.ToDictionary(p => p.Name, p => p.Value);

    internal PurchaseModelFit PurchaseFit() => PurchaseModels.FromParameters(PurchaseModel, Purchases, Saved(PurchasesLogCovariance), Unit);

    internal GammaGammaFit SpendFit() => new(Spend, Saved(SpendLogCovariance), double.NaN);

    /// <summary>
    /// Customers given by their purchase history in days, valued by these fits: P(alive), P(no purchase) and expected
    /// purchases in the window, the days to the expected next purchase, and lifetime value (the point: no interval).
    /// </summary>
    internal IReadOnlyList<CustomerValue> Value(IReadOnlyList<ValueInput> customers)
    {
        if (Options.InPeriods) throw new ModelFitException(Model, "values customers from their purchases in whole calendar periods, which days do not give: score their transactions instead");
        var unit = Unit.Days();
        var summary = new BtydSummary(CalibrationEnd, null, Unit,
            [.. customers.Select(c => new BtydCustomer(c.CustomerId, c.RepeatPurchases, c.RecencyDays / unit, c.AgeDays / unit, c.RepeatValue ?? 0))]);
        return LifetimeValue.Apply(summary, Options with { IntervalDraws = 0 }, PurchaseFit(), SpendFit()).Customers;
    }

    /// <summary>A fit read back from a model keeps only what valuing needs of its diagnostics: the covariance intervals are drawn from.</summary>
    private static FitDiagnostics Saved(IReadOnlyList<IReadOnlyList<double>>? logCovariance) =>
        new(double.NaN, [], double.NaN, [], 0, 0, 0) { LogCovariance = logCovariance };
}
