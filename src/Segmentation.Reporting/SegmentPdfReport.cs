using Segmentation.Formatting;
using Segmentation.Pipeline;
using Segmentation.Reporting.Charts;
using Segmentation.Refresh;
using Segmentation.Reporting.Pdf;

namespace Segmentation.Reporting;

/// <summary>The stakeholder PDF: its code is its table of contents.</summary>
public static class SegmentPdfReport
{
    /// <param name="refresh">When the run refreshes a previous one: adds "What changed since the last run".</param>
    public static ReportDocument Compose(SegmentationRun run, ReportOptions? options = null, RefreshResult? refresh = null)
    {
        options ??= ReportOptions.Default;
        var doc = new ReportDocument(options.Title, $"Data: {Path.GetFileName(run.Quality.Source)}", $"Run {Display.Date(options.RunDate)}");
        var money = (decimal v) => Display.Currency(v, options.Currency);
        doc.Section("Executive summary", d => ExecutiveSummary(d, run, money));
        if (refresh is not null) doc.Section("What changed since the last run", d => Changes(d, refresh));
        return doc
            .Section("Segment profiles", d => SegmentProfiles(d, run, money))
            .Section("Strategy", d => Strategy(d, run))
            .Section("Model quality", d => ModelQuality(d, run))
            .Section("Charts", d => Charts(d, run))
            .Section("RFM score segments", d => ScoreSegments(d, run, money))
            .Section("Data quality", d => DataQuality(d, run, money))
            .Section("Method", d => Method(d, run));
    }

    public static RenderedPdf Write(SegmentationRun run, string path, ReportOptions? options = null, RefreshResult? refresh = null)
    {
        RenderedPdf? rendered = null;
        Output.AtomicFile.Write(path, stream => rendered = PdfRenderer.Render(Compose(run, options, refresh), stream));
        return rendered!;
    }

    private static void Changes(ReportDocument d, RefreshResult refresh)
    {
        var drift = refresh.Drift;
        d.Paragraph(drift.RefitRecommended
            ? "Refit recommended: " + string.Join("; ", drift.Reasons) + "."
            : "The segments still hold: every drift measure is within its threshold.");
        d.Heading("Biggest movements");
        foreach (var m in refresh.Movements) d.Paragraph("- " + m + ".");
        d.Heading("Drift");
        d.Table([new("Measure", 2.5f), new("Value", 1, Align.Right), new("Reading", 3)],
        [
            ["Population stability of recency", Display.Number(drift.PsiRecency, 3), Psi(drift.PsiRecency)],
            ["Population stability of frequency", Display.Number(drift.PsiFrequency, 3), Psi(drift.PsiFrequency)],
            ["Population stability of monetary", Display.Number(drift.PsiMonetary, 3), Psi(drift.PsiMonetary)],
            ["Population stability of segment shares", Display.Number(drift.PsiSegmentShares, 3), Psi(drift.PsiSegmentShares)],
            ["Adjusted Rand index, previous model vs now", Display.Number(drift.AdjustedRandIndex, 3), "1 = the same customers belong together; 0 = no more than chance"],
        ]);
        d.Heading("Segments then and now");
        d.Table([new("Segment", 1.5f), new("Status", 0.8f), new("Centre moved (sd)", 1, Align.Right), new("Recency shift (days)", 1, Align.Right), new("Frequency shift", 1, Align.Right), new("Monetary shift", 1, Align.Right)],
            drift.Matches.Select(m => (IReadOnlyList<string>)[m.Segment, m.Status, m.Distance is { } x ? Display.Number(x, 2) : "",
                m.Shift is { } s ? Display.Number(s[0], 1) : "", m.Shift is { } f ? Display.Number(f[1], 2) : "", m.Shift is { } mo ? Display.Number(mo[2], 0) : ""]));
        d.Heading("Migration (customers, rows: before, columns: now)");
        var columns = new List<TableColumn> { new("Before \\ now", 1.4f) };
        columns.AddRange(refresh.Migration.To.Select(t => new TableColumn(t, 1, Align.Right)));
        d.Table(columns, refresh.Migration.From.Select(from =>
        {
            var row = new List<string> { from };
            row.AddRange(refresh.Migration.To.Select(to => Display.Count(refresh.Migration.Count(from, to))));
            return (IReadOnlyList<string>)row;
        }));
    }

    private static string Psi(double psi) => psi < 0.1 ? "stable (< 0.1)" : psi < 0.25 ? "moderate shift (0.1 to 0.25)" : "large shift (> 0.25)";

    private static void ExecutiveSummary(ReportDocument d, SegmentationRun run, Func<decimal, string> money)
    {
        var q = run.Quality;
        d.KeyFigures(
            new KeyFigure("Customers", Display.Count(run.Rfm.Count)),
            new KeyFigure("Revenue", money(q.Revenue)),
            new KeyFigure("Period", q.FirstDate is { } f && q.LastDate is { } l ? $"{Display.Date(f)} to {Display.Date(l)}" : "n/a"),
            new KeyFigure("Segments", run.Choice.K.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        d.Paragraph($"{Display.Count(run.Rfm.Count)} customers placed {Display.Count(q.Invoices)} orders worth {money(q.Revenue)} in this period. " +
                    $"They fall into {run.Choice.K} segments by how recently, how often and how much they buy.");
        d.Paragraph("Why " + run.Choice.K + " segments: " + run.Choice.Reasoning);
        d.Heading("The segments at a glance");
        d.Table(
            [new("Segment", 1.3f), new("Customers", 0.8f, Align.Right), new("Share of customers", 0.8f, Align.Right), new("Share of revenue", 0.8f, Align.Right), new("Headline action", 3.2f)],
            run.Profiles.Select(p => (IReadOnlyList<string>)[p.Segment, Display.Count(p.Customers), Display.Percent(p.Share), Display.Percent(p.RevenueShare), Headline(p.Actions)]));
        var top = run.Profiles.OrderByDescending(p => p.RevenueShare).First();
        d.Paragraph($"{top.Segment} ({Display.Percent(top.Share)} of customers) bring {Display.Percent(top.RevenueShare)} of revenue.");
        d.Chart(ChartIds.Revenue, 170, "Share of revenue by segment.", PdfCharts.RevenueBySegment(run));
    }

    private static void SegmentProfiles(ReportDocument d, SegmentationRun run, Func<decimal, string> money)
    {
        var overall = run.Rfm.Medians();
        var overallMean = (run.Rfm.Customers.Average(c => c.Recency), run.Rfm.Customers.Average(c => c.Frequency), run.Rfm.Customers.Average(c => (double)c.Monetary));
        d.Note("Each segment against all customers. Recency is days since the last purchase (lower is better); frequency is orders; monetary is total spend.");
        foreach (var p in run.Profiles)
        {
            d.Heading($"{p.Segment}: {Display.Count(p.Customers)} customers");
            d.Paragraph(p.Description);
            d.KeyFigures(
                new KeyFigure("Share of customers", Display.Percent(p.Share)),
                new KeyFigure("Share of revenue", Display.Percent(p.RevenueShare)),
                new KeyFigure("Revenue", money(p.Revenue)),
                new KeyFigure("Priority", p.Priority));
            d.Table(
                [new("Measure", 1.4f), new("Segment mean", 1, Align.Right), new("Segment median", 1, Align.Right), new("All customers mean", 1, Align.Right), new("All customers median", 1, Align.Right)],
                [
                    ["Recency (days)", Display.Number(p.MeanRecency, 0), Display.Number(p.MedianRecency, 0), Display.Number(overallMean.Item1, 0), Display.Number(overall.Recency, 0)],
                    ["Frequency (orders)", Display.Number(p.MeanFrequency, 1), Display.Number(p.MedianFrequency, 0), Display.Number(overallMean.Item2, 1), Display.Number(overall.Frequency, 0)],
                    ["Monetary", money((decimal)p.MeanMonetary), money((decimal)p.MedianMonetary), money((decimal)overallMean.Item3), money((decimal)overall.Monetary)],
                ]);
            d.Paragraph("Top countries: " + string.Join(", ", p.TopCountries.Select(c => $"{c.Country} ({Display.Count(c.Customers)})")) + ".");
            d.Paragraph("Strategy: " + p.Actions);
            d.Chart(ChartIds.SegmentIndex(p.Cluster), 110, $"{p.Segment}: medians as a percentage of all customers' medians.", PdfCharts.SegmentIndex(run, p));
        }
    }

    private static void Strategy(ReportDocument d, SegmentationRun run)
    {
        d.Paragraph("What to do with each segment, in order of value. Priority weighs the revenue at stake and how soon it may be lost.");
        d.Table(
            [new("Segment", 1.2f), new("Who they are", 2.2f), new("Recommended actions", 3f), new("Priority", 0.7f)],
            run.Profiles.Select(p => (IReadOnlyList<string>)[p.Segment, p.Description, p.Actions, p.Priority]));
    }

    private static void ModelQuality(ReportDocument d, SegmentationRun run)
    {
        d.Paragraph(run.Choice.Reasoning);
        d.Note("Rule: " + run.Choice.Rule);
        d.Chart(ChartIds.Elbow, 200, "Inertia by k: the elbow (dashed) and the chosen k (circle).", PdfCharts.Elbow(run));
        d.Chart(ChartIds.Silhouette, 150, "Silhouette by k (higher is better).", PdfCharts.MetricByK(run, m => m.Silhouette, "Silhouette"));
        var sil = run.Sweep.Silhouette;
        d.Table(
            [new("k", 0.4f, Align.Right), new("Inertia", 1, Align.Right), new("Silhouette", 1, Align.Right), new("Davies-Bouldin", 1, Align.Right), new("Calinski-Harabasz", 1, Align.Right), new("", 0.8f)],
            run.Sweep.Metrics.Select(m => (IReadOnlyList<string>)[
                m.K.ToString(System.Globalization.CultureInfo.InvariantCulture), Display.Number(m.Inertia, 1), Display.Number(m.Silhouette, 4),
                Display.Number(m.DaviesBouldin, 4), Display.Number(m.CalinskiHarabasz, 1), m.K == run.Choice.K ? "chosen" : m.K == run.Choice.ElbowK ? "elbow" : ""]));
        d.Note($"Silhouette: {(sil.Sampled ? $"on a random sample of {Display.Count(sil.SampleSize)} customers (seed {sil.Seed})" : $"exact, over all {Display.Count(sil.SampleSize)} customers")}. " +
               (run.Sweep.FitOn.Sampled ? $"The k-means fits ran on a random sample of {Display.Count(run.Sweep.FitOn.SampleSize)} customers (seed {run.Sweep.FitOn.Seed}); every customer was then assigned to the nearest centre. " : "") +
               "Davies-Bouldin: lower is better. Calinski-Harabasz: higher is better.");
        d.Chart(ChartIds.DaviesBouldin, 150, "Davies-Bouldin by k (lower is better).", PdfCharts.MetricByK(run, m => m.DaviesBouldin, "Davies-Bouldin"));
        d.Chart(ChartIds.CalinskiHarabasz, 150, "Calinski-Harabasz by k (higher is better).", PdfCharts.MetricByK(run, m => m.CalinskiHarabasz, "Calinski-Harabasz"));
    }

    private static void Charts(ReportDocument d, SegmentationRun run)
    {
        d.Chart(ChartIds.Sizes, 170, "Customers by segment.", PdfCharts.SegmentSizes(run));
        d.Chart(ChartIds.Revenue, 170, "Share of revenue by segment.", PdfCharts.RevenueBySegment(run));
        d.Chart(ChartIds.Box("Recency"), 170, "Recency by segment: boxes span the middle half of customers, whiskers 5% to 95%, the line is the median.", PdfCharts.Distribution(run, "Recency"));
        d.Chart(ChartIds.Box("Frequency"), 170, "Frequency by segment (log10 scale).", PdfCharts.Distribution(run, "Frequency"));
        d.Chart(ChartIds.Box("Monetary"), 170, "Monetary by segment (log10 scale).", PdfCharts.Distribution(run, "Monetary"));
        d.Chart(ChartIds.Scatter, 330, "Every customer by orders and spend (log10 scales), coloured by segment.", PdfCharts.FrequencyVsMonetary(run));
    }

    private static void ScoreSegments(ReportDocument d, SegmentationRun run, Func<decimal, string> money)
    {
        d.Paragraph("Beside the clusters, each customer gets R, F and M scores from 1 to 5 by quintile (5 is best) and one of the 11 standard RFM segments of its score code. The two views agree where a cluster is mostly one score segment.");
        d.Table(
            [new("Score segment", 1.5f), new("Customers", 1, Align.Right), new("Share", 0.8f, Align.Right), new("Revenue", 1.2f, Align.Right), new("Share of revenue", 1, Align.Right)],
            run.ScoreProfiles.Select(s => (IReadOnlyList<string>)[s.Segment, Display.Count(s.Customers), Display.Percent(s.Share), money(s.Revenue), Display.Percent(s.RevenueShare)]));
        d.Heading("How the score segments cross the clusters (customers)");
        var clusters = run.Profiles;
        var columns = new List<TableColumn> { new("Score segment", 1.6f) };
        columns.AddRange(clusters.Select(c => new TableColumn(c.Segment, 1, Align.Right)));
        d.Table(columns, run.ScoreProfiles.Select(s =>
        {
            var row = new List<string> { s.Segment };
            row.AddRange(clusters.Select(c => Display.Count(run.Customers.Count(x => x.Cluster == c.Cluster && x.Score.Segment == s.Segment))));
            return (IReadOnlyList<string>)row;
        }));
    }

    private static void DataQuality(ReportDocument d, SegmentationRun run, Func<decimal, string> money)
    {
        var q = run.Quality;
        d.Paragraph($"Every row of {Path.GetFileName(q.Source)} is accounted for: it was kept, or removed by the first rule that applies to it.");
        var rows = new List<IReadOnlyList<string>> { new[] { "Rows read", Display.Count(q.RowsIn) } };
        rows.AddRange(q.Removed.Select(r => (IReadOnlyList<string>)[$"Removed: {r.Description}", Display.Count(r.Rows)]));
        rows.Add(["Rows kept", Display.Count(q.RowsOut)]);
        rows.Add([$"Exact duplicate rows ({(q.DuplicatesDropped ? "removed" : "kept")})", Display.Count(q.DuplicateRowsFound)]);
        rows.Add(["Customers", Display.Count(q.Customers)]);
        rows.Add(["Invoices", Display.Count(q.Invoices)]);
        rows.Add(["Revenue", money(q.Revenue)]);
        if (q.InputFirstDate is { } a && q.InputLastDate is { } b) rows.Add(["Dates in the file", $"{Display.DateTime(a)} to {Display.DateTime(b)}"]);
        if (q.FirstDate is { } f && q.LastDate is { } l) rows.Add(["Dates kept", $"{Display.DateTime(f)} to {Display.DateTime(l)}"]);
        d.Table([new("", 3), new("", 1.5f, Align.Right)], rows, boldRow: q.Removed.Count + 1);
    }

    private static void Method(ReportDocument d, SegmentationRun run)
    {
        var o = run.Options.Clustering;
        d.Paragraph($"Recency is the number of whole days from a customer's last purchase to the snapshot date, {Display.Date(run.Rfm.Snapshot)} (the day after the last purchase in the data unless set). Frequency is the number of distinct invoices. Monetary is the sum of quantity times unit price over the kept rows.");
        d.Paragraph(run.Scaler.Log1p
            ? "The three measures are log-transformed (log(1 + x)), because a few customers buy far more than the rest, and then standardised to mean 0 and standard deviation 1."
            : "The three measures are standardised to mean 0 and standard deviation 1 (no log transform).");
        d.Paragraph($"Segments come from k-means clustering (ML.NET, k-means++ initialisation) for k = {run.Sweep.Metrics[0].K} to {run.Sweep.Metrics[^1].K}, {run.Sweep.Restarts} runs per k with seeds {run.Sweep.Seed} to {run.Sweep.Seed + run.Sweep.Restarts - 1}, keeping the run with the lowest inertia. The same seed gives the same segments.");
        d.Paragraph("Segments are named by matching each cluster's centre (how recent, how valuable) to the profile of each standard segment name; Champions requires the best recency, frequency and spend of all segments.");
        d.Paragraph("Versions: " + string.Join(", ", run.Model.Versions.Select(v => $"{v.Key} {v.Value}")) + $". Seed {o.Seed}.");
    }

    /// <summary>The first sentence of an action list: what fits in a summary row.</summary>
    private static string Headline(string actions) => actions.Split(';', '.')[0].Trim() + ".";
}
