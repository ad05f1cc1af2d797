using Segmentation.Lifetime;

namespace Segmentation.Runs.Files;

/// <summary>
/// What metrics.json (its "value") and clv.json say of lifetime value, in one shape: the settings behind the columns of customer_segments.csv (window,
/// horizon, discount, the at-risk rule), both fits with their diagnostics (the purchase model named), the models
/// compared when the model was chosen, and the totals. Standard errors that are not defined are null, never NaN.
/// </summary>
internal sealed record ValueMetrics(
    TimeUnit Unit,
    DateTime CalibrationEnd,
    int WindowDays,
    int HorizonMonths,
    double MonthlyDiscountRate,
    double AtRiskTopShare,
    double AtRiskAliveBelow,
    bool AtRiskRelative,
    string PurchaseModel,
    ValueFit Purchases,
    ValueFit GammaGamma,
    double FrequencySpendCorrelation,
    double TotalClv,
    int AtRiskOfLeaving)
{
    /// <summary>The purchase models compared (<see cref="Lifetime.PurchaseModel.Auto"/>), with the holdout's errors; null when one was asked for.</summary>
    public ModelComparison? Comparison { get; init; }

    /// <summary>The check of the model kept on the holdout: totals, mean absolute and root mean squared error, overall and by calibration frequency; null without a holdout.</summary>
    public HoldoutValidation? Holdout { get; init; }

    public static ValueMetrics From(ClvResult r)
    {
        var b = r.Purchases;
        var g = r.Spend;
        var purchases = b.Parameters.ToDictionary(p => p.Name, p => p.Value);
        var gammaGamma = new Dictionary<string, double?> { ["p"] = g.Parameters.P, ["q"] = g.Parameters.Q, ["gamma"] = g.Parameters.Gamma };
        return new ValueMetrics(r.Summary.Unit, r.Summary.CalibrationEnd, r.Options.WindowDays, r.Options.HorizonMonths, r.Options.MonthlyDiscountRate,
            r.AtRisk.TopShare, r.AtRisk.AliveBelow, r.AtRisk.Relative, b.Model, ValueFit.From(purchases, b.Diagnostics), ValueFit.From(gammaGamma, g.Diagnostics),
            g.FrequencySpendCorrelation, r.Customers.Sum(c => c.Clv), r.AtRisk.Customers)
        {
            Comparison = r.Comparison,
            Holdout = r.Validation,
        };
    }
}
