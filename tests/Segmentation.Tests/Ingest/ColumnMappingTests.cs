using Segmentation.Prepare;
using Segmentation.Prepare.Sources;

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

        var error = Assert.Throws<MissingColumnsException>(() => TransactionReader.Open(path));

        Assert.Equal(ColumnRole.Customer, Assert.Single(error.MissingColumns).Role);
        Assert.Equal(1, error.Row);
        Assert.Contains("'InvoiceNo', 'StockCode'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_home_made_export_is_mapped_by_its_column_names_alone()
    {
        var path = _dir.Write("company.csv",
            "order_id,customer_id,order_date,qty,unit_price\n" +
            "1001,C1,2011-01-03 10:00,2,5.00\n" +
            "1002,C1,2011-02-03 10:00,1,7.50\n" +
            "1003,C2,2011-02-04 11:00,3,2.00\n");

        var prepared = Preparation.Run(path, PrepareOptions.Default);

        var c1 = prepared.Rfm.Customers.Single(c => c.CustomerId == "C1");
        Assert.Equal(2, c1.Frequency);
        Assert.Equal(17.5m, c1.Monetary);
        Assert.Equal(
            ["customer=customer_id", "invoice=order_id", "date=order_date", "quantity=qty", "unit price=unit_price"],
            prepared.Quality.Columns.Select(c => $"{c.Field}={c.Header}"));
    }

    [Theory]
    [InlineData("Client No;Order Number;Created At;Total", "client no", "order number", "created at", "total")]
    [InlineData("CLIENT,INVOICE,TIMESTAMP,LINE-TOTAL,Country", "client", "invoice", "timestamp", "line-total")]
    public void Names_are_recognised_whatever_their_case_and_separators(string header, string customer, string invoice, string date, string amount)
    {
        var fields = header.Split(header.Contains(';', StringComparison.Ordinal) ? ';' : ',');
        var mapping = ColumnRecogniser.Find("f.csv", fields, new Dictionary<ColumnRole, string?>(), ',');

        Assert.Equal([customer, invoice, date, amount], new[] { mapping.Customer, mapping.Invoice, mapping.Date, mapping.Amount }.Select(n => n!.ToLowerInvariant()));
        Assert.Null(mapping.Quantity);
    }

    [Fact]
    public void A_german_export_is_mapped_by_its_german_column_names()
    {
        var mapping = ColumnRecogniser.Find("kunden.csv", ["Beleg", "Artikel", "Bezeichnung", "Menge", "Datum", "Preis", "Kunde", "Land"], new Dictionary<ColumnRole, string?>(), ',');

        Assert.Equal(("Kunde", "Beleg", "Datum", "Menge", "Preis", "Artikel", "Bezeichnung", "Land"),
            (mapping.Customer, mapping.Invoice, mapping.Date, mapping.Quantity, mapping.UnitPrice, mapping.StockCode, mapping.Description, mapping.Country));
    }

    [Fact]
    public void A_header_on_an_order_date_is_the_date_not_the_order()
    {
        var mapping = ColumnRecogniser.Find("f.csv", ["Kundennummer", "Bestellnummer", "Ordered On", "Betrag"], new Dictionary<ColumnRole, string?>(), ',');

        Assert.Equal(("Kundennummer", "Bestellnummer", "Ordered On", "Betrag"), (mapping.Customer, mapping.Invoice, mapping.Date, mapping.Amount));
    }

    [Fact]
    public void A_named_column_is_taken_as_named_and_the_rest_are_found()
    {
        var mapping = ColumnRecogniser.Find("f.csv", ["who", "customer_id", "order_id", "date", "amount"],
            new Dictionary<ColumnRole, string?> { [ColumnRole.Customer] = "who" }, ',');

        Assert.Equal(("who", "order_id", "date", "amount"), (mapping.Customer, mapping.Invoice, mapping.Date, mapping.Amount));
    }

    [Fact]
    public void Every_missing_field_is_told_at_once_with_the_closest_headers()
    {
        var error = Assert.Throws<MissingColumnsException>(() => ColumnRecogniser.Find("f.csv",
            ["cust_nr", "ref_x", "sale_dt", "qty", "cost"], new Dictionary<ColumnRole, string?>(), ','));

        var missing = error.MissingColumns;
        Assert.Equal([ColumnRole.Customer, ColumnRole.Invoice, ColumnRole.Date, ColumnRole.UnitPrice], missing.Select(m => m.Role));
        Assert.Equal("cust_nr", missing[0].Closest[0]);
        Assert.Equal("sale_dt", missing[2].Closest[0]);
        Assert.Contains("'cust_nr', 'ref_x', 'sale_dt', 'qty', 'cost'", error.Reason, StringComparison.Ordinal);
        Assert.Equal(OptionNames.CustomerColumn, missing[0].Option);
    }

    [Theory]
    [InlineData("customer_id\torder_id\tdate\tamount", ',', '\t')]
    [InlineData("customer_id;order_id;date;amount", ',', ';')]
    [InlineData("customer_id,order_id,date,amount", ';', ',')]
    public void A_header_of_one_field_names_the_delimiter_it_probably_uses(string header, char given, char probable)
    {
        var path = _dir.Write("export.txt", header + "\nA\n");

        var error = Assert.Throws<InputException>(() => TransactionReader.Open(path, new IngestOptions { Delimiter = given }));

        Assert.Equal(OptionNames.Delimiter, error.Option);
        Assert.Contains(probable == '\t' ? "separated by tabs ('tab')" : $"separated by '{probable}'", error.Reason, StringComparison.Ordinal);
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
        Assert.Equal(1, prepared.Quality.RemovedBy(Segmentation.Prepare.DropReason.NonPositiveAmount));
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
