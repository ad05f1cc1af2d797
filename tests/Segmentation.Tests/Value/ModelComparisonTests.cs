using Segmentation.Lifetime;

namespace Segmentation.Tests.Value;

/// <summary>
/// --btyd-model auto on the CDNOW sample in weeks, calibrated to 1997-09-30 and checked on the 39 weeks after: every
/// continuous model fitted, scored on the holdout, and the one closest per customer kept.
/// </summary>
public sealed class ModelComparisonTests
{
    private static BtydSummary Summary => CdnowPublishedFiguresTests.Summary.Value;

    [Fact]
    public void Each_model_is_scored_on_its_own_fit_and_the_closest_on_the_holdout_is_kept()
    {
        var (fit, comparison) = PurchaseModels.Choose(Summary);
        Assert.Equal(["BG/NBD", "Pareto/NBD", "MBG/NBD"], comparison.Models.Select(m => m.Model));
        foreach (var score in comparison.Models)
        {
            var own = PurchaseModels.Fit(PurchaseModels.Continuous[comparison.Models.ToList().IndexOf(score)], Summary);
            Assert.Equal(own.Diagnostics.LogLikelihood, score.LogLikelihood, 9);
            Assert.Equal(4, score.Parameters);
            Assert.Equal(-2 * score.LogLikelihood + 4 * Math.Log(2357), score.Bic, 9);
            Assert.Null(score.Failure);
        }
        // The published log-likelihoods: BG/NBD -9,582.4, Pareto/NBD -9,595.0.
        Assert.Equal(-9582.4, comparison.Models[0].LogLikelihood, 0.05);
        Assert.Equal(-9595.0, comparison.Models[1].LogLikelihood, 0.05);

        var best = comparison.Models.MinBy(m => m.Holdout!.MeanAbsoluteError)!;
        Assert.Equal(best.Model, fit.Model);
        Assert.Equal(PurchaseModel.ParetoNbd, comparison.Chosen);
        Assert.StartsWith("Pareto/NBD does best (mean absolute error per customer on the holdout 0.7545", comparison.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_holdout_errors_are_those_of_each_customer_s_prediction()
    {
        var fit = PurchaseModels.Fit(PurchaseModel.ParetoNbd, Summary);
        var validation = HoldoutValidator.Validate(Summary, fit);
        var errors = Summary.Customers.Select(c => fit.ExpectedPurchases(39, c.Frequency, c.Recency, c.T) - c.HoldoutFrequency!.Value).ToList();
        Assert.Equal(errors.Average(Math.Abs), validation.MeanAbsoluteError, 12);
        Assert.Equal(Math.Sqrt(errors.Average(e => e * e)), validation.RootMeanSquaredError, 12);
        // By calibration frequency: the 1,411 customers who never bought again, and the 7+ group.
        var none = Summary.Customers.Where(c => c.Frequency == 0).Select(c => fit.ExpectedPurchases(39, 0, c.Recency, c.T) - c.HoldoutFrequency!.Value).ToList();
        var group = validation.Groups[0];
        Assert.Equal(("0", 1411), (group.Frequency, group.Customers));
        Assert.Equal(none.Average(Math.Abs), group.MeanAbsoluteError, 12);
        Assert.Equal(Math.Sqrt(none.Average(e => e * e)), group.RootMeanSquaredError, 12);
    }

    [Fact]
    public void Without_a_holdout_the_lowest_BIC_is_kept()
    {
        var calibration = Summary with { HoldoutEnd = null, Customers = [.. Summary.Customers.Select(c => c with { HoldoutFrequency = null, HoldoutValue = null })] };
        var (fit, comparison) = PurchaseModels.Choose(calibration);
        Assert.All(comparison.Models, m => Assert.Null(m.Holdout));
        var lowest = comparison.Models.MinBy(m => m.Bic)!;
        Assert.Equal(lowest.Model, fit.Model);
        Assert.Contains("BIC, there being no holdout", comparison.Reason, StringComparison.Ordinal);
    }
}
