using System.Text.Json;
using Segmentation.App;
using Segmentation.Lifetime;
using Segmentation.Lifetime.Diagnostics;
using Segmentation.Prepare;
using Segmentation.Reporting.Charts;

namespace Segmentation.Tests.Reporting;

/// <summary>
/// Each diagnostic chart, in the PDF (ScottPlot) and the HTML (Plotly), draws exactly the numbers of the report
/// model's <see cref="PurchaseDiagnostics"/>: here Pareto/NBD on CDNOW (weeks, calibration to 1997-09-30, holdout to
/// 1998-06-30), a fit with dropout, so that every chart is drawn.
/// </summary>
public sealed class DiagnosticChartTests
{
    private static readonly Lazy<PurchaseDiagnostics> Diagnostics = new(() => SegmentationApp.Clv(
        TransactionSource.File(CdnowFile.Path),
        new ClvOptions { CalibrationEnd = new DateTime(1997, 9, 30), HoldoutEnd = new DateTime(1998, 6, 30), Unit = TimeUnit.Weeks, Model = PurchaseModel.ParetoNbd, IntervalDraws = 0 },
        CdnowFile.Options).Diagnostics!);

    [Fact]
    public void A_fit_with_dropout_has_all_seven_charts()
    {
        Assert.Equal(
            [ChartIds.PeriodTransactions, ChartIds.WeeklyRepeats, ChartIds.CumulativeRepeats, ChartIds.ExpectedMatrix, ChartIds.AliveMatrix, ChartIds.PurchaseRates, ChartIds.Dropout],
            ChartImages.DiagnosticIds(Diagnostics.Value));
    }

    [Fact]
    public void The_pdf_charts_draw_the_models_numbers()
    {
        var d = Diagnostics.Value;
        var bars = Plot(ChartIds.PeriodTransactions).OfType<ScottPlot.Plottables.BarPlot>().ToList();
        Assert.Equal(d.PeriodTransactions.Select(b => (double)b.Actual), bars[0].Bars.Select(b => b.Value));
        Assert.Equal(d.PeriodTransactions.Select(b => b.Simulated), bars[1].Bars.Select(b => b.Value));

        var t = d.Tracking!;
        foreach (var (id, actual, expected) in new[] { (ChartIds.WeeklyRepeats, t.Actual.Select(a => (double)a).ToList(), t.Expected), (ChartIds.CumulativeRepeats, t.CumulativeActual.ToList(), t.CumulativeExpected) })
        {
            var plottables = Plot(id);
            var lines = plottables.OfType<ScottPlot.Plottables.Scatter>().Select(s => s.Data.GetScatterPoints()).ToList();
            Assert.Equal(t.Weeks.Select(w => w.ToOADate()), lines[0].Select(p => p.X));
            Assert.Equal(actual, lines[0].Select(p => p.Y));
            Assert.Equal(expected, lines[1].Select(p => p.Y));
            Assert.Equal(t.CalibrationEnd.ToOADate(), plottables.OfType<ScottPlot.Plottables.VerticalLine>().Single().X);
        }

        foreach (var (id, values) in new[] { (ChartIds.ExpectedMatrix, d.Matrix.Expected), (ChartIds.AliveMatrix, d.Matrix.Alive) })
        {
            var cells = Plot(id).OfType<ScottPlot.Plottables.Heatmap>().Single().Intensities;
            var rows = values.Count;
            Assert.Equal((rows, d.Matrix.Recencies.Count), (cells.GetLength(0), cells.GetLength(1)));
            for (var i = 0; i < rows; i++)
            {
                for (var j = 0; j < values[i].Count; j++) Assert.Equal(values[i][j], cells[rows - 1 - i, j]);
            }
        }

        foreach (var (id, curve) in new[] { (ChartIds.PurchaseRates, d.Rates), (ChartIds.Dropout, d.Dropout!) })
        {
            var plottables = Plot(id);
            var line = plottables.OfType<ScottPlot.Plottables.Scatter>().Single().Data.GetScatterPoints();
            Assert.Equal(curve.X, line.Select(p => p.X));
            Assert.Equal(curve.Density, line.Select(p => p.Y));
            Assert.Equal(curve.Mean, plottables.OfType<ScottPlot.Plottables.VerticalLine>().Single().X);
        }
    }

    [Fact]
    public void The_html_charts_draw_the_same_numbers()
    {
        var d = Diagnostics.Value;
        var bars = Traces(ChartIds.PeriodTransactions);
        Assert.Equal(d.PeriodTransactions.Select(b => b.Repeats), bars[0].GetProperty("x").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal(d.PeriodTransactions.Select(b => (double)b.Actual), Numbers(bars[0], "y"));
        Assert.Equal(d.PeriodTransactions.Select(b => Math.Round(b.Simulated, 1)), Numbers(bars[1], "y"));

        var t = d.Tracking!;
        var weekly = Traces(ChartIds.WeeklyRepeats);
        Assert.Equal(t.Actual.Select(a => (double)a), Numbers(weekly[0], "y"));
        Assert.Equal(t.Expected.Select(e => Math.Round(e, 2)), Numbers(weekly[1], "y"));
        Assert.Equal(t.Weeks.Select(w => w.ToString("yyyy-MM-dd")), weekly[0].GetProperty("x").EnumerateArray().Select(x => x.GetString()![..10]));
        Assert.Equal(t.CumulativeActual, Numbers(Traces(ChartIds.CumulativeRepeats)[0], "y"));

        foreach (var (id, values) in new[] { (ChartIds.ExpectedMatrix, d.Matrix.Expected), (ChartIds.AliveMatrix, d.Matrix.Alive) })
        {
            var z = Traces(id)[0].GetProperty("z").EnumerateArray().Select(row => row.EnumerateArray().Select(v => v.GetDouble()).ToList()).ToList();
            Assert.Equal(values.Select(row => row.Select(v => Math.Round(v, 4))), z);
            Assert.Equal(d.Matrix.Frequencies.Select(f => (double)f), Numbers(Traces(id)[0], "y"));
        }

        var rates = Traces(ChartIds.PurchaseRates);
        Assert.Equal(d.Rates.X, Numbers(rates[0], "x"));
        Assert.Equal(d.Rates.Density.Select(v => Math.Round(v, 6)), Numbers(rates[0], "y"));
        Assert.Equal(d.Dropout!.Mean, Numbers(Traces(ChartIds.Dropout)[1], "x")[0]);
    }

    private static List<ScottPlot.IPlottable> Plot(string id)
    {
        var plot = new ScottPlot.Plot();
        ChartImages.Diagnostic(id, Diagnostics.Value)!(plot);
        return [.. plot.GetPlottables()];
    }

    private static List<JsonElement> Traces(string id)
    {
        var json = Plotly.NET.GenericChart.toFigureJson(HtmlDiagnosticCharts.For(id, Diagnostics.Value)!);
        return [.. JsonDocument.Parse(json).RootElement.GetProperty("data").EnumerateArray()];
    }

    private static List<double> Numbers(JsonElement trace, string axis) => [.. trace.GetProperty(axis).EnumerateArray().Select(v => v.GetDouble())];
}
