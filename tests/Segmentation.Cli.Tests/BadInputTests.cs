using System.IO.Compression;
using System.Text;
using Segmentation.Tests;

namespace Segmentation.Cli.Tests;

/// <summary>
/// Every kind of bad input: one line on stderr naming the file (and the row and column where there is
/// one), exit code 2, no stack trace, and nothing written to the output folder.
/// </summary>
public sealed class BadInputTests : IDisposable
{
    private const string Header = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country";
    private const string GoodRow = "536365,85123A,HEART,6,2010-12-01 08:26:00,2.55,17850,United Kingdom";
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Out => _dir.File("out");

    private void AssertRefused(string input, string expected, params string[] extra)
    {
        var before = File.Exists(input) ? File.ReadAllBytes(input) : null;

        var result = Cli.Run(["run", "--input", input, "--out", Out, .. extra]);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        var line = Assert.Single(result.Error.TrimEnd().Split('\n'));
        Assert.StartsWith($"error: {input}", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Out) && Directory.EnumerateFileSystemEntries(Out).Any(), "nothing is written");
        if (before is not null) Assert.Equal(before, File.ReadAllBytes(input));
    }

    [Fact]
    public void A_file_that_does_not_exist() =>
        AssertRefused(_dir.File("nope.csv"), "the file does not exist");

    [Fact]
    public void An_empty_file() =>
        AssertRefused(_dir.Write("empty.csv", ""), "the file is empty");

    [Fact]
    public void A_header_with_no_rows() =>
        AssertRefused(_dir.Write("header.csv", Header + "\n"), "the file has a header but no data rows");

    [Fact]
    public void A_missing_required_column() =>
        AssertRefused(_dir.Write("nocol.csv", Header.Replace(",CustomerID", "", StringComparison.Ordinal) + "\n1,A,X,1,2011-01-01,1,UK\n"),
            "row 1: cannot find the column for customer; the header has 'InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'Country'. Name them: --customer-column COLUMN");

    [Fact]
    public void A_date_that_does_not_parse() =>
        AssertRefused(_dir.Write("date.csv", $"{Header}\n{GoodRow}\n{GoodRow.Replace("2010-12-01 08:26:00", "01.12.2010", StringComparison.Ordinal)}\n"),
            "row 3, column 'InvoiceDate': '01.12.2010' is not an ISO date such as 2011-12-09 12:50:00; give the date format for other forms (see --date-format)");

    [Fact]
    public void A_number_that_does_not_parse() =>
        AssertRefused(_dir.Write("num.csv", $"{Header}\n{GoodRow.Replace(",6,", ",6x,", StringComparison.Ordinal)}\n"),
            "row 2, column 'Quantity': '6x' is not a number");

    [Fact]
    public void A_price_that_does_not_parse() =>
        AssertRefused(_dir.Write("price.csv", $"{Header}\n{GoodRow}\n{GoodRow.Replace("2.55", "£2.55", StringComparison.Ordinal)}\n"),
            "row 3, column 'UnitPrice': '£2.55' is not a number");

    [Fact]
    public void A_truncated_gzip()
    {
        var text = new StringBuilder(Header + "\n");
        for (var i = 0; i < 30_000; i++) text.Append(GoodRow.Replace("536365", (536365 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)).Append('\n');
        using var memory = new MemoryStream();
        using (var zip = new GZipStream(memory, CompressionLevel.Fastest, leaveOpen: true)) zip.Write(Encoding.UTF8.GetBytes(text.ToString()));
        var path = _dir.File("cut.csv.gz");
        File.WriteAllBytes(path, memory.ToArray()[..(int)(memory.Length / 2)]);

        AssertRefused(path, "the compressed data is damaged or truncated");
    }

    [Fact]
    public void A_corrupt_workbook()
    {
        var path = _dir.File("corrupt.xlsx");
        File.WriteAllBytes(path, [.. "PK\u0003\u0004"u8, .. Encoding.ASCII.GetBytes(new string('x', 500))]);

        AssertRefused(path, "not a readable Excel workbook");
    }

    [Fact]
    public void A_password_protected_workbook() =>
        AssertRefused(Path.Combine(AppContext.BaseDirectory, "Fixtures", "password_protected.xlsx"), "the workbook is password-protected");

    [Fact]
    public void A_bad_row_is_skipped_and_counted_on_request()
    {
        var others = string.Join("\n", Enumerable.Range(1, 5).Select(i => GoodRow.Replace("17850", $"1785{i}", StringComparison.Ordinal).Replace(",6,", $",{i * i},", StringComparison.Ordinal)));
        var input = _dir.Write("skip.csv", $"{Header}\n{GoodRow}\n{GoodRow.Replace("6,", "six,", StringComparison.Ordinal)}\n{others}\n");

        var result = Cli.Run("run", "--input", input, "--out", Out, "--skip-bad-rows");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Matches(@"a value did not parse \(skipped on request\)\s+1", result.Out);
        Assert.Contains("skipped: " + input + ", row 3, column 'Quantity'", result.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Out, "rfm.csv")));
    }

    [Fact]
    public void Customers_who_all_look_the_same_cannot_be_segmented_and_say_so()
    {
        var rows = string.Join("\n", Enumerable.Range(1, 5).Select(i => GoodRow.Replace("17850", $"1785{i}", StringComparison.Ordinal)));

        AssertRefused(_dir.Write("same.csv", $"{Header}\n{rows}\n"), "only 1 of the 5 customers differ in recency, frequency and monetary");
    }

    [Theory]
    [InlineData("--k", "1", "error: --k: k must be at least 2")]
    [InlineData("--kmin", "1", "error: --kmin: ")]
    [InlineData("--restarts", "0", "error: --restarts: must be at least 1")]
    [InlineData("--delimiter", ";;", "error: --delimiter: ';;' is not one character")]
    [InlineData("--as-of", "yesterday", "error: --as-of: 'yesterday' is not a date")]
    public void A_wrong_option_is_refused_before_any_data_is_read_naming_its_flag(string flag, string value, string message)
    {
        // A file that does not exist: the option must be refused before the file is even opened.
        var result = Cli.Run("run", "--input", _dir.File("missing.csv"), flag, value, "--out", Out);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith(message, result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public void Flags_that_say_how_to_read_a_file_do_not_apply_to_the_sample()
    {
        var result = Cli.Run("run", "--sample", "--delimiter", ";", "--customer-column", "Client", "--out", Out, "--no-report", "--no-history");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("note: --delimiter, --customer-column say how to read a file", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Columns_not_found_are_told_in_one_line_with_flags_that_make_the_next_run_succeed()
    {
        var input = _dir.Write("shop.csv",
            "cust nr,ref_x,sale_dt,qty,price\n" +
            "A,1,2011-01-03,2,5.00\nB,2,2011-02-03,1,7.50\nC,3,2011-02-04,3,2.00\nA,4,2011-03-01,1,4.00\n");

        var failed = Cli.Run("run", "--input", input, "--out", _dir.File("out"), "--no-report", "--no-history");

        Assert.Equal(ExitCodes.BadInput, failed.ExitCode);
        var line = Assert.Single(failed.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("cannot find the columns for customer (closest: 'cust nr'), invoice, date (closest: 'sale_dt')", line, StringComparison.Ordinal);
        Assert.EndsWith("Name them: --customer-column 'cust nr' --invoice-column COLUMN --date-column sale_dt (or --no-invoice-column)", line.TrimEnd(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dir.File("out")));

        var fixedRun = Cli.Run("run", "--input", input, "--customer-column", "cust nr", "--invoice-column", "ref_x", "--date-column", "sale_dt",
            "--out", _dir.File("out"), "--no-report", "--no-history");

        Assert.True(fixedRun.ExitCode == 0, fixedRun.Error);
        Assert.Contains("columns read: customer = cust nr, invoice = ref_x, date = sale_dt, quantity = qty, unit price = price", fixedRun.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tab_separated_export_read_with_commas_names_the_delimiter_flag()
    {
        var input = _dir.Write("export.txt", "order_id\tcustomer_id\torder_date\tqty\tunit_price\n1\tA\t2011-01-01\t1\t2\n");

        var result = Cli.Run("run", "--input", input, "--out", _dir.File("out"), "--no-report", "--no-history");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("probably separated by tabs ('tab'), not ',' (see --delimiter)", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--k", "21", "error: --k: k must be at most 20 (got 21)")]
    [InlineData("--kmax", "50", "error: --kmax: the sweep stops at k = 20 at most (got 50)")]
    [InlineData("--keep-previous", "-1", "error: --keep-previous: must be between 0 and 1,000 (got -1)")]
    [InlineData("--currency", "euro", "error: --currency: 'euro' is not a three-letter currency code such as EUR")]
    public void Options_beyond_their_limits_are_refused_before_the_input_is_read(string flag, string value, string expected)
    {
        var result = Cli.Run("run", "--input", TestPaths.RealFile("online_retail.csv.gz"), flag, value, "--out", Out);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith(expected, result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Out);
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public void An_output_folder_where_nothing_can_be_written_is_refused_before_the_input_is_read()
    {
        // /proc takes no new folder, even for root (CI runs as root, to whom file permissions do not apply).
        var result = Cli.Run("run", "--input", TestPaths.RealFile("online_retail.csv.gz"), "--out", "/proc/segmentation-test/run");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith("error: --out: cannot write in '/proc'", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public void An_output_folder_that_is_a_file_is_refused_before_the_run()
    {
        var file = _dir.Write("taken", "not a folder");

        var result = Cli.Run("run", "--input", TestPaths.RealFile("online_retail.csv.gz"), "--out", file);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith("error: --out: ", result.Error, StringComparison.Ordinal);
        // Nothing was read: the data-quality account comes first in a run's output.
        Assert.Equal("", result.Out);
        Assert.Equal("not a folder", File.ReadAllText(file));
        Assert.Empty(Directory.GetDirectories(_dir.Path, "*.partial-*"));
    }

    [Fact]
    public void A_value_that_does_not_parse_in_a_parquet_file()
    {
        var path = _dir.File("bad.parquet");
        ParquetFiles.FromQuery("""
            SELECT * FROM (VALUES
                ('536365', '85123A', 'HEART', '6', TIMESTAMP '2010-12-01 08:26:00', 2.55, 17850, 'United Kingdom'),
                ('536366', '71053', 'LANTERN', 'six', TIMESTAMP '2010-12-01 08:28:00', 3.39, 17851, 'United Kingdom'))
            AS t(InvoiceNo, StockCode, Description, Quantity, InvoiceDate, UnitPrice, CustomerID, Country)
            """, path);

        AssertRefused(path, "row 3, column 'Quantity': 'six' is not a number");
    }

    [Fact]
    public void A_file_named_parquet_that_is_not_one() =>
        AssertRefused(_dir.Write("fake.parquet", Header + "\n" + GoodRow + "\n"), "the file is named .parquet but is not a Parquet file");

    private const string European = "InvoiceNo;StockCode;Description;Quantity;InvoiceDate;UnitPrice;CustomerID;Country\n" +
        "536365;85123A;HEART;6;01.12.2010 08:26;2,55;17850;United Kingdom\n" +
        "536366;71053;LANTERN;2;02.12.2010 09:00;3,39;17851;France\n" +
        "536367;71054;CANDLE;3;03.12.2010 10:00;1,25;17852;France\n" +
        "536368;71055;CLOCK;1;04.12.2010 11:00;12,50;17853;Spain\n";

    [Fact]
    public void A_decimal_comma_is_refused_unless_the_decimal_separator_is_given() =>
        AssertRefused(_dir.Write("eu.csv", European), "row 2, column 'UnitPrice': '2,55' is not a number: a comma is neither a decimal point nor a thousands separator here; give the decimal separator for decimal commas (see --decimal)",
            "--delimiter", ";", "--date-format", "dd.MM.yyyy HH:mm");

    [Fact]
    public void With_the_decimal_separator_given_a_european_export_reads_its_prices_right()
    {
        var input = _dir.Write("eu.csv", European);

        var result = Cli.Run("run", "--input", input, "--delimiter", ";", "--date-format", "dd.MM.yyyy HH:mm", "--decimal", ",", "--k", "2", "--kmax", "2", "--out", Out, "--no-report", "--no-history");

        Assert.Equal(0, result.ExitCode);
        var rfm = File.ReadAllLines(Path.Combine(Out, "rfm.csv"));
        // 6 x 2.55, not 6 x 255.
        Assert.StartsWith("17850,", rfm[1], StringComparison.Ordinal);
        Assert.Equal("15.30", rfm[1].Split(',')[3]);
    }

    [Fact]
    public void No_input_at_all_says_how_to_give_one()
    {
        var result = Cli.Run("run", "--out", Out);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--input PATH, a database with --db and --table, or use --sample", result.Error, StringComparison.Ordinal);
    }
}
