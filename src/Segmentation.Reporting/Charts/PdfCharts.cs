using Segmentation.Clustering.Segments;
using Segmentation.Formatting;
using Segmentation.Report;

namespace Segmentation.Reporting.Charts;

/// <summary>The PDF's charts, each a function that fills a ScottPlot plot from the report model.</summary>
public static class PdfCharts
{
    public static Action<ScottPlot.Plot> SegmentSizes(ReportModel report) => HorizontalBars(report.Profiles,
        p => p.Customers, p => Display.Count(p.Customers), "Customers");

    public static Action<ScottPlot.Plot> RevenueBySegment(ReportModel report) => HorizontalBars(report.Profiles,
        p => p.RevenueShare * 100, p => Display.Percent(p.RevenueShare), "Share of revenue (%)");

    private static Action<ScottPlot.Plot> HorizontalBars(IReadOnlyList<SegmentProfile> profiles, Func<SegmentProfile, double> value, Func<SegmentProfile, string> label, string axis) => plot =>
    {
        var n = profiles.Count;
        var bars = profiles.Select((p, i) => new ScottPlot.Bar
        {
            Position = n - 1 - i,
            Value = value(p),
            FillColor = SegmentPalette.Color(p.Cluster),
            Label = label(p),
            Orientation = ScottPlot.Orientation.Horizontal,
        }).ToArray();
        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        barPlot.ValueLabelStyle.FontSize = 11;
        plot.Axes.Left.SetTicks(profiles.Select((_, i) => (double)(n - 1 - i)).ToArray(), profiles.Select(p => p.Segment).ToArray());
        plot.Axes.Margins(left: 0, right: 0.18);
        plot.XLabel(axis);
        plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;
    };

    public static Action<ScottPlot.Plot> Elbow(ReportModel report) => plot =>
    {
        var q = report.Quality;
        var ks = q.Sweep.Select(m => (double)m.K).ToArray();
        var line = plot.Add.Scatter(ks, q.Sweep.Select(m => m.Inertia).ToArray());
        line.LineWidth = 2;
        line.MarkerSize = 6;
        MarkChosen(plot, q.Chosen.K, q.Chosen.Inertia, 14).LegendText = $"chosen k = {q.Chosen.K}";
        var elbow = plot.Add.VerticalLine(q.Choice.ElbowK, 1, ScottPlot.Colors.Gray, ScottPlot.LinePattern.Dashed);
        elbow.LegendText = $"elbow k = {q.Choice.ElbowK}";
        plot.ShowLegend(ScottPlot.Alignment.UpperRight);
        plot.XLabel("k (number of segments)");
        plot.YLabel("Inertia (within-cluster sum of squares)");
        plot.Axes.Bottom.SetTicks(ks, ks.Select(k => k.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray());
    };

    /// <summary>The red circle on the chosen k of a curve by k.</summary>
    private static ScottPlot.Plottables.Scatter MarkChosen(ScottPlot.Plot plot, int k, double value, float size)
    {
        var mark = plot.Add.ScatterPoints(new double[] { k }, new[] { value });
        mark.MarkerSize = size;
        mark.MarkerShape = ScottPlot.MarkerShape.OpenCircle;
        mark.Color = ScottPlot.Colors.Red;
        return mark;
    }

    /// <summary>A Gaussian mixture's BIC and AIC by k, the chosen k circled on the BIC.</summary>
    public static Action<ScottPlot.Plot> InformationCriteria(ReportModel report) => plot =>
    {
        var q = report.Quality;
        var ks = q.Sweep.Select(m => (double)m.K).ToArray();
        var bic = plot.Add.Scatter(ks, q.Sweep.Select(m => m.Bic ?? double.NaN).ToArray());
        bic.LineWidth = 2;
        bic.MarkerSize = 6;
        bic.LegendText = "BIC";
        var aic = plot.Add.Scatter(ks, q.Sweep.Select(m => m.Aic ?? double.NaN).ToArray());
        aic.LineWidth = 1.5f;
        aic.MarkerSize = 4;
        aic.LinePattern = ScottPlot.LinePattern.Dashed;
        aic.LegendText = "AIC";
        MarkChosen(plot, q.Chosen.K, q.Chosen.Bic ?? double.NaN, 14).LegendText = $"chosen k = {q.Chosen.K}";
        plot.ShowLegend(ScottPlot.Alignment.UpperRight);
        plot.XLabel("k (number of segments)");
        plot.YLabel("BIC, AIC (lower is better)");
        plot.Axes.Bottom.SetTicks(ks, ks.Select(k => k.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray());
    };

    /// <summary>DBSCAN's k-distance curve, largest first, with eps (and the knee, when eps was set by hand) as dashed lines.</summary>
    public static Action<ScottPlot.Plot> KDistance(ReportModel report) => plot =>
    {
        var d = report.Quality.Density ?? throw new InvalidOperationException("The k-distance chart is DBSCAN's.");
        var curve = d.KDistanceCurve;
        var x = Enumerable.Range(0, curve.Count).Select(i => curve.Count == 1 ? 0 : 100.0 * i / (curve.Count - 1)).ToArray();
        var line = plot.Add.Scatter(x, curve.ToArray());
        line.LineWidth = 2;
        line.MarkerSize = 0;
        var eps = plot.Add.HorizontalLine(d.Eps, 1.5f, ScottPlot.Colors.Red, ScottPlot.LinePattern.Dashed);
        eps.LegendText = $"eps = {Display.Number(d.Eps, 3)}";
        if (!d.EpsFromKnee)
        {
            var knee = plot.Add.HorizontalLine(d.KneeEps, 1, ScottPlot.Colors.Gray, ScottPlot.LinePattern.Dotted);
            knee.LegendText = $"knee = {Display.Number(d.KneeEps, 3)}";
        }
        plot.ShowLegend(ScottPlot.Alignment.UpperRight);
        plot.XLabel("Customers, farthest first (%)");
        plot.YLabel($"Distance to the {d.MinSamples}th nearest");
    };

    public static Action<ScottPlot.Plot> MetricByK(ReportModel report, Func<Clustering.KMetrics, double> metric, string name) => plot =>
    {
        var q = report.Quality;
        var ks = q.Sweep.Select(m => (double)m.K).ToArray();
        var line = plot.Add.Scatter(ks, q.Sweep.Select(metric).ToArray());
        line.LineWidth = 2;
        line.MarkerSize = 5;
        MarkChosen(plot, q.Chosen.K, metric(q.Chosen), 12);
        plot.Title(name, size: 13);
        plot.XLabel("k");
        plot.Axes.Bottom.SetTicks(ks, ks.Select(k => k.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray());
    };

    /// <summary>Box plot of one feature by segment from the model's box statistics (log axes for frequency and monetary, ticked in real units).</summary>
    public static Action<ScottPlot.Plot> Distribution(FeatureBoxes boxes) => plot =>
    {
        double Y(double v) => boxes.LogScale ? LogTicks.Log(v) : v;
        foreach (var b in boxes.Boxes)
        {
            var box = new ScottPlot.Box
            {
                Position = b.Cluster,
                BoxMin = Y(b.Q1),
                BoxMiddle = Y(b.Median),
                BoxMax = Y(b.Q3),
                WhiskerMin = Y(b.Low),
                WhiskerMax = Y(b.High),
            };
            // One box plot per segment: a BoxPlot's own fill colour overrides its boxes'.
            plot.Add.Boxes([box]).FillColor = SegmentPalette.Color(b.Cluster).WithAlpha(0.6);
        }
        var n = boxes.Boxes.Count;
        // ScottPlot 5.1 draws boxes vertically only: segments along the bottom, names slanted to fit.
        plot.Axes.Bottom.SetTicks(boxes.Boxes.Select(b => (double)b.Cluster).ToArray(), boxes.Boxes.Select(b => b.Segment).ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = n > 5 ? -25 : 0;
        plot.Axes.Bottom.TickLabelStyle.Alignment = n > 5 ? ScottPlot.Alignment.MiddleRight : ScottPlot.Alignment.UpperCenter;
        if (boxes.LogScale && boxes.Boxes.Count > 0)
        {
            var (positions, labels) = LogTicks.For(boxes.Boxes.Min(b => b.Low), boxes.Boxes.Max(b => b.High));
            plot.Axes.Left.SetTicks(positions, labels);
        }
        plot.Title(boxes.LogScale ? $"{boxes.Feature} (log scale)" : $"{boxes.Feature} (days)", size: 13);
        plot.YLabel(boxes.Unit);
    };

    public static Action<ScottPlot.Plot> FrequencyVsMonetary(ReportModel report) => plot =>
    {
        foreach (var p in report.Profiles)
        {
            var members = report.PlottedIn(p.Cluster).ToArray();
            var xs = members.Select(c => LogTicks.Log(Math.Max(c.Rfm.Frequency, 1))).ToArray();
            var ys = members.Select(c => LogTicks.Log(Math.Max((double)c.Rfm.Monetary, 1))).ToArray();
            var points = plot.Add.ScatterPoints(xs, ys, SegmentPalette.Color(p.Cluster).WithAlpha(0.55));
            points.MarkerSize = 2.5f;
            points.MarkerShape = ScottPlot.MarkerShape.FilledSquare;
            points.LegendText = p.Segment;
        }
        if (report.Customers.Count > 0)
        {
            var (xp, xl) = LogTicks.For(1, report.Customers.Max(c => (double)c.Rfm.Frequency));
            var (yp, yl) = LogTicks.For(1, report.Customers.Max(c => (double)c.Rfm.Monetary));
            plot.Axes.Bottom.SetTicks(xp, xl);
            plot.Axes.Left.SetTicks(yp, yl);
        }
        plot.ShowLegend(ScottPlot.Alignment.LowerRight);
        plot.XLabel("frequency: orders (log scale)");
        plot.YLabel("monetary (log scale)");
    };

    /// <summary>The plotted customers' P(alive) against their recency, coloured by segment.</summary>
    public static Action<ScottPlot.Plot> AliveByRecency(ReportModel report) => plot =>
    {
        foreach (var p in report.Profiles)
        {
            var members = report.PlottedIn(p.Cluster).Where(c => c.Value is not null).ToArray();
            var points = plot.Add.ScatterPoints(members.Select(c => (double)c.Rfm.Recency).ToArray(), members.Select(c => c.Value!.ProbabilityAlive).ToArray(),
                SegmentPalette.Color(p.Cluster).WithAlpha(0.55));
            points.MarkerSize = 2.5f;
            points.MarkerShape = ScottPlot.MarkerShape.FilledSquare;
            points.LegendText = p.Segment;
        }
        plot.ShowLegend(ScottPlot.Alignment.LowerLeft);
        plot.XLabel("recency: days since the last purchase");
        plot.YLabel("P(alive)");
    };

    /// <summary>Repeat purchases in the holdout per customer, predicted and actual, by calibration frequency.</summary>
    public static Action<ScottPlot.Plot> Holdout(ReportModel report) => plot =>
    {
        if (report.Value?.Validation is not { } v) return;
        var xs = Enumerable.Range(0, v.Groups.Count).Select(i => (double)i).ToArray();
        var predicted = plot.Add.Scatter(xs, v.Groups.Select(g => g.PredictedPerCustomer).ToArray());
        predicted.LegendText = "predicted";
        var actual = plot.Add.Scatter(xs, v.Groups.Select(g => g.ActualPerCustomer).ToArray());
        actual.LegendText = "actual";
        plot.Axes.Bottom.SetTicks(xs, v.Groups.Select(g => g.Frequency).ToArray());
        plot.ShowLegend(ScottPlot.Alignment.UpperLeft);
        plot.XLabel("repeat purchases in the calibration period");
        plot.YLabel("purchases per customer");
    };

    /// <summary>A segment's medians as a percentage of everybody's: 100 = typical customer.</summary>
    public static Action<ScottPlot.Plot> SegmentIndex(ReportModel report, SegmentProfile p) => plot =>
    {
        var o = report.Overall;
        string[] names = ["Recency", "Frequency", "Monetary"];
        double[] values = [Index(p.MedianRecency, o.MedianRecency), Index(p.MedianFrequency, o.MedianFrequency), Index(p.MedianMonetary, o.MedianMonetary)];
        var bars = values.Select((v, i) => new ScottPlot.Bar
        {
            Position = 2 - i,
            Value = v,
            FillColor = SegmentPalette.Color(p.Cluster),
            Label = Display.Number(v, 0),
            Orientation = ScottPlot.Orientation.Horizontal,
        }).ToArray();
        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        plot.Add.VerticalLine(100, 1, ScottPlot.Colors.Gray, ScottPlot.LinePattern.Dashed);
        plot.Axes.Left.SetTicks([2, 1, 0], names);
        plot.Axes.Margins(left: 0, right: 0.15);
        plot.XLabel("median as % of all customers' median (100 = typical)");
    };

    private static double Index(double value, double overall) => overall == 0 ? 0 : 100 * value / overall;
}
