using System.Text;
using Segmentation.Ingest;
using Segmentation.Pipeline;

namespace Segmentation.Tests.Pipeline;

/// <summary>Reading runs a few thousand rows ahead on its own thread: its errors must still surface as they were raised.</summary>
public sealed class PreparationTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private string FileWithABadNumberAt(int badRow, int rows)
    {
        var text = new StringBuilder("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n");
        for (var row = 2; row <= rows + 1; row++)
        {
            var price = row == badRow ? "two" : "2.50";
            text.Append(row / 7).Append(",A,Thing,1,2011-01-01 10:00:00,").Append(price).Append(',').Append(12000 + row % 50).Append(",UK\n");
        }
        return _dir.Write("rows.csv", text.ToString());
    }

    [Fact]
    public void A_bad_value_many_batches_into_the_file_stops_the_run_naming_its_row_and_column()
    {
        var path = FileWithABadNumberAt(badRow: 3 * BatchReader.BatchSize + 17, rows: 6 * BatchReader.BatchSize);

        var error = Assert.Throws<InputException>(() => Preparation.Run(path));

        Assert.Equal(3 * BatchReader.BatchSize + 17, error.Row);
        Assert.Equal("UnitPrice", error.Column);
        Assert.Equal(path, error.File);
    }

    [Fact]
    public void Skipping_bad_rows_counts_the_one_deep_in_the_file_and_keeps_every_other_row()
    {
        var rows = 5 * BatchReader.BatchSize + 3;
        var path = FileWithABadNumberAt(badRow: 2 * BatchReader.BatchSize, rows);

        var quality = Preparation.Run(path, PrepareOptions.Default with { Ingest = IngestOptions.Default with { SkipBadRows = true } }).Quality;

        Assert.Equal(rows, quality.RowsIn);
        Assert.Equal(rows - 1, quality.RowsOut);
        Assert.Single(quality.BadRowExamples);
        Assert.Equal(rows - 1, Preparation.Run(TransactionTable.Load(path, IngestOptions.Default with { SkipBadRows = true }).Open).Quality.RowsOut);
    }
}
