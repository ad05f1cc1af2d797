using System.Globalization;
using System.IO.Compression;
using System.Text;
using Segmentation.Prepare.Sources;

namespace Segmentation.Tests.Ingest;

public sealed class CsvIngestTests : IDisposable
{
    private const string Header = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country";
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private static List<Transaction> ReadAll(string path, IngestOptions? options = null)
    {
        using var stream = TransactionReader.Open(path, options);
        return stream.Rows.ToList();
    }

    [Theory]
    [InlineData("\n", ',')]
    [InlineData("\r\n", ',')]
    [InlineData("\r\n", ';')]
    [InlineData("\n", '\t')]
    public void Blank_lines_anywhere_are_skipped_whatever_the_line_ends_separator_and_bom(string eol, char separator)
    {
        string Line(string csv) => csv.Replace(',', separator) + eol;
        var text = "\uFEFF" + Line(Header) + Line("536365,A,X,6,2010-12-01 08:26:00,2.55,17850,UK") + eol
            + Line("536366,A,\"two\nlines\",2,2010-12-02 08:26:00,1.5,17851,UK") + eol + eol
            + Line("536367,A,X,3,2010-12-03 08:26:00,1.5,17852,UK") + eol + eol;
        var path = _dir.Write("blank.csv", text);

        var rows = ReadAll(path, IngestOptions.Default with { Delimiter = separator });

        Assert.Equal(["17850", "17851", "17852"], rows.Select(r => r.CustomerId));
        Assert.Equal("two\nlines", rows[1].Description);
    }

    [Fact]
    public void Quoted_fields_keep_commas_quotes_and_newlines_and_rows_are_numbered_as_a_spreadsheet_shows_them()
    {
        var path = _dir.Write("quoted.csv",
            Header + "\n" +
            "536365,85123A,\"HEART, WHITE\",6,2010-12-01 08:26:00,2.55,17850,United Kingdom\n" +
            "536366,71053,\"SAY \"\"HELLO\"\"\nTWICE\",2,2010-12-01 08:28:00,3.39,17850.0,United Kingdom\n" +
            "536367,22752,PLAIN,1,2010-12-01 08:34:00,7.65,13047,France\n");

        var rows = ReadAll(path);

        Assert.Equal(3, rows.Count);
        Assert.Equal("HEART, WHITE", rows[0].Description);
        Assert.Equal("SAY \"HELLO\"\nTWICE", rows[1].Description);
        Assert.Equal("17850", rows[1].CustomerId);
        Assert.Equal([2L, 3L, 4L], rows.Select(r => r.Row));
        Assert.Equal(2.55m * 6, rows[0].Amount);
        Assert.Equal(new DateTime(2010, 12, 1, 8, 26, 0), rows[0].Date);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_byte_order_mark_and_crlf_line_ends_do_not_change_what_is_read(bool bom)
    {
        var path = _dir.File("bom.csv");
        var text = Header + "\r\n536365,85123A,X,6,2010-12-01 08:26:00,2.55,17850,United Kingdom\r\n";
        File.WriteAllText(path, text, new UTF8Encoding(bom));

        var row = Assert.Single(ReadAll(path));

        Assert.Equal("536365", row.InvoiceNo);
        Assert.Equal("United Kingdom", row.Country);
    }

    [Fact]
    public void A_gzip_file_reads_the_same_rows_as_the_plain_file()
    {
        var text = Header + "\n536365,85123A,X,6,2010-12-01 08:26:00,2.55,17850,United Kingdom\n";
        var plain = _dir.Write("t.csv", text);
        var gz = _dir.File("t.csv.gz");
        using (var file = File.Create(gz))
        using (var zip = new GZipStream(file, CompressionLevel.Optimal))
        {
            zip.Write(Encoding.UTF8.GetBytes(text));
        }

        Assert.Equal(ReadAll(plain), ReadAll(gz));
    }

    [Fact]
    public void A_truncated_gzip_file_is_an_error_not_a_shorter_file()
    {
        var text = new StringBuilder(Header + "\n");
        var random = new Random(1);
        for (var i = 0; i < 20_000; i++) text.Append($"{536365 + i},X{random.Next()},D{random.Next()},6,2010-12-01 08:26:00,2.55,{random.Next(10000, 20000)},UK\n");
        var bytes = Compress(text.ToString());
        var path = _dir.File("cut.csv.gz");
        File.WriteAllBytes(path, bytes[..(bytes.Length * 2 / 3)]);

        var error = Assert.Throws<InputException>(() => ReadAll(path));

        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
        Assert.Equal(path, error.File);
    }

    [Fact]
    public void A_date_in_another_format_reads_with_a_date_format_and_fails_without_one()
    {
        var path = _dir.Write("us.csv", Header + "\n536365,85123A,X,6,12/1/2010 8:26,2.55,17850,United Kingdom\n");

        var error = Assert.Throws<InputException>(() => ReadAll(path));
        Assert.Equal(2, error.Row);
        Assert.Equal("InvoiceDate", error.Column);

        var row = Assert.Single(ReadAll(path, new IngestOptions { DateFormat = "M/d/yyyy H:mm" }));
        Assert.Equal(new DateTime(2010, 12, 1, 8, 26, 0), row.Date);
    }

    [Fact]
    public void A_number_that_does_not_parse_names_its_row_and_column()
    {
        var path = _dir.Write("bad.csv", Header + "\n536365,A,X,6,2010-12-01 08:26:00,2.55,1,UK\n536366,A,X,six,2010-12-01 08:26:00,2.55,1,UK\n");

        var error = Assert.Throws<InputException>(() => ReadAll(path));

        Assert.Equal(3, error.Row);
        Assert.Equal("Quantity", error.Column);
        Assert.Contains("'six' is not a number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Skipping_bad_rows_counts_them_and_keeps_the_good_ones()
    {
        var path = _dir.Write("bad.csv", Header + "\n536365,A,X,6,2010-12-01 08:26:00,2.55,1,UK\n536366,A,X,six,2010-12-01 08:26:00,2.55,1,UK\n536367,A,X,1,yesterday,2.55,1,UK\n536368,A,X,1,2010-12-02 08:26:00,1,2,UK\n");

        using var stream = TransactionReader.Open(path, new IngestOptions { SkipBadRows = true });
        var rows = stream.Rows.ToList();

        Assert.Equal(["536365", "536368"], rows.Select(r => r.InvoiceNo));
        Assert.Equal(2, stream.BadRows.Count);
        Assert.Contains(stream.BadRows.Examples, e => e.Contains("row 4, column 'InvoiceDate'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_row_with_fewer_fields_than_the_header_is_a_bad_row()
    {
        var path = _dir.Write("short.csv", Header + "\n536365,A,X,6,2010-12-01 08:26:00\n");

        var error = Assert.Throws<InputException>(() => ReadAll(path));

        Assert.Equal(2, error.Row);
        Assert.Contains("does not fit the header", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_semicolon_separated_file_reads_with_its_delimiter()
    {
        var path = _dir.Write("semi.csv", Header.Replace(',', ';') + "\n536365;A;X;6;2010-12-01 08:26:00;2.55;17850;UK\n");

        var row = Assert.Single(ReadAll(path, new IngestOptions { Delimiter = ';' }));

        Assert.Equal("17850", row.CustomerId);
    }

    [Theory]
    [InlineData("2.55")]
    [InlineData("2.50")]
    [InlineData("-12")]
    [InlineData("0.001")]
    [InlineData(".5")]
    [InlineData("5.")]
    [InlineData("-0.0")]
    [InlineData("000123.4500")]
    [InlineData("123456789012345678")]
    [InlineData("1234567890123456789")]
    [InlineData("1e3")]
    [InlineData(" 7 ")]
    [InlineData("+3")]
    public void Numbers_parse_to_the_value_and_scale_that_decimal_parse_gives(string text)
    {
        var expected = decimal.Parse(text.Trim(), NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);

        Assert.True(CellParser.TryDecimal(text, out var value));

        Assert.Equal(expected, value);
        // The scale shows in every output: 2.50 must stay 2.50.
        Assert.Equal(expected.ToString(CultureInfo.InvariantCulture), value.ToString(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("2,55", '.', null)]
    [InlineData("1,234.5", '.', null)]
    [InlineData("2,55", ',', "2.55")]
    [InlineData("1.234,5", ',', "1234.5")]
    [InlineData("-0,5", ',', "-0.5")]
    [InlineData("2.55", '.', "2.55")]
    public void Decimal_separators_are_read_as_the_options_say_and_never_guessed(string text, char separator, string? expected)
    {
        var ok = CellParser.TryDecimal(text, out var value, separator);

        Assert.Equal(expected is not null, ok);
        if (expected is not null) Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), value);
    }

    [Fact]
    public void Random_plain_numbers_parse_exactly_as_decimal_parse_does()
    {
        var random = new Random(7);
        for (var i = 0; i < 20_000; i++)
        {
            var digits = random.Next(1, 19);
            var text = (random.Next(2) == 0 ? "-" : "") + string.Concat(Enumerable.Range(0, digits).Select(_ => (char)('0' + random.Next(10))));
            var point = random.Next(digits + 1);
            if (random.Next(3) > 0) text = text.Insert(text.Length - point, ".");

            var expected = decimal.Parse(text, CultureInfo.InvariantCulture);

            // The fast path takes every such number but zero, and gives decimal.Parse's value and scale.
            Assert.Equal(expected != 0, CellParser.TryPlainDecimal(text, out _));
            Assert.True(CellParser.TryDecimal(text, out var value));
            Assert.Equal(expected.ToString(CultureInfo.InvariantCulture), value.ToString(CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void A_value_repeated_from_the_row_above_reads_as_if_it_were_new()
    {
        // Each column remembers the previous row's text; a change of form ("17850.0" then "17850", a padded
        // country, a new date) must read as that row's own value, never as the remembered one.
        var path = _dir.Write("repeats.csv", Header + "\n" +
            "536365,A,X,1,2010-12-01 08:26:00,1,17850.0,UK\n" +
            "536365,A,X,1,2010-12-01 08:26:00,1,17850,UK\n" +
            "536365,A,X,1,2010-12-01 08:26:01,1, 17850 , UK \n" +
            "536366,A,X,1,2010-12-01 08:26:01,1,,\n" +
            "536366,A,X,1,2010-12-01 08:26:01,1,13047,UK\n");

        var rows = ReadAll(path);

        Assert.Equal(["17850", "17850", "17850", null, "13047"], rows.Select(r => r.CustomerId));
        Assert.Equal(["UK", "UK", "UK", null, "UK"], rows.Select(r => r.Country));
        Assert.Equal(["536365", "536365", "536365", "536366", "536366"], rows.Select(r => r.InvoiceNo));
        Assert.Equal([0, 0, 1, 1, 1], rows.Select(r => r.Date.Second));
    }

    [Fact]
    public void A_product_seen_before_is_the_same_string_and_a_padded_one_still_reads_trimmed()
    {
        var path = _dir.Write("products.csv", Header + "\n" +
            "536365,85123A,WHITE HANGING HEART,1,2010-12-01 08:26:00,2.55,17850,UK\n" +
            "536366,71053,WHITE METAL LANTERN,1,2010-12-01 08:28:00,3.39,17850,UK\n" +
            "536367,85123A,WHITE HANGING HEART,1,2010-12-01 08:34:00,2.55,13047,UK\n" +
            "536368, 85123A , WHITE HANGING HEART ,1,2010-12-01 08:34:00,2.55,13047,UK\n");

        var rows = ReadAll(path);

        Assert.Same(rows[0].StockCode, rows[2].StockCode);
        Assert.Same(rows[0].Description, rows[2].Description);
        Assert.Equal("85123A", rows[3].StockCode);
        Assert.Equal("WHITE HANGING HEART", rows[3].Description);
    }

    private static byte[] Compress(string text)
    {
        using var memory = new MemoryStream();
        using (var zip = new GZipStream(memory, CompressionLevel.Optimal, leaveOpen: true)) zip.Write(Encoding.UTF8.GetBytes(text));
        return memory.ToArray();
    }
}
