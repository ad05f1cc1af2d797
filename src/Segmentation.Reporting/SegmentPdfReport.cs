using System.Globalization;
using Segmentation.Clustering;
using Segmentation.Clustering.Segments;
using Segmentation.Formatting;
using Segmentation.IO;
using Segmentation.Lifetime;
using Segmentation.Lifetime.Diagnostics;
using Segmentation.Report;
using Segmentation.Reporting.Charts;
using Segmentation.Reporting.Pdf;

namespace Segmentation.Reporting;

/// <summary>The stakeholder PDF: its code is its table of contents. It formats the report model and computes nothing.</summary>
public static class SegmentPdfReport
{
    public static ReportDocument Compose(ReportModel report)
    {
        var doc = new ReportDocument(report.Settings.Title, $"Data: {report.Source}", $"Run {Display.Date(report.Settings.RunDate)}");
        var money = (decimal v) => Display.Currency(v, report.Settings.Currency ?? "");
        doc.Section("Executive summary", d => ExecutiveSummary(d, report, money));
        if (report.Changes is { } changes) doc.Section("What changed since the last run", d => Changes(d, changes));
        doc.Section("Segment profiles", d => SegmentProfiles(d, report, money))
            .Section("Strategy", d => Strategy(d, report))
            .Section("Model quality", d => ModelQuality(d, report));
        if (report.Methods is { } methods) doc.Section("Methods compared", d => MethodsCompared(d, report, methods));
        if (report.Value is { } value) doc.Section("Lifetime value", d => LifetimeValue(d, report, value, money));
        return doc
            .Section("Charts", d => Charts(d, report))
            .Section("RFM score segments", d => ScoreSegments(d, report, money))
            .Section("Data quality", d => DataQuality(d, report, money))
            .Section("Method", d => Method(d, report));
    }

    private static void LifetimeValue(ReportDocument d, ReportModel r, ValueReport value, Func<decimal, string> money)
    {
        d.Paragraph(value.Reading);
        TableColumn[] bySegment = [new("Segment", 3), new("Customers", 1.4f, Align.Right), new($"Mean CLV ({value.HorizonMonths} months)", 2, Align.Right),
            new("Share of CLV", 1.5f, Align.Right), new("At risk", 1.2f, Align.Right)];
        d.Table(bySegment, r.Profiles.Select(p => (IReadOnlyList<string>)[p.Segment, Display.Count(p.Customers), money((decimal)(p.MeanClv ?? 0)),
            Display.Percent(p.ClvShare ?? 0), Display.Count(p.AtRisk ?? 0)]));
        d.Chart(ChartIds.AliveByRecency, 220, $"{r.PlottedWho} by the probability of still being a customer against the days since the last purchase.", PdfCharts.AliveByRecency(r));
        d.Heading("The customers worth most");
        TableColumn[] customers = [new("Customer", 1.6f), new("Segment", 2.4f), new("CLV", 1.8f, Align.Right), new("80% interval", 3, Align.Right), new("P(alive)", 1.3f, Align.Right),
            new("Next purchase", 1.9f, Align.Right)];
        IReadOnlyList<string> Row(CustomerSegment c) => [c.Rfm.CustomerId, c.Segment, money((decimal)c.Value!.Clv),
            $"{money((decimal)c.Value.ClvLow)} to {money((decimal)c.Value.ClvHigh)}", Display.Percent(c.Value.ProbabilityAlive), Display.NextPurchase(c.Value.ExpectedNextPurchase)];
        d.Table(customers, value.Top.Select(Row));
        d.Heading("High value, at risk of leaving");
        if (value.AtRisk.Count == 0) d.Note(value.SeesLittleChurn ? "None: the model sees almost no churn (above), so no one is flagged." : "None: every customer of high value is likely still a customer.");
        else d.Table(customers, value.AtRisk.Select(Row));
        if (value.Validation is { } v)
        {
            d.Heading("Checked on a holdout period");
            d.Paragraph($"Fitted on purchases to the end of the calibration period, the model predicted {Display.Number(v.Predicted, 0)} repeat purchases in the following {Display.Number(v.Length, 0)} {v.Unit.ToString().ToLowerInvariant()}; the customers made {Display.Count(v.Actual)} ({Display.Percent(v.RelativeError)}). "
                + $"Per customer it was off by {Display.Number(v.MeanAbsoluteError, 3)} purchases on average (mean absolute error; root mean squared error {Display.Number(v.RootMeanSquaredError, 3)}, which weighs the large misses more).");
            d.Table([new("Repeat purchases in calibration", 3), new("Customers", 1.4f, Align.Right), new("Predicted each", 1.6f, Align.Right), new("Actual each", 1.6f, Align.Right),
                    new("Mean abs. error", 1.7f, Align.Right), new("RMS error", 1.5f, Align.Right)],
                v.Groups.Select(g => (IReadOnlyList<string>)[g.Frequency, Display.Count(g.Customers), Display.Number(g.PredictedPerCustomer, 3), Display.Number(g.ActualPerCustomer, 3),
                    Display.Number(g.MeanAbsoluteError, 3), Display.Number(g.RootMeanSquaredError, 3)]));
            d.Chart(ChartIds.Holdout, 180, "Holdout purchases per customer, predicted and actual, by purchases in the calibration period.", PdfCharts.Holdout(r));
        }
        if (value.Comparison is { } comparison) ModelsCompared(d, comparison);
        if (value.Diagnostics is { } diagnostics) Diagnostics(d, diagnostics);
    }

    /// <summary>The field's diagnostic plots of the purchase model, each with what to look for.</summary>
    private static void Diagnostics(ReportDocument d, PurchaseDiagnostics diagnostics)
    {
        d.Heading($"How well {diagnostics.Model} fits");
        foreach (var id in ChartImages.DiagnosticIds(diagnostics))
        {
            d.Chart(id, DiagnosticHeight(id), DiagnosticCaptions.Of(id, diagnostics), ChartImages.Diagnostic(id, diagnostics)!);
        }
        if (diagnostics.Dropout is null) d.Note($"{diagnostics.Model} found no dropout here: every customer's P(alive) is 1, so there is no P(alive) matrix or distribution of leaving to draw.");
    }

    private static float DiagnosticHeight(string id) => id is ChartIds.ExpectedMatrix or ChartIds.AliveMatrix ? 210 : id is ChartIds.PurchaseRates or ChartIds.Dropout ? 150 : 180;

    /// <summary>The purchase models fitted on the calibration period, side by side, and the one kept with the reason.</summary>
    private static void ModelsCompared(ReportDocument d, ModelComparison comparison)
    {
        d.Heading("Purchase models compared");
        d.Paragraph("Each model was fitted on the calibration period. A higher log-likelihood fits the calibration purchases better; BIC charges for each parameter "
            + "(lower is better); the holdout columns say how each predicted the purchases it did not see.");
        d.Table([new("Model", 1.8f), new("Log-likelihood", 1.9f, Align.Right), new("BIC", 1.7f, Align.Right), new("Holdout predicted", 1.9f, Align.Right),
                new("Error", 1.2f, Align.Right), new("Mean abs. error", 1.7f, Align.Right), new("RMS error", 1.4f, Align.Right)],
            comparison.Models.Select(m => (IReadOnlyList<string>)(m.Failure is { } failure
                ? [m.Model, "not fitted", "–", "–", "–", "–", "–"]
                : [m.Model, Display.Number(m.LogLikelihood, 1), Display.Number(m.Bic, 1),
                    m.Holdout is { } h ? $"{Display.Number(h.Predicted, 0)} of {Display.Count(h.Actual)}" : "–",
                    m.Holdout is { } e ? Display.Percent(e.RelativeError) : "–",
                    m.Holdout is { } a ? Display.Number(a.MeanAbsoluteError, 3) : "–",
                    m.Holdout is { } q ? Display.Number(q.RootMeanSquaredError, 3) : "–"])));
        d.Paragraph(comparison.Reason[..1].ToUpperInvariant() + comparison.Reason[1..] + ".");
        foreach (var m in comparison.Models.Where(m => m.Failure is not null)) d.Note($"{m.Model} was not fitted: {m.Failure}");
    }

    public static RenderedPdf Write(ReportModel report, string path)
    {
        RenderedPdf? rendered = null;
        AtomicFile.Write(path, stream => rendered = PdfRenderer.Render(Compose(report), stream));
        return rendered!;
    }

    private static void Changes(ReportDocument d, Changes changes)
    {
        d.Paragraph(changes.Verdict);
        d.Heading("Biggest movements");
        foreach (var m in changes.Movements) d.Paragraph("- " + m + ".");
        d.Heading("Drift");
        d.Table([new("Measure", 2.5f), new("Value", 1, Align.Right), new("Reading", 3)],
            changes.Drift.Select(r => (IReadOnlyList<string>)[r.Measure, Display.Number(r.Value, 3), r.Reading]));
        d.Heading("Segments then and now");
        d.Table([new("Segment", 1.5f), new("Status", 0.8f), new("Centre moved (sd)", 1, Align.Right), new("Recency shift (days)", 1, Align.Right), new("Frequency shift", 1, Align.Right), new("Monetary shift", 1, Align.Right)],
            changes.Segments.Select(m => (IReadOnlyList<string>)[m.Segment, m.Status, m.Distance is { } x ? Display.Number(x, 2) : "",
                m.Shift is { } s ? Display.Number(s[0], 1) : "", m.Shift is { } f ? Display.Number(f[1], 2) : "", m.Shift is { } mo ? Display.Number(mo[2], 0) : ""]));
        d.Heading("Migration (customers, rows: before, columns: now)");
        var migration = changes.Migration;
        var columns = new List<TableColumn> { new("Before \\ now", 1.4f) };
        columns.AddRange(migration.To.Select(t => new TableColumn(t, 1, Align.Right)));
        d.Table(columns, migration.From.Select(from =>
        {
            var row = new List<string> { from };
            row.AddRange(migration.To.Select(to => Display.Count(migration.Count(from, to))));
            return (IReadOnlyList<string>)row;
        }));
    }

    private static void ExecutiveSummary(ReportDocument d, ReportModel r, Func<decimal, string> money)
    {
        var h = r.Headline;
        d.KeyFigures(
            new KeyFigure("Customers", Display.Count(h.Customers)),
            new KeyFigure("Revenue", money(h.Revenue)),
            new KeyFigure("Period", h.FirstDate is { } f && h.LastDate is { } l ? $"{Display.Date(f)} to {Display.Date(l)}" : "n/a"),
            new KeyFigure("Segments", h.K.ToString(CultureInfo.InvariantCulture)));
        d.Paragraph(h.Overview);
        d.Paragraph("Why " + h.K.ToString(CultureInfo.InvariantCulture) + " segments: " + h.KReasoning);
        d.Heading("The segments at a glance");
        d.Table(
            [new("Segment", 1.3f), new("Customers", 0.8f, Align.Right), new("Share of customers", 0.8f, Align.Right), new("Share of revenue", 0.8f, Align.Right), new("Headline action", 3.2f)],
            r.Profiles.Select(p => (IReadOnlyList<string>)[p.Segment, Display.Count(p.Customers), Display.Percent(p.Share), Display.Percent(p.RevenueShare), Headline(p.Actions)]));
        d.Paragraph(h.TopSegment);
        d.Chart(ChartIds.Revenue, 170, "Share of revenue by segment.", PdfCharts.RevenueBySegment(r));
    }

    private static void SegmentProfiles(ReportDocument d, ReportModel r, Func<decimal, string> money)
    {
        var o = r.Overall;
        string Money(double value) => double.IsNaN(value) ? Display.Number(value) : money((decimal)value);
        d.Note("Each segment against all customers. Recency is days since the last purchase (lower is better); frequency is orders; monetary is total spend.");
        foreach (var p in r.Profiles)
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
                    ["Recency (days)", Display.Number(p.MeanRecency, 0), Display.Number(p.MedianRecency, 0), Display.Number(o.MeanRecency, 0), Display.Number(o.MedianRecency, 0)],
                    ["Frequency (orders)", Display.Number(p.MeanFrequency, 1), Display.Number(p.MedianFrequency, 0), Display.Number(o.MeanFrequency, 1), Display.Number(o.MedianFrequency, 0)],
                    ["Monetary", Money(p.MeanMonetary), Money(p.MedianMonetary), Money(o.MeanMonetary), Money(o.MedianMonetary)],
                ]);
            d.Paragraph("Top countries: " + string.Join(", ", p.TopCountries.Select(c => $"{c.Country} ({Display.Count(c.Customers)})")) + ".");
            if (p.ConfidentShare is { } confident && p.MeanProbability is { } mean)
            {
                d.Paragraph($"How sure: {Display.Percent(confident)} of its customers are assigned to it with probability at least {Display.Number(SegmentProfile.ConfidentProbability, 1)} (mean probability {Display.Number(mean, 2)}); the rest lie between it and another segment.");
            }
            d.Paragraph("Strategy: " + p.Actions);
            // A mixture's component or DBSCAN's noise can hold no customer: it has no medians to chart.
            if (p.Customers == 0) continue;
            d.Chart(ChartIds.SegmentIndex(p.Cluster), 110, $"{p.Segment}: medians as a percentage of all customers' medians.", PdfCharts.SegmentIndex(r, p));
        }
    }

    private static void Strategy(ReportDocument d, ReportModel r)
    {
        d.Paragraph("What to do with each segment, in order of value. Priority weighs the revenue at stake and how soon it may be lost.");
        d.Table(
            [new("Segment", 1.2f), new("Who they are", 2.2f), new("Recommended actions", 3f), new("Priority", 0.7f)],
            r.Profiles.Select(p => (IReadOnlyList<string>)[p.Segment, p.Description, p.Actions, p.Priority]));
    }

    private static void ModelQuality(ReportDocument d, ReportModel r)
    {
        var q = r.Quality;
        d.Paragraph(q.Choice.Reasoning);
        d.Note("Rule: " + q.Choice.Rule);
        if (q.Density is not null)
        {
            d.Chart(ChartIds.KDistance, 200, "Each customer's distance to its nearest neighbours, farthest first: customers above eps (dashed) are core to no dense group.", PdfCharts.KDistance(r));
            SweepTable(d, q);
            d.Note(q.SamplingNote);
            return;
        }
        if (q.HasInformationCriteria)
        {
            d.Chart(ChartIds.InformationCriteria, 200, "BIC and AIC by k (lower is better) and the chosen k (circle).", PdfCharts.InformationCriteria(r));
        }
        else
        {
            d.Chart(ChartIds.Elbow, 200, "Inertia by k: the elbow (dashed) and the chosen k (circle).", PdfCharts.Elbow(r));
        }
        d.Chart(ChartIds.Silhouette, 150, "Silhouette by k (higher is better).", PdfCharts.MetricByK(r, m => m.Silhouette, "Silhouette"));
        SweepTable(d, q);
        d.Note(q.SamplingNote);
        d.Chart(ChartIds.DaviesBouldin, 150, "Davies-Bouldin by k (lower is better).", PdfCharts.MetricByK(r, m => m.DaviesBouldin, "Davies-Bouldin"));
        d.Chart(ChartIds.CalinskiHarabasz, 150, "Calinski-Harabasz by k (higher is better).", PdfCharts.MetricByK(r, m => m.CalinskiHarabasz, "Calinski-Harabasz"));
    }

    private static void MethodsCompared(ReportDocument d, ReportModel r, IReadOnlyList<MethodSummary> methods)
    {
        d.Paragraph(r.MethodsVerdict ?? "");
        d.Table(
            [new("Method", 1.1f), new("Segments", 0.7f, Align.Right), new("Silhouette", 0.8f, Align.Right), new("Davies-Bouldin", 0.9f, Align.Right), new("Calinski-Harabasz", 1f, Align.Right), new("Agreement", 0.8f, Align.Right), new("", 0.6f)],
            methods.Select(m => (IReadOnlyList<string>)[
                m.Name, m.K.ToString(CultureInfo.InvariantCulture), Display.Number(m.Silhouette, 4), Display.Number(m.DaviesBouldin, 4),
                Display.Number(m.CalinskiHarabasz, 1), Display.Number(m.Agreement, 2), m.Chosen ? "used" : ""]));
        foreach (var m in methods)
        {
            d.Paragraph($"{m.Name}: " + string.Join(", ", m.Segments) + ". " + m.Reasoning);
        }
        d.Note("Agreement: the adjusted Rand index between each method's segments and the segments used. DBSCAN's indices leave its unclustered customers out; its segments count them as one group.");
    }

    /// <summary>The indices by k, with a mixture's BIC and AIC when it has them.</summary>
    private static void SweepTable(ReportDocument d, ModelQuality q)
    {
        var criteria = q.HasInformationCriteria;
        // Seven figures a row with the criteria: the widest header gets the room it needs on one line.
        List<TableColumn> columns = [new("k", 0.4f, Align.Right), new("Inertia", 1, Align.Right), new("Silhouette", 1, Align.Right), new("Davies-Bouldin", 1, Align.Right), new("Calinski-Harabasz", criteria ? 1.3f : 1, Align.Right)];
        if (criteria) columns.AddRange([new("BIC", 1, Align.Right), new("AIC", 1, Align.Right)]);
        columns.Add(new("", 0.8f));
        d.Table(columns, q.Sweep.Select(m =>
        {
            List<string> row = [m.K.ToString(CultureInfo.InvariantCulture), Display.Number(m.Inertia, 1), Display.Number(m.Silhouette, 4), Display.Number(m.DaviesBouldin, 4), Display.Number(m.CalinskiHarabasz, 1)];
            if (criteria) row.AddRange([Display.Number(m.Bic ?? double.NaN, 0), Display.Number(m.Aic ?? double.NaN, 0)]);
            row.Add(m.K == q.Choice.K ? "chosen" : m.K == q.Choice.ElbowK ? "elbow" : "");
            return (IReadOnlyList<string>)row;
        }));
    }

    private static void Charts(ReportDocument d, ReportModel r)
    {
        d.Chart(ChartIds.Sizes, 170, "Customers by segment.", PdfCharts.SegmentSizes(r));
        d.Chart(ChartIds.Revenue, 170, "Share of revenue by segment.", PdfCharts.RevenueBySegment(r));
        foreach (var boxes in r.Distributions)
        {
            d.Chart(ChartIds.Box(boxes.Feature), 170, BoxCaption(boxes), PdfCharts.Distribution(boxes));
        }
        d.Chart(ChartIds.Scatter, 330, $"{r.PlottedWho} by orders and spend (log scales), coloured by segment.", PdfCharts.FrequencyVsMonetary(r));
    }

    /// <summary>The one caption of a box plot, shared with the HTML report.</summary>
    internal static string BoxCaption(FeatureBoxes boxes) =>
        $"{boxes.Feature} by segment{(boxes.LogScale ? " (log scale)" : "")}: {boxes.WhiskerRule}.";

    private static void ScoreSegments(ReportDocument d, ReportModel r, Func<decimal, string> money)
    {
        d.Paragraph("Beside the clusters, each customer gets R, F and M scores from 1 to 5 by quintile (5 is best) and one of the 11 standard RFM segments of its score code. The two views agree where a cluster is mostly one score segment.");
        if (r.LabelsNote.Length > 0) d.Paragraph(r.LabelsNote);
        d.Table(
            [new("Score segment", 1.5f), new("Customers", 1, Align.Right), new("Share", 0.8f, Align.Right), new("Revenue", 1.2f, Align.Right), new("Share of revenue", 1, Align.Right)],
            r.ScoreSegments.Select(s => (IReadOnlyList<string>)[s.Segment, Display.Count(s.Customers), Display.Percent(s.Share), money(s.Revenue), Display.Percent(s.RevenueShare)]));
        d.Heading("How the score segments cross the clusters (customers)");
        var tab = r.ScoreSegmentsByCluster;
        var columns = new List<TableColumn> { new("Score segment", 1.6f) };
        columns.AddRange(tab.Columns.Select(c => new TableColumn(c, 1, Align.Right)));
        d.Table(columns, tab.Rows.Select((name, i) => (IReadOnlyList<string>)[name, .. tab.Counts[i].Select(n => Display.Count(n))]));
    }

    private static void DataQuality(ReportDocument d, ReportModel r, Func<decimal, string> money)
    {
        var q = r.DataQuality;
        d.Paragraph($"Every row of {r.Source} is accounted for: it was kept, or removed by the first rule that applies to it."
            + (App.QualityLines.Columns(q) is { Length: > 0 } columns ? $" Columns read: {columns}." : ""));
        var rows = new List<IReadOnlyList<string>> { new[] { "Rows read", Display.Count(q.RowsIn) } };
        rows.AddRange(q.Removed.Select(x => (IReadOnlyList<string>)[$"Removed: {x.Description}", Display.Count(x.Rows)]));
        rows.Add(["Rows kept", Display.Count(q.RowsOut)]);
        if (q.PurchasesReduced > 0) rows.Add(["Kept purchases reduced by a partial cancellation", Display.Count(q.PurchasesReduced)]);
        rows.Add([$"Exact duplicate rows ({(q.DuplicatesDropped ? "removed" : "kept")})", Display.Count(q.DuplicateRowsFound)]);
        rows.Add(["Customers", Display.Count(q.Customers)]);
        rows.Add(["Invoices", Display.Count(q.Invoices)]);
        rows.Add(["Revenue", money(q.Revenue)]);
        if (q.InputFirstDate is { } a && q.InputLastDate is { } b) rows.Add(["Dates in the file", $"{Display.DateTime(a)} to {Display.DateTime(b)}"]);
        if (q.FirstDate is { } f && q.LastDate is { } l) rows.Add(["Dates kept", $"{Display.DateTime(f)} to {Display.DateTime(l)}"]);
        d.Table([new("", 3), new("", 1.5f, Align.Right)], rows, boldRow: q.Removed.Count + 1);
    }

    private static void Method(ReportDocument d, ReportModel r)
    {
        foreach (var paragraph in r.Method) d.Paragraph(paragraph);
    }

    /// <summary>The first sentence of an action list: what fits in a summary row.</summary>
    private static string Headline(string actions) => actions.Split(';', '.')[0].Trim() + ".";
}
