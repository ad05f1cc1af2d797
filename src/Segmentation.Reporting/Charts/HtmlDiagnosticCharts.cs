using PlotlyChart = Plotly.NET.CSharp.Chart;

using Plotly.NET;
using Plotly.NET.CSharp;
using Segmentation.Lifetime.Diagnostics;

namespace Segmentation.Reporting.Charts;

/// <summary>The purchase model's diagnostic charts in the HTML report (Plotly.NET), one for each of the PDF's, from <see cref="PurchaseDiagnostics"/> alone.</summary>
public static class HtmlDiagnosticCharts
{
    private static readonly Color ActualColor = Color.fromHex(DiagnosticStyle.Actual);
    private static readonly Color ModelColor = Color.fromHex(DiagnosticStyle.Model);

    public static GenericChart? For(string id, PurchaseDiagnostics d) => id switch
    {
        ChartIds.PeriodTransactions => PeriodTransactions(d),
        ChartIds.WeeklyRepeats when d.Tracking is { } t => Tracking(d, t, [.. t.Actual.Select(a => (double)a)], t.Expected, "repeat purchases a week"),
        ChartIds.CumulativeRepeats when d.Tracking is { } t => Tracking(d, t, t.CumulativeActual, t.CumulativeExpected, "repeat purchases to date"),
        ChartIds.ExpectedMatrix => Matrix(d.Matrix, d.Matrix.Expected, $"expected purchases in the next {d.Matrix.HorizonDays} days"),
        ChartIds.AliveMatrix => Matrix(d.Matrix, d.Matrix.Alive, "P(alive)"),
        ChartIds.PurchaseRates => Density(d.Rates),
        ChartIds.Dropout when d.Dropout is { } c => Density(c),
        _ => null,
    };

    private static GenericChart PeriodTransactions(PurchaseDiagnostics d)
    {
        var repeats = d.PeriodTransactions.Select(b => b.Repeats).ToArray();
        return GenericChart.combine(new[]
        {
            PlotlyChart.Column<double, string, string>(values: d.PeriodTransactions.Select(b => (double)b.Actual).ToArray(), Keys: repeats, Name: "actual", MarkerColor: ActualColor),
            PlotlyChart.Column<double, string, string>(values: d.PeriodTransactions.Select(b => Math.Round(b.Simulated, 1)).ToArray(), Keys: repeats, Name: $"simulated by {d.Model}", MarkerColor: ModelColor),
        })
        .WithXAxisStyle<double, double, string>(TitleText: "repeat purchases in the calibration period")
        .WithYAxisStyle<double, double, string>(TitleText: "customers").WithSize(900, 360);
    }

    private static GenericChart Tracking(PurchaseDiagnostics d, RepeatTracking t, IReadOnlyList<double> actual, IReadOnlyList<double> expected, string label)
    {
        var weeks = t.Weeks.ToArray();
        var top = Math.Max(actual.DefaultIfEmpty(0).Max(), expected.DefaultIfEmpty(0).Max());
        return GenericChart.combine(new[]
        {
            PlotlyChart.Line<DateTime, double, string>(x: weeks, y: actual, Name: "actual", LineColor: ActualColor),
            PlotlyChart.Line<DateTime, double, string>(x: weeks, y: expected.Select(e => Math.Round(e, 2)).ToArray(), Name: $"expected by {d.Model}", LineColor: ModelColor, LineDash: StyleParam.DrawingStyle.Dash),
            PlotlyChart.Line<DateTime, double, string>(x: [t.CalibrationEnd, t.CalibrationEnd], y: [0, top], Name: "calibration end", LineColor: Color.fromKeyword(ColorKeyword.Gray), LineDash: StyleParam.DrawingStyle.Dot),
        })
        .WithYAxisStyle<double, double, string>(TitleText: label).WithSize(900, 340);
    }

    private static GenericChart Matrix(FrequencyRecencyMatrix m, IReadOnlyList<IReadOnlyList<double>> values, string label) =>
        PlotlyChart.Heatmap<double, double, int, string>(
                zData: values.Select(row => row.Select(v => Math.Round(v, 4))),
                X: m.Recencies.Select(r => Math.Round(r, 1)).ToArray(),
                Y: m.Frequencies.ToArray(),
                Name: label,
                ColorScale: StyleParam.Colorscale.Viridis)
            .WithXAxisStyle<double, double, string>(TitleText: $"recency: {m.Unit.ToString().ToLowerInvariant()} from the first purchase to the last")
            .WithYAxisStyle<double, double, string>(TitleText: "repeat purchases")
            .WithSize(900, 420);

    private static GenericChart Density(DensityCurve c)
    {
        var top = DiagnosticStyle.DensityTop(c);
        return GenericChart.combine(new[]
        {
            PlotlyChart.Line<double, double, string>(x: c.X, y: c.Density.Select(v => Math.Round(v, 6)).ToArray(), Name: c.Distribution, LineColor: ActualColor),
            PlotlyChart.Line<double, double, string>(x: [c.Mean, c.Mean], y: [0, top], Name: "mean", LineColor: ModelColor, LineDash: StyleParam.DrawingStyle.Dash),
        })
        .WithXAxisStyle<double, double, string>(TitleText: c.Quantity)
        .WithYAxisStyle<double, double, string>(TitleText: "density", MinMax: new Tuple<double, double>(0, top)).WithSize(900, 320);
    }
}
