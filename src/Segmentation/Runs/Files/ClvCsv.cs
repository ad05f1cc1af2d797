using Segmentation.IO;
using Segmentation.Lifetime;

namespace Segmentation.Runs.Files;

/// <summary>clv.csv: one row per customer of the summary, with the models' figures beside the summary's.</summary>
internal static class ClvCsv
{
    public static string Header(ClvResult result) =>
        $"CustomerID,Frequency,Recency,T,MonetaryValue,PAlive,PNoPurchase{result.Options.WindowDays}d,ExpectedPurchases{result.Options.WindowDays}d,"
        + $"ExpectedAverageValue,CLV{result.Options.HorizonMonths}m,CLVLow,CLVHigh,CLVPercentile,{NextPurchase.DateColumn},"
        + string.Join(',', NextPurchase.WithinDays.Select(NextPurchase.WithinColumn)) + ",AtRiskOfLeaving"
        + (result.Summary.HoldoutEnd is null ? "" : ",HoldoutPurchases,HoldoutValue");

    public static void Write(string path, ClvResult result) => AtomicFile.WriteText(path, w =>
    {
        w.NewLine = "\n";
        w.WriteLine(Header(result));
        foreach (var (c, v) in result.Summary.Customers.Zip(result.Customers))
        {
            string[] fields =
            [
                Csv.Field(c.CustomerId), Csv.Number(c.Frequency), Csv.Number(c.Recency), Csv.Number(c.T), Csv.Number(c.MonetaryValue),
                Csv.Number(v.ProbabilityAlive), Csv.Number(v.ProbabilityNoPurchase), Csv.Number(v.ExpectedPurchases), Csv.Number(v.ExpectedAverageValue),
                Csv.Number(v.Clv), Csv.Number(v.ClvLow), Csv.Number(v.ClvHigh), Csv.Number(v.ClvPercentile),
                v.ExpectedNextPurchase is { } next ? Csv.Day(next) : "", .. v.PurchaseWithin.Select(Csv.Number), Csv.YesNo(v.AtRiskOfLeaving),
            ];
            w.Write(string.Join(',', fields));
            if (c.HoldoutFrequency is { } holdout) w.Write($",{Csv.Number(holdout)},{Csv.Number(c.HoldoutValue ?? 0)}");
            w.WriteLine();
        }
    });
}
