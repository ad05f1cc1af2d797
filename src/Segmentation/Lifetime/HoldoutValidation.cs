namespace Segmentation.Lifetime;

/// <summary>
/// Customers with the same number of calibration repeat purchases: what the model predicted for their holdout and what
/// they did, in total and per customer (mean absolute and root mean squared error).
/// </summary>
public sealed record HoldoutGroup(string Frequency, int Customers, double Predicted, long Actual, double MeanAbsoluteError, double RootMeanSquaredError)
{
    public double PredictedPerCustomer => Predicted / Customers;
    public double ActualPerCustomer => (double)Actual / Customers;
}

/// <summary>
/// The model's check on data it did not see: repeat purchases predicted for the holdout against those made, in total,
/// by calibration frequency, and per customer (mean absolute and root mean squared error).
/// </summary>
public sealed record HoldoutValidation(double Length, TimeUnit Unit, int Customers, double Predicted, long Actual, double MeanAbsoluteError,
    IReadOnlyList<HoldoutGroup> Groups)
{
    /// <summary>The root of the mean squared difference per customer: weighs the large misses, the heavy buyers', more.</summary>
    public double RootMeanSquaredError { get; init; }

    /// <summary>(predicted - actual) / actual; null when no purchase was made.</summary>
    public double? RelativeError => Actual == 0 ? null : (Predicted - Actual) / Actual;
}

internal static class HoldoutValidator
{
    /// <summary>Calibration frequencies from this one up are one group.</summary>
    public const int LastGroup = 7;

    public static HoldoutValidation Validate(BtydSummary summary, PurchaseModelFit fit)
    {
        if (summary.HoldoutLength is not { } length) throw new OptionException(OptionNames.HoldoutEnd, "the summary has no holdout period to validate on");
        var rows = summary.Customers.Select(c => (c.Frequency, Predicted: fit.ExpectedPurchases(length, c.Frequency, c.Recency, c.T), Actual: (long)c.HoldoutFrequency!.Value)).ToList();
        static double Mae(IEnumerable<(int, double Predicted, long Actual)> rows) => rows.DefaultIfEmpty().Average(r => Math.Abs(r.Predicted - r.Actual));
        static double Rmse(IEnumerable<(int, double Predicted, long Actual)> rows) => Math.Sqrt(rows.DefaultIfEmpty().Average(r => (r.Predicted - r.Actual) * (r.Predicted - r.Actual)));
        var groups = rows.GroupBy(r => Math.Min(r.Frequency, LastGroup)).OrderBy(g => g.Key)
            .Select(g => new HoldoutGroup(g.Key == LastGroup ? $"{LastGroup}+" : g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture),
                g.Count(), g.Sum(r => r.Predicted), g.Sum(r => r.Actual), Mae(g), Rmse(g)))
            .ToList();
        return new HoldoutValidation(length, summary.Unit, rows.Count, rows.Sum(r => r.Predicted), rows.Sum(r => r.Actual), Mae(rows), groups)
        {
            RootMeanSquaredError = Rmse(rows),
        };
    }
}
