namespace Segmentation.Lifetime;

/// <summary>The purchase models by <see cref="PurchaseModel"/>: each one's fit, and the comparison that <see cref="PurchaseModel.Auto"/> chooses by.</summary>
internal static class PurchaseModels
{
    /// <summary>The models <see cref="PurchaseModel.Auto"/> compares, in the order the comparison lists them.</summary>
    public static IReadOnlyList<PurchaseModel> Continuous { get; } = [PurchaseModel.BgNbd, PurchaseModel.ParetoNbd, PurchaseModel.MbgNbd];

    /// <summary>Scores this close (relative) are a tie: below what the searches' own tolerance settles (the same NBD limit reached from three starts differs at about 1e-8).</summary>
    private const double Tie = 1e-6;

    public static PurchaseModelFit Fit(PurchaseModel model, BtydSummary summary) => model switch
    {
        PurchaseModel.BgNbd => BgNbd.Fit(summary),
        PurchaseModel.ParetoNbd => ParetoNbd.Fit(summary),
        PurchaseModel.MbgNbd => MbgNbd.Fit(summary),
        PurchaseModel.BgBb => BgBb.Fit(summary),
        _ => throw new ArgumentOutOfRangeException(nameof(model), model, "auto is a choice among models, not one to fit"),
    };

    /// <summary>The model a fit is of.</summary>
    public static PurchaseModel Of(PurchaseModelFit fit) => fit switch
    {
        BgNbdFit => PurchaseModel.BgNbd,
        ParetoNbdFit => PurchaseModel.ParetoNbd,
        MbgNbdFit => PurchaseModel.MbgNbd,
        BgBbFit => PurchaseModel.BgBb,
        _ => throw new ArgumentOutOfRangeException(nameof(fit), fit.Model, "a purchase model this version does not know"),
    };

    /// <summary>A fit made again from its <see cref="PurchaseModelFit.Parameters"/> (a saved value model): the dropout pair null for a no-dropout limit.</summary>
    public static PurchaseModelFit FromParameters(PurchaseModel model, IReadOnlyList<double?> p, FitDiagnostics diagnostics, TimeUnit unit) => model switch
    {
        PurchaseModel.BgNbd => new BgNbdFit(p[0]!.Value, p[1]!.Value, p[2], p[3], diagnostics, unit),
        PurchaseModel.ParetoNbd => new ParetoNbdFit(p[0]!.Value, p[1]!.Value, p[2], p[3], diagnostics, unit),
        PurchaseModel.MbgNbd => new MbgNbdFit(p[0]!.Value, p[1]!.Value, p[2], p[3], diagnostics, unit),
        PurchaseModel.BgBb => new BgBbFit(p[0]!.Value, p[1]!.Value, p[2], p[3], diagnostics, unit),
        _ => throw new ArgumentOutOfRangeException(nameof(model), model, "auto is a choice among models, not one to make"),
    };

    public static string Name(PurchaseModel model) => model switch
    {
        PurchaseModel.BgNbd => BgNbd.Name,
        PurchaseModel.ParetoNbd => ParetoNbd.Name,
        PurchaseModel.MbgNbd => MbgNbd.Name,
        PurchaseModel.BgBb => BgBb.Name,
        _ => "auto",
    };

    /// <summary>
    /// Fits every continuous model on <paramref name="summary"/> and keeps the one whose holdout predictions have the
    /// lowest mean absolute error per customer, or without a holdout the lowest BIC: its fit, and the comparison.
    /// </summary>
    public static (PurchaseModelFit Fit, ModelComparison Comparison) Choose(BtydSummary summary)
    {
        var fits = new List<(PurchaseModel Model, PurchaseModelFit? Fit, ModelScore Score)>();
        foreach (var model in Continuous)
        {
            try
            {
                var fit = Fit(model, summary);
                var k = fit.Estimated.Length;
                var bic = -2 * fit.Diagnostics.LogLikelihood + k * Math.Log(summary.Customers.Count);
                var holdout = summary.HoldoutEnd is null ? null : HoldoutValidator.Validate(summary, fit);
                fits.Add((model, fit, new ModelScore(fit.Model, fit.Diagnostics.LogLikelihood, k, bic, holdout)));
            }
            catch (ModelFitException e)
            {
                fits.Add((model, null, new ModelScore(Name(model), double.NaN, 0, double.NaN, null) { Failure = e.Reason }));
            }
        }
        var fitted = fits.Where(f => f.Fit is not null).ToList();
        if (fitted.Count == 0) throw new ModelFitException("auto", "no purchase model could be fitted: " + string.Join("; ", fits.Select(f => $"{f.Score.Model}: {f.Score.Failure}")));
        var byHoldout = summary.HoldoutEnd is not null;
        double Error((PurchaseModel, PurchaseModelFit?, ModelScore Score) f) => byHoldout ? f.Score.Holdout!.MeanAbsoluteError : f.Score.Bic;
        // Models that reach the same limit (no dropout: all three are the NBD) score the same to rounding: the first listed is kept.
        var lowest = fitted.Min(Error);
        var best = fitted.First(f => Error(f) <= lowest + Tie * Math.Abs(lowest));
        var tied = fitted.Where(f => Error(f) <= lowest + Tie * Math.Abs(lowest)).ToList();
        var others = string.Join(", ", fitted.Where(f => f.Model != best.Model).Select(f => $"{f.Score.Model} {Error(f):G4}"));
        var measure = byHoldout ? "mean absolute error per customer on the holdout" : "BIC, there being no holdout to compare predictions on";
        var reason = tied.Count > 1
            ? $"{string.Join(", ", tied.Select(f => f.Score.Model))} do equally well ({measure} {Error(best):G4}"
              + (tied.All(f => f.Fit!.NoDropout) ? "; each is its no-dropout limit, the same NBD" : "") + $"): {best.Score.Model}, listed first, is kept"
            : $"{best.Score.Model} does best ({measure} {Error(best):G4}; {others})";
        return (best.Fit!, new ModelComparison([.. fits.Select(f => f.Score)], best.Model, reason));
    }
}
