using Segmentation.App;
using Segmentation.Clustering.Segments;
using Segmentation.Formatting;
using Segmentation.Prepare;
using Segmentation.Reporting.Charts;

namespace Segmentation.Web.Dashboard;

/// <summary>
/// What the page shows of a run, with every number already formatted (by <see cref="Display"/>, as in the reports):
/// the page places text, it computes and formats nothing.
/// </summary>
internal sealed record DashboardView
{
    public string Source { get; init; } = "";
    public string Customers { get; init; } = "";
    public int CustomerCount { get; init; }
    public string Orders { get; init; } = "";
    public string Revenue { get; init; } = "";
    public string Period { get; init; } = "";
    public string Snapshot { get; init; } = "";
    public string Method { get; init; } = "";
    public int K { get; init; }
    public int KMin { get; init; }
    public int KMax { get; init; }
    public bool Slider { get; init; }
    public int RuleK { get; init; }
    public string Rule { get; init; } = "";
    public string Reasoning { get; init; } = "";
    public IReadOnlyList<SweepRow> Sweep { get; init; } = [];
    public IReadOnlyList<ProfileRow> Profiles { get; init; } = [];
    public IReadOnlyList<QualityLine> Quality { get; init; } = [];
    public IReadOnlyList<string> Charts { get; init; } = [];
    public string Overview { get; init; } = "";

    /// <summary>Lifetime value in words, when the run has it.</summary>
    public string? ValueReading { get; init; }

    /// <summary>How far to trust the labels: agreement of the two segmentations, borderline and contradicted customers.</summary>
    public string? LabelsNote { get; init; }

    /// <summary>The contact fields of the upload when it has e-mail or phone: the page then offers audiences (null otherwise).</summary>
    public string? Audiences { get; init; }

    /// <summary>High-value customers at risk of leaving, highest value first (the report's list), when the run has lifetime value.</summary>
    public IReadOnlyList<CustomerRow>? AtRisk { get; init; }

    public static DashboardView Of(SessionRun session)
    {
        var r = session.Report;
        var h = r.Headline;
        var q = r.Quality;
        var sweep = session.Full.Sweep.Metrics;
        var ruleK = session.Full.Choice.Source == Clustering.KSource.Rule ? session.Full.Choice.K : session.Full.Choice.ElbowK;
        var slider = session.Full.KCanChange && sweep.Count > 1;
        return new DashboardView
        {
            Source = session.Source.Name,
            Customers = Display.Count(h.Customers),
            CustomerCount = h.Customers,
            Orders = Display.Count(h.Orders),
            Revenue = Display.Money(h.Revenue),
            Period = h.FirstDate is { } first && h.LastDate is { } last ? $"{Display.Date(first)} to {Display.Date(last)}" : "",
            Snapshot = Display.Date(h.Snapshot),
            Method = q.MethodName,
            K = h.K,
            KMin = sweep[0].K,
            KMax = sweep[^1].K,
            Slider = slider,
            RuleK = ruleK,
            Rule = q.Choice.Rule,
            Reasoning = q.Choice.Reasoning,
            Sweep = [.. q.Sweep.Select(m => new SweepRow(m.K, Display.Number(m.Inertia, 1), Display.Number(m.Silhouette, 3), Display.Number(m.DaviesBouldin, 3),
                Display.Number(m.CalinskiHarabasz, 0), m.Stability is { } s ? Display.Number(s, 2) : "", m.K == h.K, m.K == ruleK))],
            Profiles = [.. r.Profiles.Select(p => new ProfileRow(p.Cluster, p.Segment, Display.Count(p.Customers), Display.Percent(p.Share),
                Display.Number(p.MeanRecency, 0), Display.Number(p.MedianRecency, 0), Display.Number(p.MeanFrequency, 1), Display.Number(p.MedianFrequency, 0),
                Display.Money(p.MeanMonetary), Display.Money(p.MedianMonetary), Display.Percent(p.RevenueShare), p.Description, p.Actions, p.Priority)
            {
                MeanClv = p.MeanClv is { } m ? Display.Money(m) : null,
                ClvShare = p.ClvShare is { } s ? Display.Percent(s) : null,
                AtRisk = p.AtRisk is { } a ? Display.Count(a) : null,
            })],
            Quality = QualityWithColumns(r.DataQuality),
            Charts = ChartImages.Ids(r),
            Overview = h.Overview,
            ValueReading = r.Value?.Reading,
            LabelsNote = r.LabelsNote.Length > 0 ? r.LabelsNote : null,
            AtRisk = r.Value?.AtRisk.Select(CustomerRow.Of).ToList(),
            Audiences = session.Contacts is { } contacts ? string.Join(", ", contacts.Fields.Select(f => f.ToString().ToLowerInvariant())) : null,
        };
    }

    private static List<QualityLine> QualityWithColumns(DataQualityAccount q) =>
        [.. QualityLines.Columns(q) is { Length: > 0 } columns ? [new QualityLine("columns read", columns)] : Array.Empty<QualityLine>(), .. QualityLines.Of(q)];
}

internal sealed record SweepRow(int K, string Inertia, string Silhouette, string DaviesBouldin, string CalinskiHarabasz, string Stability, bool Shown, bool Rule);

internal sealed record ProfileRow(int Cluster, string Segment, string Customers, string Share, string MeanRecency, string MedianRecency, string MeanFrequency,
    string MedianFrequency, string MeanMonetary, string MedianMonetary, string RevenueShare, string Description, string Action, string Priority)
{
    public string? MeanClv { get; init; }
    public string? ClvShare { get; init; }
    public string? AtRisk { get; init; }
}

/// <summary>A page of the customer table.</summary>
internal sealed record CustomerPage(int Total, int Page, int PageSize, IReadOnlyList<CustomerRow> Rows);

internal sealed record CustomerRow(string CustomerId, string Segment, int Recency, int Frequency, string Monetary, string? Country, string RfmSegment, string? Clv, string? PAlive,
    string? NextPurchase)
{
    public static CustomerRow Of(CustomerSegment c) => new(c.Rfm.CustomerId, c.Segment, c.Rfm.Recency, c.Rfm.Frequency, Display.Money(c.Rfm.Monetary),
        c.Rfm.Country, c.Score.Segment, c.Value is { } v ? Display.Money(v.Clv) : null, c.Value is { } a ? Display.Percent(a.ProbabilityAlive) : null,
        c.Value is { } n ? Display.NextPurchase(n.ExpectedNextPurchase) : null);
}
