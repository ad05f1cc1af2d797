using Segmentation.Prepare;
using Segmentation.Prepare.Sources;

namespace Segmentation.Tests.Cleaning;

public sealed class NetCancellationsTests : IDisposable
{
    private const string Header = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n";
    private static readonly PrepareOptions Net = new() { Cleaning = new CleaningOptions { NetCancellations = true } };
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Orders() => _dir.Write("orders.csv", Header +
        // 100 buys 10 of A and cancels all 10 sixteen minutes later: nothing of it counts.
        "1,A,X,10,2011-01-01 10:00:00,2,100,UK\n" +
        "C1,A,X,-10,2011-01-01 10:16:00,2,100,UK\n" +
        "2,B,Y,1,2011-01-05 10:00:00,7,100,UK\n" +
        // 200 buys 5 of A twice; the later purchase is the nearest: 3 of its 5 are cancelled, 2 remain.
        "3,A,X,5,2011-02-01 10:00:00,2,200,UK\n" +
        "4,A,X,5,2011-02-03 10:00:00,2,200,UK\n" +
        "C2,A,X,-3,2011-02-04 10:00:00,2,200,UK\n" +
        // 300 cancels more than any earlier line holds, and cancels a product bought only afterwards: no match.
        "5,A,X,4,2011-03-01 10:00:00,2,300,UK\n" +
        "C3,A,X,-6,2011-03-02 10:00:00,2,300,UK\n" +
        "C4,B,Y,-1,2011-03-02 10:00:00,7,300,UK\n" +
        "6,B,Y,1,2011-03-05 10:00:00,7,300,UK\n" +
        // 400's cancellation of A does not touch 100's purchase of A, nor 400's purchase of B.
        "7,B,Y,10,2011-01-01 09:00:00,1,400,UK\n" +
        "C5,A,X,-10,2011-01-02 10:00:00,2,400,UK\n" +
        "8,B,Y,1,2011-01-06 10:00:00,1,400,UK\n");

    private static decimal Monetary(PreparedData prepared, string customer) =>
        prepared.Rfm.Customers.Single(c => c.CustomerId == customer).Monetary;

    [Fact]
    public void A_purchase_cancelled_in_full_is_removed_and_a_partial_one_reduced()
    {
        var prepared = Preparation.Run(Orders(), Net);
        var q = prepared.Quality;

        Assert.Equal(5, q.RemovedBy(DropReason.Cancelled));
        Assert.Equal(1, q.RemovedBy(DropReason.CancelledPurchase));
        Assert.Equal(1, q.PurchasesReduced);
        Assert.Equal(13 - 5 - 1, q.RowsOut);
        Assert.Equal(q.RowsIn - q.RowsOut, q.RowsRemoved);
        Assert.Equal(7m, Monetary(prepared, "100"));
        Assert.Equal(1, prepared.Rfm.Customers.Single(c => c.CustomerId == "100").Frequency);
        Assert.Equal(10m + 4m, Monetary(prepared, "200"));
        Assert.Equal(8m + 7m, Monetary(prepared, "300"));
        Assert.Equal(11m, Monetary(prepared, "400"));
        Assert.Equal(7m + 14m + 15m + 11m, q.Revenue);
    }

    [Fact]
    public void The_standard_cleaning_keeps_the_cancelled_purchases()
    {
        var prepared = Preparation.Run(Orders());

        Assert.Equal(0, prepared.Quality.RemovedBy(DropReason.CancelledPurchase));
        Assert.Equal(0, prepared.Quality.PurchasesReduced);
        Assert.Equal(27m, Monetary(prepared, "100"));
        Assert.Equal(20m, Monetary(prepared, "200"));
    }

    [Fact]
    public void A_cancellation_on_or_after_the_as_of_date_has_not_happened_yet()
    {
        var options = Net with { AsOf = new DateTime(2011, 1, 1, 10, 10, 0) };

        var prepared = Preparation.Run(Orders(), options);

        Assert.Equal(20m, Monetary(prepared, "100"));
        Assert.Equal(0, prepared.Quality.RemovedBy(DropReason.CancelledPurchase));
    }

    [Fact]
    public void Netting_needs_the_columns_that_identify_a_purchase()
    {
        var path = _dir.Write("amounts.csv", "CustomerID,InvoiceDate,Amount,InvoiceNo\n100,2011-01-01 10:00:00,5,1\n");
        var options = Net with { Ingest = Net.Ingest with { Mapping = ColumnMapping.OnlineRetail with { Amount = "Amount", Quantity = null, UnitPrice = null, StockCode = null, Description = null, Country = null } } };

        var error = Assert.Throws<OptionException>(() => Preparation.Run(path, options));

        Assert.Equal(OptionNames.NetCancellations, error.Option);
        Assert.Contains("quantity, unit price, stock code columns", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Netting_kept_cancellations_is_refused()
    {
        var options = new PrepareOptions { Cleaning = new CleaningOptions { NetCancellations = true, DropCancelled = false } };

        var error = Assert.Throws<OptionException>(() => Preparation.Run(Orders(), options));

        Assert.Equal(OptionNames.NetCancellations, error.Option);
    }

    [Fact]
    public void Excluded_stock_codes_are_removed_ignoring_case_and_counted_before_the_other_rules()
    {
        var path = _dir.Write("fees.csv", Header +
            "1,POST,POSTAGE,1,2011-01-01 10:00:00,18,100,UK\n" +
            "2,post,postage,1,2011-01-02 10:00:00,18,100,UK\n" +
            "C3,POST,POSTAGE,-1,2011-01-03 10:00:00,18,100,UK\n" +
            "4,M,Manual,1,2011-01-04 10:00:00,0,100,UK\n" +
            "5,A,X,2,2011-01-05 10:00:00,1.5,100,UK\n" +
            "6,POSTCARD,Y,1,2011-01-06 10:00:00,1,100,UK\n");
        var options = new PrepareOptions { Cleaning = new CleaningOptions { ExcludedProducts = CleaningOptions.OnlineRetailNonProducts } };

        var prepared = Preparation.Run(path, options);

        Assert.Equal(4, prepared.Quality.RemovedBy(DropReason.ExcludedProduct));
        Assert.Equal(0, prepared.Quality.RemovedBy(DropReason.Cancelled));
        Assert.Equal(0, prepared.Quality.RemovedBy(DropReason.NonPositivePrice));
        Assert.Equal(4m, Monetary(prepared, "100"));
        Assert.Equal(["A X", "POSTCARD Y"], prepared.Sales.TopProducts.Select(p => p.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_stock_code_is_a_parameter_not_part_of_the_statement()
    {
        var path = _dir.Write("quote.csv", Header +
            "1,A'B,X,1,2011-01-01 10:00:00,3,100,UK\n" +
            "2,A,X,1,2011-01-02 10:00:00,5,100,UK\n");
        var options = new PrepareOptions { Cleaning = new CleaningOptions { ExcludedProducts = ["a'b", "') OR 1=1 --"] } };

        var prepared = Preparation.Run(path, options);

        Assert.Equal(1, prepared.Quality.RemovedBy(DropReason.ExcludedProduct));
        Assert.Equal(5m, Monetary(prepared, "100"));
    }
}
