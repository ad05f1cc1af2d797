using Segmentation.Formatting;
using Segmentation.Lifetime.Diagnostics;

namespace Segmentation.Reporting.Charts;

/// <summary>The purchase model's diagnostic charts in the PDF (ScottPlot), each drawn from <see cref="PurchaseDiagnostics"/> alone.</summary>
public static class PdfDiagnosticCharts
{
    private static readonly ScottPlot.Color ActualColor = ScottPlot.Color.FromHex(DiagnosticStyle.Actual);
    private static readonly ScottPlot.Color ModelColor = ScottPlot.Color.FromHex(DiagnosticStyle.Model);

    /// <summary>Customers by repeat purchases in the calibration period: the data's bars beside the model's simulated ones.</summary>
    public static Action<ScottPlot.Plot> PeriodTransactions(PurchaseDiagnostics d) => plot =>
    {
        var bars = d.PeriodTransactions;
        plot.Add.Bars(bars.Select((b, i) => new ScottPlot.Bar { Position = i - 0.2, Value = b.Actual, Size = 0.38, FillColor = ActualColor }).ToArray());
        plot.Add.Bars(bars.Select((b, i) => new ScottPlot.Bar { Position = i + 0.2, Value = b.Simulated, Size = 0.38, FillColor = ModelColor }).ToArray());
        plot.Legend.ManualItems.Add(new ScottPlot.LegendItem { LabelText = "actual", FillColor = ActualColor });
        plot.Legend.ManualItems.Add(new ScottPlot.LegendItem { LabelText = $"simulated by {d.Model}", FillColor = ModelColor });
        plot.ShowLegend(ScottPlot.Alignment.UpperRight);
        plot.Axes.Bottom.SetTicks([.. bars.Select((_, i) => (double)i)], [.. bars.Select(b => b.Repeats)]);
        plot.Axes.Margins(bottom: 0);
        plot.XLabel("repeat purchases in the calibration period");
        plot.YLabel("customers");
    };

    public static Action<ScottPlot.Plot> ExpectedMatrix(PurchaseDiagnostics d) =>
        Matrix(d.Matrix, d.Matrix.Expected, $"purchases in the next {d.Matrix.HorizonDays} days");

    public static Action<ScottPlot.Plot> AliveMatrix(PurchaseDiagnostics d) => Matrix(d.Matrix, d.Matrix.Alive, "P(alive)");

    /// <summary>A frequency-recency matrix as a heat map: recency across, frequency up, the value in colour.</summary>
    private static Action<ScottPlot.Plot> Matrix(FrequencyRecencyMatrix m, IReadOnlyList<IReadOnlyList<double>> values, string label) => plot =>
    {
        var rows = m.Frequencies.Count;
        var columns = m.Recencies.Count;
        var cells = new double[rows, columns];
        // ScottPlot draws row 0 at the top: the highest frequency goes first so that frequency rises upwards.
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++) cells[rows - 1 - i, j] = values[i][j];
        }
        var heatmap = plot.Add.Heatmap(cells);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        // Cells as rectangles: the bitmap strategy's image came out with its colour channels and rows mixed when drawn on the PDF's canvas.
        heatmap.RenderStrategy = new ScottPlot.Plottables.Heatmap.RenderStrategies.Rectangles();
        heatmap.Rectangle = new ScottPlot.CoordinateRect(0, columns, 0, rows);
        plot.Add.ColorBar(heatmap).Label = label;
        var unit = m.Unit.ToString().ToLowerInvariant();
        var xTicks = Enumerable.Range(0, 5).Select(k => k * (columns - 1) / 4).ToArray();
        plot.Axes.Bottom.SetTicks([.. xTicks.Select(j => j + 0.5)], [.. xTicks.Select(j => Display.Number(m.Recencies[j], 0))]);
        var yTicks = Enumerable.Range(0, 5).Select(k => k * (rows - 1) / 4).Distinct().ToArray();
        plot.Axes.Left.SetTicks([.. yTicks.Select(i => i + 0.5)], [.. yTicks.Select(i => m.Frequencies[i].ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        plot.XLabel($"recency: {unit} from the first purchase to the last (of {Display.Number(m.T, 0)})");
        plot.YLabel("repeat purchases");
        plot.Axes.Margins(0, 0);
    };

    /// <summary>
    /// One customer's P(alive) at the end of each day of their history (<see cref="AliveHistory"/>): the line the model's
    /// belief draws, rising at each purchase day (marked) and fading between them.
    /// </summary>
    public static Action<ScottPlot.Plot> AliveHistory(IReadOnlyList<AliveOnDay> history, string model) => plot =>
    {
        if (history.Count == 0) return;
        var line = plot.Add.Scatter(history.Select(h => h.Day.ToOADate()).ToArray(), history.Select(h => h.Alive).ToArray(), ActualColor);
        line.LegendText = $"P(alive) under {model}";
        line.MarkerSize = 0;
        line.LineWidth = 2;
        var bought = history.Where(h => h.Purchased).ToArray();
        var marks = plot.Add.ScatterPoints(bought.Select(h => h.Day.ToOADate()).ToArray(), bought.Select(h => h.Alive).ToArray(), ModelColor);
        marks.MarkerSize = 7;
        marks.LegendText = "purchase day";
        var dates = plot.Axes.DateTimeTicksBottom();
        if (dates.TickGenerator is ScottPlot.TickGenerators.DateTimeAutomatic ticks) ticks.LabelFormatter = day => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        plot.Axes.SetLimitsY(0, 1.05);
        plot.ShowLegend(ScottPlot.Alignment.LowerLeft);
        plot.YLabel("P(alive)");
    };

    public static Action<ScottPlot.Plot> WeeklyRepeats(PurchaseDiagnostics d) => Tracking(d, t => [.. t.Actual.Select(a => (double)a)], t => t.Expected, "repeat purchases a week");

    public static Action<ScottPlot.Plot> CumulativeRepeats(PurchaseDiagnostics d) => Tracking(d, t => t.CumulativeActual, t => t.CumulativeExpected, "repeat purchases to date");

    /// <summary>Repeat purchases by week, actual against the model's expectation, the calibration end dashed.</summary>
    private static Action<ScottPlot.Plot> Tracking(PurchaseDiagnostics d, Func<RepeatTracking, IReadOnlyList<double>> actual, Func<RepeatTracking, IReadOnlyList<double>> expected, string label) => plot =>
    {
        if (d.Tracking is not { } t) return;
        var weeks = t.Weeks.Select(w => w.ToOADate()).ToArray();
        var a = plot.Add.Scatter(weeks, actual(t).ToArray(), ActualColor);
        a.LegendText = "actual";
        a.MarkerSize = 0;
        a.LineWidth = 2;
        var e = plot.Add.Scatter(weeks, expected(t).ToArray(), ModelColor);
        e.LegendText = $"expected by {d.Model}";
        e.MarkerSize = 0;
        e.LineWidth = 2;
        e.LinePattern = ScottPlot.LinePattern.Dashed;
        var end = plot.Add.VerticalLine(t.CalibrationEnd.ToOADate(), 1, ScottPlot.Colors.Gray, ScottPlot.LinePattern.Dotted);
        end.LegendText = $"calibration end ({Display.Date(t.CalibrationEnd)})";
        var dates = plot.Axes.DateTimeTicksBottom();
        if (dates.TickGenerator is ScottPlot.TickGenerators.DateTimeAutomatic ticks) ticks.LabelFormatter = day => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        // Room above the lines for the legend, laid out in a row.
        plot.Axes.SetLimitsY(0, Math.Max(actual(t).DefaultIfEmpty(0).Max(), expected(t).DefaultIfEmpty(0).Max()) * 1.3);
        plot.Legend.Orientation = ScottPlot.Orientation.Horizontal;
        plot.ShowLegend(ScottPlot.Alignment.UpperLeft);
        plot.YLabel(label);
    };

    public static Action<ScottPlot.Plot> PurchaseRates(PurchaseDiagnostics d) => Density(d.Rates);

    public static Action<ScottPlot.Plot> Dropout(PurchaseDiagnostics d) => plot =>
    {
        if (d.Dropout is { } curve) Density(curve)(plot);
    };

    /// <summary>A mixing distribution's density with its mean dashed.</summary>
    private static Action<ScottPlot.Plot> Density(DensityCurve c) => plot =>
    {
        var line = plot.Add.Scatter(c.X.ToArray(), c.Density.ToArray(), ActualColor);
        line.MarkerSize = 0;
        line.LineWidth = 2;
        line.LegendText = c.Distribution;
        var mean = plot.Add.VerticalLine(c.Mean, 1, ModelColor, ScottPlot.LinePattern.Dashed);
        mean.LegendText = $"mean {Display.Number(c.Mean, c.Mean < 1 ? 3 : 2)}";
        plot.Axes.SetLimits(0, c.X[^1], 0, DiagnosticStyle.DensityTop(c));
        plot.ShowLegend(ScottPlot.Alignment.UpperRight);
        plot.XLabel(c.Quantity);
        plot.YLabel("density");
    };
}
