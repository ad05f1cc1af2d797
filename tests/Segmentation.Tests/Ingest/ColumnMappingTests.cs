using Segmentation.Ingest;
using Segmentation.Pipeline;

namespace Segmentation.Tests.Ingest;

public sealed class ColumnMappingTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_online_retail_II_export_is_recognised_by_its_header()
    {
        var path = _dir.Write("ii.csv",
            "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country\n" +
            "489434,85048,LIGHTS,12,2009-12-01 07:45:00,6.95,13085.0,United Kingdom\n");

        using var stream = TransactionReader.Open(path);
        var row = Assert.Single(stream.Rows);

        Assert.Same(ColumnMapping.OnlineRetailII, stream.Mapping);
        Assert.Equal("13085", row.CustomerId);
        Assert.Equal("489434", row.InvoiceNo);
        Assert.Equal(12 * 6.95m, row.Amount);
    }

    [Fact]
    public void A_missing_required_column_names_it_and_lists_the_header()
    {
        var path = _dir.Write("nocust.csv", "InvoiceNo,StockCode,Quantity,InvoiceDate,UnitPrice\n1,A,1,2011-01-01,1\n");

        var error = Assert.Throws<InputException>(() => TransactionReader.Open(path));

        Assert.Equal("CustomerID", error.Column);
        Assert.Equal(1, error.Row);
        Assert.Contains("'InvoiceNo', 'StockCode'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_layout_with_a_line_amount_and_no_invoice_counts_each_customer_timestamp_as_one_order()
    {
        var path = _dir.Write("pos.csv",
            "client;when;total\n" +
            "A;2011-01-01 10:00;10.50\n" +
            "A;2011-01-01 10:00;4.50\n" +   // same basket
            "A;2011-01-05 09:00;20\n" +
            "B;2011-01-03 12:00;-3\n" +     // a refund: amount <= 0 rule
            "B;2011-01-04 12:00;7\n");
        var options = new PrepareOptions
        {
            Ingest = new IngestOptions
            {
                Delimiter = ';',
                Mapping = new ColumnMapping { Customer = "client", Date = "when", Amount = "total", Invoice = null, Quantity = null, UnitPrice = null, StockCode = null, Description = null, Country = null },
            },
        };

        var prepared = Preparation.Run(path, options);

        var a = prepared.Rfm.Customers.Single(c => c.CustomerId == "A");
        Assert.Equal(2, a.Frequency);
        Assert.Equal(35m, a.Monetary);
        Assert.Equal(1, prepared.Quality.RemovedBy(Segmentation.Cleaning.DropReason.NonPositiveAmount));
        Assert.Equal(3, prepared.Quality.Invoices);
    }

    [Fact]
    public void A_mapping_without_amount_or_quantity_and_price_is_refused()
    {
        var path = _dir.Write("x.csv", "c,d,q\nA,2011-01-01,1\n");
        var mapping = new ColumnMapping { Customer = "c", Date = "d", Invoice = null, UnitPrice = null, Quantity = "q" };

        var error = Assert.Throws<InputException>(() => TransactionReader.Open(path, new IngestOptions { Mapping = mapping }));

        Assert.Contains("line-amount", error.Message, StringComparison.Ordinal);
    }
}
