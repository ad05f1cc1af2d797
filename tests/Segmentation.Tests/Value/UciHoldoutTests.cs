using System.Globalization;
using System.IO.Compression;
using Segmentation.App;
using Segmentation.Lifetime;
using Segmentation.Prepare;

namespace Segmentation.Tests.Value;

/// <summary>
/// The UCI data in days, calibrated on purchases to 2011-09-09 (the whole day) and checked on those to 2011-12-09:
/// the summary against an independent count from the CSV, and the fit's no-dropout limit.
/// </summary>
[Trait(Tier.Name, Tier.Full)]
public sealed class UciHoldoutTests
{
    private static readonly DateTime CalibrationEnd = new(2011, 9, 9);
    private static readonly DateTime HoldoutEnd = new(2011, 12, 9);

    private static readonly Lazy<BtydSummary> Summary = new(() => SegmentationApp.Summary(
        TransactionSource.File(TestPaths.RealFile("online_retail.csv.gz")),
        new ClvOptions { CalibrationEnd = CalibrationEnd, HoldoutEnd = HoldoutEnd, Unit = TimeUnit.Days }));

    /// <summary>
    /// The summary computed here from the raw lines with the standard cleaning (a customer, not a cancellation,
    /// positive quantity and price), by purchase day.
    /// </summary>
    private static Dictionary<string, (int Frequency, double Recency, double T, int Holdout)> Independent()
    {
        var days = new Dictionary<string, SortedSet<DateTime>>(StringComparer.Ordinal);
        using var reader = new StreamReader(new GZipStream(File.OpenRead(TestPaths.RealFile("online_retail.csv.gz")), CompressionMode.Decompress));
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            // Descriptions may hold commas inside quotes: the fields after them are read from the end.
            var f = line.Split(',');
            var customer = f[^2];
            var invoice = f[0].Trim('"');
            var quantity = decimal.Parse(f[^5], CultureInfo.InvariantCulture);
            var price = decimal.Parse(f[^3], CultureInfo.InvariantCulture);
            if (customer.Length == 0 || invoice.StartsWith('C') || quantity <= 0 || price <= 0) continue;
            var day = DateTime.Parse(f[^4].Trim('"'), CultureInfo.InvariantCulture).Date;
            if (day > HoldoutEnd) continue;
            if (!days.TryGetValue(customer, out var set)) days[customer] = set = [];
            set.Add(day);
        }
        var result = new Dictionary<string, (int, double, double, int)>(StringComparer.Ordinal);
        foreach (var (customer, set) in days)
        {
            var calibration = set.Where(d => d <= CalibrationEnd).ToList();
            if (calibration.Count == 0) continue;
            result[customer] = (calibration.Count - 1, (calibration[^1] - calibration[0]).TotalDays, (CalibrationEnd - calibration[0]).TotalDays, set.Count(d => d > CalibrationEnd));
        }
        return result;
    }

    [Fact]
    public void The_summary_equals_an_independent_count_of_purchase_days_for_every_customer()
    {
        var expected = Independent();
        var ours = Summary.Value.Customers;
        Assert.Equal(expected.Count, ours.Count);
        foreach (var c in ours)
        {
            var e = expected[c.CustomerId];
            Assert.Equal((e.Frequency, e.Recency, e.T, e.Holdout), (c.Frequency, c.Recency, c.T, c.HoldoutFrequency!.Value));
        }
        Assert.Equal(91, Summary.Value.HoldoutLength);
    }

    [Fact]
    public void The_fit_finds_no_dropout_says_so_and_predicts_with_the_NBD_limit()
    {
        var fit = BgNbd.Fit(Summary.Value);
        Assert.True(fit.NoDropout);
        Assert.Null(fit.A);
        Assert.Contains("no dropout", fit.Diagnostics.Boundary[0], StringComparison.Ordinal);
        Assert.All(fit.Diagnostics.StandardErrors, se => Assert.True(se > 0 && double.IsFinite(se)));
        Assert.True(fit.Diagnostics.GradientNorm < 1e-2, $"gradient norm {fit.Diagnostics.GradientNorm}");

        var c = Summary.Value.Customers.First(x => x.Frequency > 2);
        Assert.Equal((fit.R + c.Frequency) / (fit.Alpha + c.T) * 91, fit.ExpectedPurchases(91, c.Frequency, c.Recency, c.T), 12);
        Assert.Equal(1, fit.ProbabilityAlive(c.Frequency, c.Recency, c.T));

        var validation = HoldoutValidator.Validate(Summary.Value, fit);
        Assert.Equal(Summary.Value.Customers.Sum(x => x.HoldoutFrequency!.Value), validation.Actual);
        Assert.Equal(validation.Actual, validation.Groups.Sum(g => g.Actual));
        Assert.Equal(validation.Predicted, validation.Groups.Sum(g => g.Predicted), 6);
        Assert.Equal(Summary.Value.Customers.Count, validation.Groups.Sum(g => g.Customers));
    }

    [Fact]
    public void Auto_finds_every_model_at_the_same_no_dropout_limit_and_keeps_the_first_listed()
    {
        var (fit, comparison) = PurchaseModels.Choose(Summary.Value);
        Assert.Equal(["BG/NBD", "Pareto/NBD", "MBG/NBD"], comparison.Models.Select(m => m.Model));
        // On the UCI year to September nobody is seen to leave: each model is the NBD, and they predict the holdout alike.
        var pareto = Assert.IsType<ParetoNbdFit>(PurchaseModels.Fit(PurchaseModel.ParetoNbd, Summary.Value));
        Assert.True(pareto.NoDropout);
        Assert.Null(pareto.S);
        Assert.Contains("no dropout", pareto.Diagnostics.Boundary[0], StringComparison.Ordinal);
        Assert.All(comparison.Models, m => Assert.Equal(comparison.Models[0].Holdout!.MeanAbsoluteError, m.Holdout!.MeanAbsoluteError, 6));
        Assert.All(comparison.Models, m => Assert.Equal(2, m.Parameters));
        Assert.Equal(PurchaseModel.BgNbd, comparison.Chosen);
        Assert.IsType<BgNbdFit>(fit);
        Assert.Contains("each is its no-dropout limit, the same NBD", comparison.Reason, StringComparison.Ordinal);
    }
}
