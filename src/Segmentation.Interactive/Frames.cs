using System.Globalization;
using Microsoft.Data.Analysis;
using Segmentation.Clustering;
using Segmentation.Clustering.Model;
using Segmentation.Clustering.Segments;
using Segmentation.Lifetime;
using Segmentation.Prepare;
using Segmentation.Report;
using Segmentation.Runs.Refresh;

namespace Segmentation.Interactive;

/// <summary>The library's results as Microsoft.Data.Analysis DataFrames, for exploring in a notebook.</summary>
public static class Frames
{
    public static DataFrame Rfm(RfmTable rfm) => new(
        new StringDataFrameColumn("CustomerID", rfm.Customers.Select(c => c.CustomerId)),
        new Int32DataFrameColumn("Recency", rfm.Customers.Select(c => c.Recency)),
        new Int32DataFrameColumn("Frequency", rfm.Customers.Select(c => c.Frequency)),
        new DecimalDataFrameColumn("Monetary", rfm.Customers.Select(c => c.Monetary)),
        new StringDataFrameColumn("Country", rfm.Customers.Select(c => c.Country ?? "")));

    /// <summary>
    /// pandas' <c>df.describe()</c>: a row per statistic (count, mean, std, min, 25%, 50%, 75%, max), a column per
    /// feature, rounded as every displayed number is (<see cref="Formatting.Display"/>'s rule, to 2 decimals).
    /// </summary>
    public static DataFrame Describe(IReadOnlyList<FeatureStatistics> features)
    {
        string[] rows = ["count", "mean", "std", "min", "25%", "50%", "75%", "max"];
        static double[] Values(FeatureStatistics f) => [f.Count, f.Mean, f.Std, f.Min, f.Q1, f.Median, f.Q3, f.Max];
        var columns = new List<DataFrameColumn> { new StringDataFrameColumn("", rows) };
        columns.AddRange(features.Select(f => new DoubleDataFrameColumn(f.Feature, Values(f).Select(v => Formatting.Display.Round(v)))));
        return new DataFrame(columns);
    }

    /// <summary>How far each feature of scored customers has moved from the model's (PSI; above 0.25 the model misleads).</summary>
    public static DataFrame Drift(ScoreCheck check) => new(
        new StringDataFrameColumn("Feature", check.Drift.Select(d => d.Feature)),
        new DoubleDataFrameColumn("PSI", check.Drift.Select(d => Formatting.Display.Round(d.Psi, 3))),
        new StringDataFrameColumn("Reading", check.Drift.Select(d => d.Reading)));

    /// <summary>Every customer with both labels; a Gaussian mixture's runs add each customer's probability of its segment.</summary>
    public static DataFrame Customers(IReadOnlyList<CustomerSegment> customers)
    {
        var frame = new DataFrame(
            new StringDataFrameColumn("CustomerID", customers.Select(c => c.Rfm.CustomerId)),
            new Int32DataFrameColumn("Recency", customers.Select(c => c.Rfm.Recency)),
            new Int32DataFrameColumn("Frequency", customers.Select(c => c.Rfm.Frequency)),
            new DecimalDataFrameColumn("Monetary", customers.Select(c => c.Rfm.Monetary)),
            new StringDataFrameColumn("RfmCode", customers.Select(c => c.Score.Code)),
            new StringDataFrameColumn("ScoreSegment", customers.Select(c => c.Score.Segment)),
            new Int32DataFrameColumn("Cluster", customers.Select(c => c.Cluster)),
            new StringDataFrameColumn("ClusterSegment", customers.Select(c => c.Segment)),
            new BooleanDataFrameColumn("Borderline", customers.Select(c => c.Borderline)),
            new BooleanDataFrameColumn("RecencyContradictsName", customers.Select(c => c.RecencyContradictsName)));
        if (customers.Count > 0 && customers[0].Probability is not null)
        {
            frame.Columns.Add(new DoubleDataFrameColumn("Probability", customers.Select(c => c.Probability)));
        }
        return frame;
    }

    /// <summary>The profile table; a Gaussian mixture's adds how sure each segment's assignments are.</summary>
    public static DataFrame Profile(IReadOnlyList<SegmentProfile> profiles)
    {
        var frame = ProfileColumns(profiles);
        if (profiles.Any(p => p.ConfidentShare is not null))
        {
            frame.Columns.Add(new DoubleDataFrameColumn("ConfidentShare", profiles.Select(p => p.ConfidentShare is { } c ? Math.Round(c, 4) : (double?)null)));
        }
        if (profiles.Any(p => p.MeanClv is not null))
        {
            frame.Columns.Add(new DoubleDataFrameColumn("MeanCLV", profiles.Select(p => p.MeanClv is { } m ? Math.Round(m, 2) : (double?)null)));
            frame.Columns.Add(new DoubleDataFrameColumn("CLVShare", profiles.Select(p => p.ClvShare is { } s ? Math.Round(s, 4) : (double?)null)));
            frame.Columns.Add(new Int32DataFrameColumn("AtRiskOfLeaving", profiles.Select(p => p.AtRisk)));
        }
        return frame;
    }

    /// <summary>Every method's answer on the same customers (<c>--compare-methods</c>).</summary>
    public static DataFrame Methods(IReadOnlyList<MethodSummary> methods) => new(
        new StringDataFrameColumn("Method", methods.Select(m => m.Name)),
        new Int32DataFrameColumn("Segments", methods.Select(m => m.K)),
        new DoubleDataFrameColumn("Silhouette", methods.Select(m => Math.Round(m.Silhouette, 4))),
        new DoubleDataFrameColumn("DaviesBouldin", methods.Select(m => Math.Round(m.DaviesBouldin, 4))),
        new DoubleDataFrameColumn("CalinskiHarabasz", methods.Select(m => Math.Round(m.CalinskiHarabasz, 1))),
        new DoubleDataFrameColumn("Agreement", methods.Select(m => Math.Round(m.Agreement, 4))),
        new Int32DataFrameColumn("Unclustered", methods.Select(m => m.Unclustered)),
        new StringDataFrameColumn("Names", methods.Select(m => string.Join(", ", m.Segments))),
        new StringDataFrameColumn("Note", methods.Select(m => m.Chosen ? "used" : "")));

    private static DataFrame ProfileColumns(IReadOnlyList<SegmentProfile> profiles) => new(
        new Int32DataFrameColumn("Cluster", profiles.Select(p => p.Cluster)),
        new StringDataFrameColumn("Segment", profiles.Select(p => p.Segment)),
        new Int32DataFrameColumn("Customers", profiles.Select(p => p.Customers)),
        new DoubleDataFrameColumn("Share", profiles.Select(p => Math.Round(p.Share, 4))),
        new DoubleDataFrameColumn("MedianRecency", profiles.Select(p => p.MedianRecency)),
        new DoubleDataFrameColumn("MedianFrequency", profiles.Select(p => p.MedianFrequency)),
        new DoubleDataFrameColumn("MedianMonetary", profiles.Select(p => Math.Round(p.MedianMonetary, 2))),
        new DecimalDataFrameColumn("Revenue", profiles.Select(p => p.Revenue)),
        new DoubleDataFrameColumn("RevenueShare", profiles.Select(p => Math.Round(p.RevenueShare, 4))),
        new StringDataFrameColumn("Priority", profiles.Select(p => p.Priority)),
        new StringDataFrameColumn("Actions", profiles.Select(p => p.Actions)));

    /// <summary>The indices by k; a Gaussian mixture's sweep adds its BIC and AIC.</summary>
    public static DataFrame Sweep(ReportModel report)
    {
        var q = report.Quality;
        var frame = new DataFrame(
            new Int32DataFrameColumn("k", q.Sweep.Select(m => m.K)),
            new DoubleDataFrameColumn("Inertia", q.Sweep.Select(m => Math.Round(m.Inertia, 2))),
            new DoubleDataFrameColumn("Silhouette", q.Sweep.Select(m => Math.Round(m.Silhouette, 4))),
            new DoubleDataFrameColumn("DaviesBouldin", q.Sweep.Select(m => Math.Round(m.DaviesBouldin, 4))),
            new DoubleDataFrameColumn("CalinskiHarabasz", q.Sweep.Select(m => Math.Round(m.CalinskiHarabasz, 1))));
        if (q.HasInformationCriteria)
        {
            frame.Columns.Add(new DoubleDataFrameColumn("Bic", q.Sweep.Select(m => m.Bic is { } b ? Math.Round(b, 1) : (double?)null)));
            frame.Columns.Add(new DoubleDataFrameColumn("Aic", q.Sweep.Select(m => m.Aic is { } a ? Math.Round(a, 1) : (double?)null)));
        }
        frame.Columns.Add(new StringDataFrameColumn("Note", q.Sweep.Select(m => m.K == q.Choice.K ? "chosen" : m.K == q.Choice.ElbowK ? "elbow" : m.K == q.Choice.SilhouetteK ? "best silhouette" : "")));
        return frame;
    }

    public static DataFrame Quality(DataQualityAccount q)
    {
        var rows = new List<(string, long)> { ("rows in", q.RowsIn) };
        rows.AddRange(q.Removed.Select(r => ("removed: " + r.Description, r.Rows)));
        rows.Add(("rows out", q.RowsOut));
        if (q.PurchasesReduced > 0) rows.Add(("kept purchases reduced by a partial cancellation", q.PurchasesReduced));
        rows.Add(("exact duplicate rows found", q.DuplicateRowsFound));
        rows.Add(("customers", q.Customers));
        rows.Add(("invoices", q.Invoices));
        return new DataFrame(
            new StringDataFrameColumn("What", rows.Select(r => r.Item1)),
            new Int64DataFrameColumn("Rows", rows.Select(r => r.Item2)));
    }

    public static DataFrame Revenue(IReadOnlyList<RevenueLine> lines, string key) => new(
        new StringDataFrameColumn(key, lines.Select(l => l.Key)),
        new DecimalDataFrameColumn("Revenue", lines.Select(l => l.Revenue)),
        new Int64DataFrameColumn("Lines", lines.Select(l => l.Lines)),
        new Int64DataFrameColumn("Quantity", lines.Select(l => l.Quantity)));

    /// <summary>The migration as a from-by-to matrix of customers.</summary>
    public static DataFrame Migration(SegmentMigration migration)
    {
        var columns = new List<DataFrameColumn> { new StringDataFrameColumn("From \\ To", migration.From) };
        columns.AddRange(migration.To.Select(to => new Int32DataFrameColumn(to, migration.From.Select(from => migration.Count(from, to)))));
        return new DataFrame(columns);
    }

    /// <summary>A holdout check: customers, predicted and actual holdout purchases each, by calibration frequency.</summary>
    public static DataFrame Holdout(HoldoutValidation validation) => new(
        new StringDataFrameColumn("RepeatPurchasesInCalibration", validation.Groups.Select(g => g.Frequency)),
        new Int32DataFrameColumn("Customers", validation.Groups.Select(g => g.Customers)),
        new DoubleDataFrameColumn("PredictedEach", validation.Groups.Select(g => Math.Round(g.PredictedPerCustomer, 3))),
        new DoubleDataFrameColumn("ActualEach", validation.Groups.Select(g => Math.Round(g.ActualPerCustomer, 3))));

    /// <summary>Customers by lifetime value, highest first: the summary beside P(alive), expected purchases, the expected next purchase and CLV with its interval.</summary>
    public static DataFrame Values(ClvResult result, int count = 10)
    {
        var rows = result.Summary.Customers.Zip(result.Customers).OrderByDescending(p => p.Second.Clv).Take(count).ToList();
        return new DataFrame(
            new StringDataFrameColumn("CustomerID", rows.Select(r => r.First.CustomerId)),
            new Int32DataFrameColumn("Frequency", rows.Select(r => r.First.Frequency)),
            new DoubleDataFrameColumn("Recency", rows.Select(r => Math.Round(r.First.Recency, 2))),
            new DoubleDataFrameColumn("T", rows.Select(r => Math.Round(r.First.T, 2))),
            new DoubleDataFrameColumn("PAlive", rows.Select(r => Math.Round(r.Second.ProbabilityAlive, 4))),
            new DoubleDataFrameColumn("ExpectedPurchases", rows.Select(r => Math.Round(r.Second.ExpectedPurchases, 3))),
            new StringDataFrameColumn("ExpectedNextPurchase", rows.Select(r => r.Second.ExpectedNextPurchase?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
            new DoubleDataFrameColumn("PPurchase90d", rows.Select(r => Math.Round(r.Second.PurchaseWithin[^1], 4))),
            new DoubleDataFrameColumn("CLV", rows.Select(r => Math.Round(r.Second.Clv, 2))),
            new DoubleDataFrameColumn("CLVLow", rows.Select(r => Math.Round(r.Second.ClvLow, 2))),
            new DoubleDataFrameColumn("CLVHigh", rows.Select(r => Math.Round(r.Second.ClvHigh, 2))));
    }

    /// <summary>What became of each segment in a refresh, with how far its centre moved and its shift in R, F and M.</summary>
    public static DataFrame Matches(IReadOnlyList<SegmentMatch> matches) => new(
        new StringDataFrameColumn("Segment", matches.Select(m => m.Segment)),
        new StringDataFrameColumn("Status", matches.Select(m => m.Status)),
        new DoubleDataFrameColumn("CentreMovedSd", matches.Select(m => m.Distance is { } d ? Math.Round(d, 3) : (double?)null)),
        new DoubleDataFrameColumn("RecencyShift", matches.Select(m => m.Shift is { } s ? Math.Round(s[0], 1) : (double?)null)),
        new DoubleDataFrameColumn("FrequencyShift", matches.Select(m => m.Shift is { } s ? Math.Round(s[1], 2) : (double?)null)),
        new DoubleDataFrameColumn("MonetaryShift", matches.Select(m => m.Shift is { } s ? Math.Round(s[2], 0) : (double?)null)));
}
