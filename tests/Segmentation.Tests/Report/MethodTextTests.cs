using System.Globalization;
using System.Text;
using Segmentation.Prepare;
using Segmentation.Prepare.Sources;
using Segmentation.Report;
using Segmentation.Runs;

namespace Segmentation.Tests.Report;

/// <summary>The report's method text says what this run did, not what the default run does.</summary>
public sealed class MethodTextTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void With_a_line_amount_column_and_no_invoices_the_method_says_so()
    {
        var random = new Random(5);
        var csv = new StringBuilder("client;when;total\n");
        for (var c = 0; c < 60; c++)
        {
            for (var o = 0; o < 1 + random.Next(c % 4 == 0 ? 15 : 3); o++)
            {
                csv.Append(CultureInfo.InvariantCulture, $"P{c};{new DateTime(2024, 1, 1).AddDays(random.Next(300)):yyyy-MM-dd} 10:00:00;{1 + random.Next(500)}.25\n");
            }
        }
        var path = _dir.Write("pos.csv", csv.ToString());
        var mapping = ColumnMapping.OnlineRetail with { Customer = "client", Date = "when", Amount = "total", Invoice = null, Quantity = null, UnitPrice = null };
        var options = SegmentationOptions.Default with { Prepare = PrepareOptions.Default with { Ingest = IngestOptions.Default with { Mapping = mapping, Delimiter = ';' } } };

        var report = ReportBuilder.Build(SegmentationPipeline.Run(path, options));

        Assert.Contains("Monetary is the sum of the line amounts (column 'total')", report.Method[0], StringComparison.Ordinal);
        Assert.Contains("distinct purchase times (the file has no invoice column)", report.Method[0], StringComparison.Ordinal);
        Assert.DoesNotContain("quantity times unit price", string.Join(" ", report.Method), StringComparison.Ordinal);
    }
}
