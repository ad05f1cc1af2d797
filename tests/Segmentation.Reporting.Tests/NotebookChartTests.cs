using System.Text.Json;
using Segmentation.App;
using Segmentation.Interactive;
using Segmentation.Prepare;

namespace Segmentation.Tests.Reporting;

public sealed class NotebookChartTests
{
    [Theory]
    [InlineData("Recency", false)]
    [InlineData("Frequency", true)]
    [InlineData("Monetary", true)]
    public void A_histogram_carries_its_bins_counted_once_for_both_twins_not_every_customers_value(string feature, bool log)
    {
        var rfm = SegmentationApp.Prepare(TransactionSource.Sample(new Segmentation.Prepare.Sample.SampleOptions { Customers = 1200 })).Rfm;

        var figure = NotebookCharts.Histogram(rfm, feature, log);

        using var json = JsonDocument.Parse(Plotly.NET.GenericChart.toFigureJson(figure.Chart));
        var trace = json.RootElement.GetProperty("data")[0];
        var counts = trace.GetProperty("y").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var centres = trace.GetProperty("x").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var values = rfm.Customers.Select(c => feature switch
        {
            "Recency" => c.Recency,
            "Frequency" => (double)c.Frequency,
            _ => (double)c.Monetary,
        }).Select(v => log ? Math.Log10(Math.Max(v, 1)) : v).ToArray();
        var expected = ScottPlot.Statistics.Histogram.WithBinCount(NotebookCharts.HistogramBins, values);

        Assert.Equal("bar", trace.GetProperty("type").GetString());
        Assert.Equal(NotebookCharts.HistogramBins, counts.Length);
        Assert.Equal(rfm.Count, counts.Sum());
        Assert.Equal(expected.Counts.Select(c => (double)c), counts);
        Assert.Equal(expected.Bins.Select(b => b + expected.FirstBinSize / 2), centres, (a, b) => Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Abs(a)));
        Assert.NotEmpty(figure.Image.Png);
    }
}
