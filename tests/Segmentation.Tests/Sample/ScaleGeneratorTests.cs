using Segmentation.Prepare;
using Segmentation.Prepare.Sample;
using Segmentation.Prepare.Sources;

namespace Segmentation.Tests.Sample;

public sealed class ScaleGeneratorTests
{
    private static (string Text, long Rows) Generate(long rows, int customers, int seed)
    {
        var writer = new StringWriter { NewLine = "\n" };
        var written = ScaleGenerator.Write(writer, new ScaleOptions(rows, customers, seed));
        return (writer.ToString(), written);
    }

    [Fact]
    public void It_writes_exactly_the_rows_asked_for_the_same_for_the_same_seed()
    {
        var (a, rows) = Generate(20_000, 2_000, 1);
        var (b, _) = Generate(20_000, 2_000, 1);
        var (c, _) = Generate(20_000, 2_000, 2);

        Assert.Equal(20_000, rows);
        Assert.Equal(20_001, a.TrimEnd('\n').Split('\n').Length);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Its_rows_read_back_with_the_dirt_of_a_real_export_and_skewed_customers()
    {
        var (text, _) = Generate(50_000, 3_000, 3);
        using var stream = TransactionReader.Open(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), "scale", InputFormat.Csv);

        var prepared = Preparation.Run(stream);

        var q = prepared.Quality;
        Assert.Equal(50_000, q.RowsIn);
        Assert.True(q.RemovedBy(DropReason.MissingCustomer) > 5_000);
        Assert.True(q.RemovedBy(DropReason.Cancelled) > 0);
        Assert.True(q.RemovedBy(DropReason.NonPositivePrice) > 0);
        Assert.True(q.DuplicateRowsFound > 0);
        var frequencies = prepared.Rfm.Customers.Select(c => c.Frequency).Order().ToArray();
        Assert.True(frequencies[^1] > 20 * frequencies[frequencies.Length / 2], "a few customers buy far more often than the median one");
    }
}
