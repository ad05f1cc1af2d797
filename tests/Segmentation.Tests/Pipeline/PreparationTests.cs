using System.Text;
using Segmentation.Prepare;
using Segmentation.Prepare.Sources;

namespace Segmentation.Tests.Pipeline;

/// <summary>
/// The engine reads a CSV itself; a value it cannot cast sends the file to the row readers, which name the row and
/// column (or skip and count it). Both ways of reading give the same account, RFM and sales.
/// </summary>
public sealed class PreparationTests : IDisposable
{
    private const string Header = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n";

    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private string FileWithABadNumberAt(int badRow, int rows)
    {
        var text = new StringBuilder(Header);
        for (var row = 2; row <= rows + 1; row++)
        {
            var price = row == badRow ? "two" : "2.50";
            text.Append(row / 7).Append(",A,Thing,1,2011-01-01 10:00:00,").Append(price).Append(',').Append(12000 + row % 50).Append(",UK\n");
        }
        return _dir.Write("rows.csv", text.ToString());
    }

    [Fact]
    public void A_bad_value_deep_in_a_file_the_engine_reads_stops_the_run_naming_its_row_and_column()
    {
        var path = FileWithABadNumberAt(badRow: 12_345, rows: 25_000);

        var error = Assert.Throws<InputException>(() => Preparation.Run(path));

        Assert.Equal(12_345, error.Row);
        Assert.Equal("UnitPrice", error.Column);
        Assert.Equal(path, error.File);
    }

    [Fact]
    public void Skipping_bad_rows_counts_the_one_deep_in_the_file_and_keeps_every_other_row()
    {
        const int rows = 20_003;
        var path = FileWithABadNumberAt(badRow: 8_192, rows);

        var quality = Preparation.Run(path, PrepareOptions.Default with { Ingest = IngestOptions.Default with { SkipBadRows = true } }).Quality;

        Assert.Equal(rows, quality.RowsIn);
        Assert.Equal(rows - 1, quality.RowsOut);
        Assert.Single(quality.BadRowExamples);
        Assert.Equal(rows - 1, Preparation.Run(TransactionTable.Load(path, IngestOptions.Default with { SkipBadRows = true }).Open).Quality.RowsOut);
    }

    public static TheoryData<string> Options() => ["standard", "duplicates dropped", "as of", "nothing but customers"];

    [Theory]
    [MemberData(nameof(Options))]
    public void The_engine_reading_a_file_and_the_row_readers_appending_it_give_the_same_account_rfm_and_sales(string name)
    {
        var path = _dir.Write("dirty.csv", """
            InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
            1,A, Red mug ,2,2011-01-03 10:00:00,2.50,17850.0,United Kingdom
            1,A, Red mug ,2,2011-01-03 10:00:00,2.50,17850,United Kingdom
            1,B,Plate,1,2011-01-03 10:00:00,0,17850,United Kingdom
            C2,A,Red mug,-1,2011-01-04 09:00:00,2.50,17850,United Kingdom
            3,A,Red mug,3,2011-02-01 12:30:00,2.50, 12347 ,France
            3,C,Bowl,0,2011-02-01 12:30:00,4.00,12347,France
            4,B,Plate,5,2011-03-05 08:00:00,1.25,,Germany
            5,C,Bowl,1,2011-03-06 18:45:00,4.00,12347,
            6,C,Bowl,7,2011-04-06 18:45:00,4.125,13000,Spain
            """);
        var options = name switch
        {
            "duplicates dropped" => PrepareOptions.Default with { Cleaning = CleaningOptions.Default with { DropDuplicates = true } },
            "as of" => PrepareOptions.Default with { AsOf = new DateTime(2011, 3, 6) },
            "nothing but customers" => PrepareOptions.Default with
            {
                Cleaning = new CleaningOptions { DropCancelled = false, DropNonPositivePrice = false, DropNonPositiveQuantity = false },
            },
            _ => PrepareOptions.Default,
        };

        var byEngine = Preparation.Run(path, options);
        var byRows = Preparation.Run(TransactionTable.Load(path).Open, options);

        Assert.Equal(["prepare"], byEngine.Timings.Select(t => t.Stage));
        Assert.Equal(["ingest", "prepare"], byRows.Timings.Select(t => t.Stage));
        Assert.Equal(byRows.Quality with { BadRowExamples = [], Removed = [], Columns = [] }, byEngine.Quality with { BadRowExamples = [], Removed = [], Columns = [] });
        Assert.Equal(byRows.Quality.Columns, byEngine.Quality.Columns);
        Assert.Equal(byRows.Quality.Removed, byEngine.Quality.Removed);
        Assert.Equal(byRows.Rfm.Customers, byEngine.Rfm.Customers);
        Assert.Equal(byRows.Sales.Months, byEngine.Sales.Months);
        Assert.Equal(byRows.Sales.Countries, byEngine.Sales.Countries);
        Assert.Equal(byRows.Sales.TopProducts, byEngine.Sales.TopProducts);
        // The key 17850.0 is the customer 17850, " 12347 " is 12347 (the row without a customer is removed; 13000 buys after the as-of date).
        Assert.Equal(name == "as of" ? ["12347", "17850"] : ["12347", "13000", "17850"], byEngine.Rfm.Customers.Select(c => c.CustomerId));
        Assert.Equal(1, byEngine.Quality.DuplicateRowsFound);
        var (expected17850, expected12347) = name switch
        {
            "duplicates dropped" => (5m, 11.5m),
            "as of" => (10m, 7.5m),
            "nothing but customers" => (7.5m, 11.5m),
            _ => (10m, 11.5m),
        };
        Assert.Equal(expected17850, byEngine.Rfm.Customers.Single(c => c.CustomerId == "17850").Monetary);
        Assert.Equal(expected12347, byEngine.Rfm.Customers.Single(c => c.CustomerId == "12347").Monetary);
    }

    [Fact]
    public void An_invoice_whose_lines_fall_in_two_months_and_two_countries_is_one_order_with_its_sales_in_each()
    {
        // Invoice 7's lines straddle midnight at the month's end and name two countries; 8 is a second order.
        var path = _dir.Write("straddling.csv", """
            InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
            7,A,Mug,2,2011-01-31 23:59:00,2.50,12347,Spain
            7,B,Plate,1,2011-02-01 00:01:00,4.00,12347,France
            8,A,Mug,1,2011-03-01 10:00:00,2.50,12347,Spain
            8,C,Bowl,0,2011-03-01 10:00:00,3.00,12347,Portugal
            """);

        var prepared = Preparation.Run(path);

        var customer = Assert.Single(prepared.Rfm.Customers);
        Assert.Equal(2, customer.Frequency);
        Assert.Equal(11.5m, customer.Monetary);
        Assert.Equal(3, customer.Lines);
        // The first in ordinal order of the countries of the customer's kept lines (Portugal's line was removed).
        Assert.Equal("France", customer.Country);
        Assert.Equal(2, prepared.Quality.Invoices);
        Assert.Equal([("2011-01", 5m, 1L), ("2011-02", 4m, 1L), ("2011-03", 2.5m, 1L)], prepared.Sales.Months.Select(m => (m.Key, m.Revenue, m.Lines)).OrderBy(m => m.Key));
        Assert.Equal([("France", 4m, 1L), ("Spain", 7.5m, 2L)], prepared.Sales.Countries.Select(c => (c.Key, c.Revenue, c.Lines)).OrderBy(c => c.Key));
    }

    [Fact]
    public void A_run_leaves_the_products_untotalled_and_everything_else_as_a_full_preparation_gives_it()
    {
        var path = _dir.File("sample.csv");
        using (var writer = new StreamWriter(path)) Segmentation.Prepare.Sample.SampleGenerator.WriteCsv(writer, Segmentation.Prepare.Sample.SampleGenerator.Generate(new() { Customers = 300 }));

        var full = Preparation.Run(path);
        var run = Preparation.Run(path, Segmentation.Runs.SegmentationOptions.Default.Preparation);

        Assert.NotEmpty(full.Sales.TopProducts);
        Assert.Empty(run.Sales.TopProducts);
        Assert.Equal(full.Sales.Months, run.Sales.Months);
        Assert.Equal(full.Sales.Countries, run.Sales.Countries);
        Assert.Equal(full.Rfm.Customers, run.Rfm.Customers);
        Assert.Equal(full.Quality with { BadRowExamples = [], Removed = [], Columns = [] }, run.Quality with { BadRowExamples = [], Removed = [], Columns = [] });
        Assert.Equal(full.Quality.Removed, run.Quality.Removed);
    }

    [Fact]
    public void The_rfm_table_is_in_ordinal_order_where_the_engines_order_of_the_ids_is_another()
    {
        // The engine orders text by code point: U+FF01 before U+1F600, which ordinal order (by UTF-16 unit) puts first.
        string[] ids = ["\uFF01", "\U0001F600", "17850", "A"];
        var path = _dir.Write("ids.csv", Header + string.Concat(ids.Select((id, i) => $"{500 + i},X,Thing,1,2011-01-0{i + 1} 10:00:00,2.5,{id},UK\n")));

        var prepared = Preparation.Run(path);

        Assert.Equal(ids.Order(StringComparer.Ordinal), prepared.Rfm.Customers.Select(c => c.CustomerId));
    }

    [Fact]
    public void A_key_that_a_float_column_wrote_is_read_alike_by_the_engine_and_the_row_readers()
    {
        // Whole numbers with a point and zeros lose them; anything else stays as written, ending in 0 or not.
        string[] keys = ["100", "100.0", "120.50", "-5.0", "1.05", "10.00", "7.", "0.0", "A10.0", "20"];
        var path = _dir.Write("keys.csv", Header + string.Concat(keys.Select((key, i) => $"{key},{key},Thing,1,2011-01-0{1 + i % 9} 10:00:00,2.5,{key},UK\n")));

        var byEngine = Preparation.Run(path);
        var byRows = Preparation.Run(TransactionTable.Load(path).Open);

        Assert.Equal(["prepare"], byEngine.Timings.Select(t => t.Stage));
        Assert.Equal(byRows.Rfm.Customers, byEngine.Rfm.Customers);
        Assert.Equal(byRows.Quality.Invoices, byEngine.Quality.Invoices);
        Assert.Contains(byEngine.Rfm.Customers, c => c.CustomerId == "120.50");
        // 100 and 100.0 are one customer, and as invoices one order.
        Assert.Equal((1, 2), byEngine.Rfm.Customers.Single(c => c.CustomerId == "100") is var c100 ? (c100.Frequency, c100.Lines) : default);
    }
}
