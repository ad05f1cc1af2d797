using Segmentation.Formatting;
using Segmentation.Pipeline;
using Segmentation.Segments;

namespace Segmentation.Reporting.Charts;

/// <summary>The PDF's charts, each a function that fills a ScottPlot plot from a run.</summary>
public static class PdfCharts
{
    public static Action<ScottPlot.Plot> SegmentSizes(SegmentationRun run) => HorizontalBars(run.Profiles,
        p => p.Customers, p => Display.Count(p.Customers), "Customers");

    public static Action<ScottPlot.Plot> RevenueBySegment(SegmentationRun run) => HorizontalBars(run.Profiles,
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

    public static Action<ScottPlot.Plot> Elbow(SegmentationRun run) => plot =>
    {
        var ks = run.Sweep.Metrics.Select(m => (double)m.K).ToArray();
        var line = plot.Add.Scatter(ks, run.Sweep.Metrics.Select(m => m.Inertia).ToArray());
        line.LineWidth = 2;
        line.MarkerSize = 6;
        var chosen = run.ChosenMetrics;
        var mark = plot.Add.ScatterPoints(new double[] { chosen.K }, new[] { chosen.Inertia });
        mark.MarkerSize = 14;
        mark.MarkerShape = ScottPlot.MarkerShape.OpenCircle;
        mark.Color = ScottPlot.Colors.Red;
        mark.LegendText = $"chosen k = {chosen.K}";
        var elbow = plot.Add.VerticalLine(run.Choice.ElbowK, 1, ScottPlot.Colors.Gray, ScottPlot.LinePattern.Dashed);
        elbow.LegendText = $"elbow k = {run.Choice.ElbowK}";
        plot.ShowLegend(ScottPlot.Alignment.UpperRight);
        plot.XLabel("k (number of segments)");
        plot.YLabel("Inertia (within-cluster sum of squares)");
        plot.Axes.Bottom.SetTicks(ks, ks.Select(k => k.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray());
    };

    public static Action<ScottPlot.Plot> MetricByK(SegmentationRun run, Func<Clustering.KMetrics, double> metric, string name) => plot =>
    {
        var ks = run.Sweep.Metrics.Select(m => (double)m.K).ToArray();
        var values = run.Sweep.Metrics.Select(metric).ToArray();
        var line = plot.Add.Scatter(ks, values);
        line.LineWidth = 2;
        line.MarkerSize = 5;
        var mark = plot.Add.ScatterPoints(new double[] { run.Choice.K }, new[] { metric(run.ChosenMetrics) });
        mark.MarkerSize = 12;
        mark.MarkerShape = ScottPlot.MarkerShape.OpenCircle;
        mark.Color = ScottPlot.Colors.Red;
        plot.Title(name, size: 13);
        plot.XLabel("k");
        plot.Axes.Bottom.SetTicks(ks, ks.Select(k => k.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray());
    };

    /// <summary>Box plot of one feature by segment (log10 for frequency and monetary, whose spread is multiplicative).</summary>
    public static Action<ScottPlot.Plot> Distribution(SegmentationRun run, string feature) => plot =>
    {
        var log = feature != "Recency";
        var n = run.Profiles.Count;
        foreach (var p in run.Profiles)
        {
            var values = run.Customers.Where(c => c.Cluster == p.Cluster)
                .Select(c => feature switch { "Recency" => c.Rfm.Recency, "Frequency" => c.Rfm.Frequency, _ => (double)c.Rfm.Monetary })
                .Select(v => log ? Math.Log10(Math.Max(v, 0.01)) : v)
                .Order().ToArray();
            if (values.Length == 0) continue;
            var box = new ScottPlot.Box
            {
                Position = p.Cluster,
                BoxMin = Quantile(values, 0.25),
                BoxMiddle = Quantile(values, 0.5),
                BoxMax = Quantile(values, 0.75),
                WhiskerMin = Quantile(values, 0.05),
                WhiskerMax = Quantile(values, 0.95),
            };
            // One box plot per segment: a BoxPlot's own fill colour overrides its boxes'.
            plot.Add.Boxes([box]).FillColor = SegmentPalette.Color(p.Cluster).WithAlpha(0.6);
        }
        // ScottPlot 5.1 draws boxes vertically only: segments along the bottom, names slanted to fit.
        plot.Axes.Bottom.SetTicks(run.Profiles.Select(p => (double)p.Cluster).ToArray(), run.Profiles.Select(p => p.Segment).ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = n > 5 ? -25 : 0;
        plot.Axes.Bottom.TickLabelStyle.Alignment = n > 5 ? ScottPlot.Alignment.MiddleRight : ScottPlot.Alignment.UpperCenter;
        plot.Title(log ? $"{feature} (log10 scale)" : $"{feature} (days)", size: 13);
        plot.YLabel(log ? $"log10({feature.ToLowerInvariant()})" : "days since last purchase");
    };

    public static Action<ScottPlot.Plot> FrequencyVsMonetary(SegmentationRun run) => plot =>
    {
        foreach (var p in run.Profiles)
        {
            var members = run.Customers.Where(c => c.Cluster == p.Cluster).ToArray();
            var xs = members.Select(c => Math.Log10(Math.Max(c.Rfm.Frequency, 1))).ToArray();
            var ys = members.Select(c => Math.Log10(Math.Max((double)c.Rfm.Monetary, 1))).ToArray();
            var points = plot.Add.ScatterPoints(xs, ys, SegmentPalette.Color(p.Cluster).WithAlpha(0.55));
            points.MarkerSize = 2.5f;
            points.MarkerShape = ScottPlot.MarkerShape.FilledSquare;
            points.LegendText = p.Segment;
        }
        plot.ShowLegend(ScottPlot.Alignment.LowerRight);
        plot.XLabel("log10(frequency: orders)");
        plot.YLabel("log10(monetary)");
    };

    /// <summary>A segment's medians as a percentage of everybody's: 100 = typical customer.</summary>
    public static Action<ScottPlot.Plot> SegmentIndex(SegmentationRun run, SegmentProfile p) => plot =>
    {
        var overall = run.Rfm.Medians();
        string[] names = ["Recency", "Frequency", "Monetary"];
        double[] values =
        [
            Index(p.MedianRecency, overall.Recency),
            Index(p.MedianFrequency, overall.Frequency),
            Index(p.MedianMonetary, overall.Monetary),
        ];
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

    private static double Quantile(double[] sorted, double q)
    {
        var pos = (sorted.Length - 1) * q;
        var lo = (int)Math.Floor(pos);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }
}
