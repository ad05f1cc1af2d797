using Segmentation.Prepare.Sources;

namespace Segmentation.Tests.Ingest;

public sealed class ExcelIngestTests : IDisposable
{
    private static readonly object?[] Header = ["InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country"];
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Numeric_and_text_cells_in_one_column_give_the_same_keys_as_the_csv()
    {
        var path = _dir.File("mixed.xlsx");
        var date = new DateTime(2010, 12, 1, 8, 26, 0);
        new XlsxBuilder().Sheet("Online Retail",
            Header,
            [536365d, "85123A", "WHITE HEART", 6d, date, 2.55, 17850d, "United Kingdom"],
            [ "C536379", 71053d, "LANTERN", -1d, date.AddHours(1), 3.39, 17850.0, "United Kingdom"],
            [536380d, "22752", "SET", 2d, date.AddHours(2), 7.65, null, "France"]).Save(path);

        using var stream = TransactionReader.Open(path);
        var rows = stream.Rows.ToList();

        Assert.Equal(["536365", "C536379", "536380"], rows.Select(r => r.InvoiceNo));
        Assert.Equal(["85123A", "71053", "22752"], rows.Select(r => r.StockCode));
        Assert.Equal(["17850", "17850", null], rows.Select(r => r.CustomerId));
        Assert.Equal(date, rows[0].Date);
        Assert.Equal(2.55m, rows[0].UnitPrice);
        Assert.Equal(-1m, rows[1].Quantity);
        Assert.Equal([2L, 3L, 4L], rows.Select(r => r.Row));
    }

    [Fact]
    public void A_named_sheet_is_read_and_a_missing_one_lists_the_sheets()
    {
        var path = _dir.File("two.xlsx");
        new XlsxBuilder()
            .Sheet("Notes", ["nothing here"])
            .Sheet("Data", Header, [536365d, "A", "X", 1d, new DateTime(2011, 1, 2), 1d, 12345d, "UK"])
            .Save(path);

        using (var stream = TransactionReader.Open(path, new IngestOptions { Sheet = "Data" }))
        {
            Assert.Equal("12345", Assert.Single(stream.Rows).CustomerId);
        }
        var error = Assert.Throws<InputException>(() => TransactionReader.Open(path, new IngestOptions { Sheet = "Sales" }));
        Assert.Contains("'Notes', 'Data'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_dates_in_a_workbook_parse_like_csv_dates()
    {
        var path = _dir.File("textdate.xlsx");
        new XlsxBuilder().Sheet("S", Header, [536365d, "A", "X", 1d, "2011-03-04 05:06:07", 1d, 12345d, "UK"]).Save(path);

        using var stream = TransactionReader.Open(path);

        Assert.Equal(new DateTime(2011, 3, 4, 5, 6, 7), Assert.Single(stream.Rows).Date);
    }

    [Fact]
    public void A_text_cell_in_a_number_column_names_its_cell()
    {
        var path = _dir.File("bad.xlsx");
        new XlsxBuilder().Sheet("S", Header,
            [536365d, "A", "X", 1d, new DateTime(2011, 1, 2), 1d, 12345d, "UK"],
            [536366d, "A", "X", "lots", new DateTime(2011, 1, 2), 1d, 12345d, "UK"]).Save(path);

        using var stream = TransactionReader.Open(path);
        var error = Assert.Throws<InputException>(() => stream.Rows.ToList());

        Assert.Equal(3, error.Row);
        Assert.Equal("Quantity", error.Column);
    }

    [Fact]
    public void A_damaged_workbook_is_a_clear_error()
    {
        var path = _dir.File("broken.xlsx");
        File.WriteAllBytes(path, [.. "PK\u0003\u0004"u8, .. new byte[200]]);

        var error = Assert.Throws<InputException>(() => TransactionReader.Open(path));

        Assert.Contains("not a readable Excel workbook", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_password_protected_workbook_says_so()
    {
        // Made with msoffcrypto-tool (Debian python3-msoffcrypto-tool) from a one-row workbook; password "secret".
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "password_protected.xlsx");

        var error = Assert.Throws<InputException>(() => TransactionReader.Open(path));

        Assert.Contains("password-protected", error.Message, StringComparison.Ordinal);
    }
}
