using Segmentation.Prepare;

namespace Segmentation.Tests.Features;

public sealed class RfmBuilderTests : IDisposable
{
    private const string Header = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n";
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private string File() => _dir.Write("t.csv", Header +
        "1,A,X,2,2011-01-01 10:00:00,1.25,100,UK\n" +
        "1,B,X,1,2011-01-01 10:00:00,3,100,UK\n" +
        "2,A,X,1,2011-01-09 23:59:00,10,100,UK\n" +
        "3,A,X,4,2011-01-10 12:00:00,0.5,200,France\n");

    [Fact]
    public void Snapshot_is_midnight_after_the_last_purchase_and_recency_rounds_down()
    {
        var rfm = Preparation.Run(File()).Rfm;

        Assert.Equal(new DateTime(2011, 1, 11), rfm.Snapshot);
        var a = rfm.Customers[0];
        Assert.Equal(("100", 1, 2, 15.5m, 3), (a.CustomerId, a.Recency, a.Frequency, a.Monetary, a.Lines));
        var b = rfm.Customers[1];
        Assert.Equal(("200", 0, 1, 2m), (b.CustomerId, b.Recency, b.Frequency, b.Monetary));
    }

    [Fact]
    public void As_of_moves_the_snapshot_and_leaves_out_later_rows()
    {
        var prepared = Preparation.Run(File(), new PrepareOptions { AsOf = new DateTime(2011, 1, 5) });

        var only = Assert.Single(prepared.Rfm.Customers);
        Assert.Equal(("100", 3, 1, 5.5m), (only.CustomerId, only.Recency, only.Frequency, only.Monetary));
        Assert.Equal(2, prepared.Quality.RemovedBy(DropReason.AfterAsOf));
    }
}
