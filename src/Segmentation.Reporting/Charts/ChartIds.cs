namespace Segmentation.Reporting.Charts;

/// <summary>Names of the report's charts, shared by the PDF (ScottPlot) and the HTML (Plotly.NET) renderings.</summary>
public static class ChartIds
{
    public const string Revenue = "revenue";
    public const string Sizes = "sizes";
    public const string Elbow = "elbow";
    public const string Silhouette = "silhouette";
    public const string DaviesBouldin = "davies-bouldin";
    public const string CalinskiHarabasz = "calinski-harabasz";
    public const string Scatter = "scatter";
    public const string InformationCriteria = "information-criteria";
    public const string KDistance = "k-distance";
    public const string AliveByRecency = "alive-by-recency";
    public const string Holdout = "holdout";
    public const string PeriodTransactions = "period-transactions";
    public const string ExpectedMatrix = "expected-matrix";
    public const string AliveMatrix = "alive-matrix";
    public const string WeeklyRepeats = "weekly-repeats";
    public const string CumulativeRepeats = "cumulative-repeats";
    public const string PurchaseRates = "purchase-rates";
    public const string Dropout = "dropout";
    public static string Box(string feature) => "box-" + feature.ToLowerInvariant();
    public static string SegmentIndex(int cluster) => "segment-index-" + cluster.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
