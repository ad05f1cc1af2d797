using System.Text.Json;
using System.Text.RegularExpressions;
using Segmentation.Reporting;
using Segmentation.Reporting.Charts;
using UglyToad.PdfPig;

namespace Segmentation.Tests.Reporting;

/// <summary>The PDF's and the HTML's box plots are drawn from the report model's one set of box statistics.</summary>
[Collection(ReportCollection.Name)]
public sealed partial class BoxPlotTests(ReportFixture report)
{
    [GeneratedRegex(@"var f = (\{.*?\}); Plotly\.newPlot", RegexOptions.Singleline)]
    private static partial Regex Figure();

    [Fact]
    public void The_html_boxes_are_the_models_quantiles_not_plotlys_own_whisker_rule()
    {
        var html = File.ReadAllText(report.Html);
        var traces = Figure().Matches(html)
            .SelectMany(m => JsonDocument.Parse(m.Groups[1].Value).RootElement.GetProperty("data").EnumerateArray())
            .Where(t => t.GetProperty("type").GetString() == "box")
            .ToList();

        var expected = report.Report.Distributions.SelectMany(d => d.Boxes).ToList();
        Assert.Equal(expected.Count, traces.Count);
        foreach (var (box, trace) in expected.Zip(traces))
        {
            Assert.Equal(box.Segment, trace.GetProperty("name").GetString());
            double Value(string name) => trace.GetProperty(name)[0].GetDouble();
            Assert.Equal(box.Q1, Value("q1"), 9);
            Assert.Equal(box.Median, Value("median"), 9);
            Assert.Equal(box.Q3, Value("q3"), 9);
            Assert.Equal(box.Low, Value("lowerfence"), 9);
            Assert.Equal(box.High, Value("upperfence"), 9);
            // No raw values: Plotly would compute its own (1.5 IQR) whiskers from them.
            Assert.False(trace.TryGetProperty("y", out _));
        }
        Assert.All(report.Report.Distributions, d => Assert.Contains(System.Net.WebUtility.HtmlEncode(SegmentPdfReport.BoxCaption(d)), html, StringComparison.Ordinal));
    }

    [Fact]
    public void The_pdf_boxes_are_the_same_quantiles_and_the_caption_states_the_same_rule()
    {
        foreach (var distribution in report.Report.Distributions)
        {
            var plot = new ScottPlot.Plot();
            PdfCharts.Distribution(distribution)(plot);
            var drawn = plot.GetPlottables().OfType<ScottPlot.Plottables.BoxPlot>().SelectMany(b => b.Boxes).ToList();

            Assert.Equal(distribution.Boxes.Count, drawn.Count);
            double Y(double v) => distribution.LogScale ? Math.Log10(v) : v;
            foreach (var (box, shape) in distribution.Boxes.Zip(drawn))
            {
                Assert.Equal(box.Cluster, shape.Position);
                Assert.Equal(Y(box.Q1), shape.BoxMin, 9);
                Assert.Equal(Y(box.Median), shape.BoxMiddle!.Value, 9);
                Assert.Equal(Y(box.Q3), shape.BoxMax, 9);
                Assert.Equal(Y(box.Low), shape.WhiskerMin!.Value, 9);
                Assert.Equal(Y(box.High), shape.WhiskerMax!.Value, 9);
            }
        }

        using var pdf = PdfDocument.Open(report.PdfPath);
        var text = string.Concat(string.Concat(pdf.GetPages().Select(p => p.Text)).Where(c => !char.IsWhiteSpace(c)));
        Assert.All(report.Report.Distributions, d => Assert.Contains(string.Concat(SegmentPdfReport.BoxCaption(d).Where(c => !char.IsWhiteSpace(c))), text, StringComparison.Ordinal));
    }

    [Fact]
    public void Box_statistics_are_the_segments_quantiles_of_the_real_values()
    {
        var monetary = report.Report.Distributions.Single(d => d.Feature == "Monetary");
        foreach (var box in monetary.Boxes)
        {
            // An independent computation: numpy's default (linear) quantile over the segment's customers.
            var values = report.Run.Customers.Where(c => c.Cluster == box.Cluster).Select(c => (double)c.Rfm.Monetary).Order().ToArray();
            double Q(double q)
            {
                var h = (values.Length - 1) * q;
                var lo = (int)h;
                return lo + 1 < values.Length ? values[lo] + (h - lo) * (values[lo + 1] - values[lo]) : values[lo];
            }
            Assert.Equal(values.Length, box.Count);
            Assert.Equal(Q(0.05), box.Low, 6);
            Assert.Equal(Q(0.25), box.Q1, 6);
            Assert.Equal(Q(0.5), box.Median, 6);
            Assert.Equal(Q(0.75), box.Q3, 6);
            Assert.Equal(Q(0.95), box.High, 6);
        }
        Assert.True(monetary.LogScale);
    }

    [Fact]
    public void Log_axes_are_ticked_in_real_units()
    {
        var (positions, labels) = LogTicks.For(3, 4_000);

        Assert.Equal(["3", "10", "30", "100", "300", "1,000", "3,000"], labels);
        Assert.All(positions.Zip(labels), t => Assert.Equal(double.Parse(t.Second.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture), Math.Pow(10, t.First), 6));
        Assert.Equal(["1", "2", "5", "10", "20", "50"], LogTicks.For(1, 50).Labels);
    }
}
