using Segmentation.Clustering.Segments;
using Segmentation.IO;
using Segmentation.Lifetime;
using Segmentation.Prepare.Sources;

namespace Segmentation.Runs.Files;

/// <summary>customer_segments.csv and segment_profile.csv.</summary>
internal static class SegmentsCsv
{
    /// <summary>
    /// Two segmentations, two names: ScoreSegment is the standard RFM score segment (from the R, F, M quintiles),
    /// ClusterSegment the clustering's. They use the same vocabulary and often differ; the reports cross-tabulate them.
    /// </summary>
    public static string CustomersHeader => CustomerColumns.Header;

    public const string ClusterSegmentColumn = "ClusterSegment";

    public static void WriteCustomers(string path, IReadOnlyList<CustomerSegment> customers) =>
        AtomicFile.WriteText(path, w => WriteCustomers(w, customers));

    /// <summary>The column a Gaussian mixture's run adds: each customer's probability of its segment.</summary>
    public const string ProbabilityColumn = CustomerColumns.ProbabilityColumn;

    public static void WriteCustomers(TextWriter w, IReadOnlyList<CustomerSegment> customers)
    {
        var columns = CustomerColumns.For(customers);
        w.WriteLine(string.Join(',', columns.Select(c => c.Name)));
        // Cell by cell into the writer: no joined line, no enumerator per customer (147k customers: 0.5 s of the outputs).
        foreach (var c in customers)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                if (i > 0) w.Write(',');
                WriteCell(w, columns[i].Table.Type, columns[i].Value(c));
            }
            w.WriteLine();
        }
    }

    /// <summary>A value in the CSV's form: invariant numbers, yes/no, days as yyyy-MM-dd, text guarded and quoted.</summary>
    private static void WriteCell(TextWriter w, ColumnType type, object? value)
    {
        switch (value)
        {
            case null: break;
            case string text: w.Write(Csv.Field(text)); break;
            case int n: Csv.Write(w, n); break;
            case long n: Csv.Write(w, n); break;
            case decimal d: Csv.Write(w, d); break;
            case double d: Csv.Write(w, d); break;
            case bool b: w.Write(Csv.YesNo(b)); break;
            case DateTime t when type == ColumnType.Day: Csv.WriteDay(w, t); break;
            case DateTime t: Csv.WriteDate(w, t); break;
            default: throw new ArgumentException($"no CSV form for {value.GetType().Name}", nameof(value));
        }
    }

    /// <summary>The columns a run with lifetime value adds (their window, horizon and at-risk rule are in metrics.json's "value").</summary>
    public static string ValueColumns => CustomerColumns.ValueHeader;

    /// <summary>
    /// targets/&lt;segment&gt;.csv: whom to contact in one segment, highest lifetime value first, with the segment's action
    /// and the at-risk flag.
    /// </summary>
    public static void WriteTargets(string path, IReadOnlyList<CustomerSegment> members) => AtomicFile.WriteText(path, w =>
    {
        w.WriteLine($"CustomerID,ClusterSegment,Action,CLV,CLVLow,CLVHigh,PAlive,ExpectedPurchases,{NextPurchase.DateColumn},AtRiskOfLeaving,Recency,Frequency,Monetary");
        foreach (var c in members.Where(c => c.Value is not null).OrderByDescending(c => c.Value!.Clv).ThenBy(c => c.Rfm.CustomerId, StringComparer.Ordinal))
        {
            var v = c.Value!;
            w.WriteLine(string.Join(',', Csv.Field(c.Rfm.CustomerId), Csv.Field(c.Segment), Csv.Field(c.Action),
                Csv.Number(Math.Round(v.Clv, 2)), Csv.Number(Math.Round(v.ClvLow, 2)), Csv.Number(Math.Round(v.ClvHigh, 2)),
                Csv.Number(Math.Round(v.ProbabilityAlive, 6)), Csv.Number(Math.Round(v.ExpectedPurchases, 6)),
                v.ExpectedNextPurchase is { } next ? Csv.Day(next) : "", Csv.YesNo(v.AtRiskOfLeaving),
                Csv.Number(c.Rfm.Recency), Csv.Number(c.Rfm.Frequency), Csv.Number(c.Rfm.Monetary)));
        }
    });

    public const string ProfileHeader =
        "Cluster,Segment,Customers,Share,MeanRecency,MedianRecency,MeanFrequency,MedianFrequency,MeanMonetary,MedianMonetary,Revenue,RevenueShare,Priority,Description,Actions," +
        "Borderline,RecencyContradictsName";

    public static void WriteProfile(string path, IReadOnlyList<SegmentProfile> profiles) => AtomicFile.WriteText(path, w =>
    {
        var withProbability = profiles.Any(p => p.ConfidentShare is not null);
        var withValue = profiles.Any(p => p.MeanClv is not null);
        w.WriteLine(ProfileHeader + (withProbability ? ",ConfidentShare,MeanProbability" : "") + (withValue ? ",MeanCLV,CLVShare,AtRiskOfLeaving" : ""));
        foreach (var p in profiles)
        {
            var probability = withProbability ? "," + Csv.Number(Math.Round(p.ConfidentShare ?? 0, 6)) + "," + Csv.Number(Math.Round(p.MeanProbability ?? 0, 6)) : "";
            w.WriteLine(string.Join(',',
                Csv.Number(p.Cluster), Csv.Field(p.Segment), Csv.Number(p.Customers), Csv.Number(Math.Round(p.Share, 6)),
                Csv.Number(Math.Round(p.MeanRecency, 4)), Csv.Number(p.MedianRecency),
                Csv.Number(Math.Round(p.MeanFrequency, 4)), Csv.Number(p.MedianFrequency),
                Csv.Number(Math.Round(p.MeanMonetary, 4)), Csv.Number(Math.Round(p.MedianMonetary, 4)),
                Csv.Number(p.Revenue), Csv.Number(Math.Round(p.RevenueShare, 6)),
                Csv.Field(p.Priority), Csv.Field(p.Description), Csv.Field(p.Actions), Csv.Number(p.Borderline), Csv.Number(p.RecencyContradictsName)) + probability
                + (withValue ? $",{Csv.Number(Math.Round(p.MeanClv ?? 0, 2))},{Csv.Number(Math.Round(p.ClvShare ?? 0, 6))},{Csv.Number(p.AtRisk ?? 0)}" : ""));
        }
    });
}
