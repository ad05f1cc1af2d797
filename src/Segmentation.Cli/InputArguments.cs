using System.CommandLine;
using System.Globalization;
using Segmentation.App;
using Segmentation.Prepare;
using Segmentation.Prepare.Sample;
using Segmentation.Prepare.Sources;

namespace Segmentation.Cli;

/// <summary>
/// The flags that say what to read and how to clean it, shared by every command that reads transactions.
/// Each flag maps one to one onto a field of <see cref="IngestOptions"/>, <see cref="CleaningOptions"/> or
/// <see cref="PrepareOptions"/>.
/// </summary>
internal sealed class InputArguments
{
    public Option<string?> Input { get; } = new("--input", "-i") { Description = "Transactions file: .csv, .csv.gz, .xlsx or .parquet (the UCI Online Retail layouts are recognised; others need the column flags)." };
    public Option<string?> Database { get; } = new("--db") { Description = "Read transactions from a database: a DuckDB file (.duckdb), or a PostgreSQL connection string (Host=...;Database=...;Username=...). Give env:NAME to take it from the environment variable NAME, so that no password is on the command line. With --table or --query; the cleaning and RFM run in the database." };
    public Option<string?> Table { get; } = new("--table") { Description = "The table (or schema.table) of --db that holds the transactions." };
    public Option<string?> Query { get; } = new("--query") { Description = "A SELECT of --db that returns the transactions (run read-only)." };
    public Option<bool> UseSample { get; } = new("--sample") { Description = "Use the built-in synthetic sample instead of a file." };
    public Option<int> SampleCustomers { get; } = new("--sample-customers") { Description = "Customers in the synthetic sample.", DefaultValueFactory = _ => SampleOptions.Default.Customers };
    public Option<int> SampleSeed { get; } = new("--sample-seed") { Description = "Seed of the synthetic sample.", DefaultValueFactory = _ => SampleOptions.Default.Seed };
    public Option<string?> Sheet { get; } = new("--sheet") { Description = "Worksheet to read from a workbook (default: the first)." };
    public Option<string?> DateFormat { get; } = new("--date-format") { Description = "Format of text dates, e.g. 'M/d/yyyy H:mm' (default: ISO 8601, e.g. 2011-12-09 12:50:00)." };
    // A string, not a char: System.CommandLine 2.0 cannot bind a char option ("Cannot parse argument ';'").
    public Option<string> Delimiter { get; } = new("--delimiter") { Description = "Field separator of a text file: one character, or 'tab'.", DefaultValueFactory = _ => "," };
    public Option<string> Decimal { get; } = new("--decimal") { Description = "Decimal separator of numbers in a text file: '.' (default; then a comma in a number is an error) or ',' (European exports: 2,55; '.' is then the thousands separator).", DefaultValueFactory = _ => "." };
    public Option<string?> CustomerColumn { get; } = new("--customer-column") { Description = "Header of the customer ID column." };
    public Option<string?> InvoiceColumn { get; } = new("--invoice-column") { Description = "Header of the invoice (order) number column." };
    public Option<bool> NoInvoiceColumn { get; } = new("--no-invoice-column") { Description = "The file has no invoice column: each distinct customer and timestamp is one order." };
    public Option<string?> DateColumn { get; } = new("--date-column") { Description = "Header of the transaction date column." };
    public Option<string?> QuantityColumn { get; } = new("--quantity-column") { Description = "Header of the quantity column." };
    public Option<string?> PriceColumn { get; } = new("--price-column") { Description = "Header of the unit price column." };
    public Option<string?> AmountColumn { get; } = new("--amount-column") { Description = "Header of a line-amount column, used instead of quantity x unit price." };
    public Option<bool> SkipBadRows { get; } = new("--skip-bad-rows") { Description = "Skip and count rows whose values do not parse, instead of stopping at the first." };
    public Option<bool> DropDuplicates { get; } = new("--drop-duplicates") { Description = "Drop exact repeats of an earlier row (by default they are counted and kept)." };
    public Option<bool> KeepCancelled { get; } = new("--keep-cancelled") { Description = "Keep cancelled invoices (numbers starting with C)." };
    public Option<bool> KeepNonPositiveQuantity { get; } = new("--keep-nonpositive-quantity") { Description = "Keep lines with quantity <= 0." };
    public Option<bool> KeepNonPositivePrice { get; } = new("--keep-nonpositive-price") { Description = "Keep lines with unit price (or amount) <= 0." };
    public Option<bool> NetCancellations { get; } = new("--net-cancellations") { Description = "Net each cancellation against the purchase it cancels (same customer and product, the nearest earlier line with at least that quantity): the purchase is reduced, or removed when cancelled in full." };
    public Option<string?> ExcludeProducts { get; } = new("--exclude-products") { Description = "Remove lines of these stock codes, comma-separated, ignoring case (postage, fees, adjustments); 'uci' is the UCI Online Retail list: " + string.Join(",", CleaningOptions.OnlineRetailNonProducts) + "." };
    public Option<int> MemoryLimit { get; } = new("--memory-limit") { Description = "Memory, in MB, the engine may hold while it reads, cleans and aggregates (default 2048); beyond it, it spills to a folder beside --out.", DefaultValueFactory = _ => PrepareOptions.Default.EngineMemoryMegabytes };
    public Option<string?> AsOf { get; } = new("--as-of") { Description = "RFM snapshot date (yyyy-MM-dd); later rows are left out. Default: the day after the last purchase." };

    public IEnumerable<Option> All =>
    [
        Input, Database, Table, Query, UseSample, SampleCustomers, SampleSeed, Sheet, DateFormat, Delimiter, Decimal,
        CustomerColumn, InvoiceColumn, NoInvoiceColumn, DateColumn, QuantityColumn, PriceColumn, AmountColumn,
        SkipBadRows, DropDuplicates, KeepCancelled, KeepNonPositiveQuantity, KeepNonPositivePrice, NetCancellations, ExcludeProducts, AsOf, MemoryLimit,
    ];

    public void AddTo(Command command)
    {
        foreach (var option in All) command.Options.Add(option);
    }

    public PrepareOptions Prepare(ParseResult p) => new()
    {
        Ingest = Ingest(p),
        Cleaning = new CleaningOptions
        {
            DropCancelled = !p.GetValue(KeepCancelled),
            DropNonPositiveQuantity = !p.GetValue(KeepNonPositiveQuantity),
            DropNonPositivePrice = !p.GetValue(KeepNonPositivePrice),
            DropDuplicates = p.GetValue(DropDuplicates),
            NetCancellations = p.GetValue(NetCancellations),
            ExcludedProducts = ParseProducts(p.GetValue(ExcludeProducts)),
        },
        AsOf = ParseAsOf(p.GetValue(AsOf)),
        EngineMemoryMegabytes = p.GetValue(MemoryLimit),
    };

    /// <summary>The file or the sample. Flags that say how to read a file do not apply to the sample (it has its own layout).</summary>
    public TransactionSource Source(ParseResult p, TextWriter stderr)
    {
        var input = p.GetValue(Input);
        var sample = p.GetValue(UseSample);
        var db = p.GetValue(Database);
        if (new[] { input is not null, sample, db is not null }.Count(given => given) > 1)
        {
            throw new OptionException("--input", "give one of --input, --db or --sample");
        }
        if (db is null && (p.GetValue(Table) is not null || p.GetValue(Query) is not null))
        {
            throw new OptionException(OptionNames.Database, "--table and --query name a table of a database: give the database with --db");
        }
        if (db is not null)
        {
            var ignored = new Option[] { Sheet, Delimiter, Decimal }.Where(o => p.GetResult(o) is { Implicit: false }).Select(o => o.Name).ToArray();
            if (ignored.Length > 0) stderr.WriteLine($"note: {string.Join(", ", ignored)} say how to read a file; a database's columns are typed, so they are not used");
            return TransactionSource.Database(db, p.GetValue(Table), p.GetValue(Query));
        }
        if (sample)
        {
            var ignored = FileFlags.Where(o => p.GetResult(o) is { Implicit: false }).Select(o => o.Name).ToArray();
            if (ignored.Length > 0) stderr.WriteLine($"note: {string.Join(", ", ignored)} say how to read a file; the sample has its own layout, so they are not used");
            var options = new SampleOptions { Customers = p.GetValue(SampleCustomers), Seed = p.GetValue(SampleSeed) };
            OptionsValidator.Validate(options);
            return TransactionSource.Sample(options);
        }
        if (input is null) throw new OptionException("--input", "name a transactions file with --input PATH, a database with --db and --table, or use --sample for the built-in sample data");
        return TransactionSource.File(input);
    }

    private IEnumerable<Option> FileFlags => [Sheet, DateFormat, Delimiter, Decimal, CustomerColumn, InvoiceColumn, NoInvoiceColumn, DateColumn, QuantityColumn, PriceColumn, AmountColumn];

    private IngestOptions Ingest(ParseResult p) => new()
    {
        Columns = Columns(p),
        Sheet = p.GetValue(Sheet),
        DateFormat = p.GetValue(DateFormat),
        Delimiter = ParseDelimiter(p.GetValue(Delimiter)!),
        DecimalSeparator = p.GetValue(Decimal) is { Length: 1 } d ? d[0] : throw new OptionException(OptionNames.DecimalSeparator, $"'{p.GetValue(Decimal)}' is not one character ('.' or ',')"),
        SkipBadRows = p.GetValue(SkipBadRows),
    };

    /// <summary>The columns named by flags; every other field is found by its name in the header.</summary>
    private Dictionary<ColumnRole, string?> Columns(ParseResult p)
    {
        var named = new Dictionary<ColumnRole, string?>();
        void Name(ColumnRole role, Option<string?> flag)
        {
            if (p.GetValue(flag) is { } header) named[role] = header;
        }
        Name(ColumnRole.Customer, CustomerColumn);
        Name(ColumnRole.Invoice, InvoiceColumn);
        Name(ColumnRole.Date, DateColumn);
        Name(ColumnRole.Quantity, QuantityColumn);
        Name(ColumnRole.UnitPrice, PriceColumn);
        Name(ColumnRole.Amount, AmountColumn);
        if (p.GetValue(NoInvoiceColumn))
        {
            if (named.ContainsKey(ColumnRole.Invoice)) throw new OptionException(OptionNames.InvoiceColumn, "give --invoice-column or --no-invoice-column, not both");
            named[ColumnRole.Invoice] = null;
        }
        return named;
    }

    private static char ParseDelimiter(string text) => text switch
    {
        "tab" or "\\t" => '\t',
        { Length: 1 } => text[0],
        _ => throw new OptionException(OptionNames.Delimiter, $"'{text}' is not one character (use 'tab' for a tab)"),
    };

    /// <summary>The stock codes of --exclude-products; 'uci' stands for the UCI list.</summary>
    private static IReadOnlyList<string> ParseProducts(string? text)
    {
        if (text is null) return [];
        var codes = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(c => c.Equals("uci", StringComparison.OrdinalIgnoreCase) ? CleaningOptions.OnlineRetailNonProducts : [c])
            .Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        return codes.Length > 0 ? codes : throw new OptionException(OptionNames.ExcludedProducts, "name at least one stock code (or 'uci')");
    }

    private static DateTime? ParseAsOf(string? text)
    {
        if (text is null) return null;
        string[] formats = ["yyyy-MM-dd", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss"];
        if (DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        throw new OptionException(OptionNames.AsOf, $"'{text}' is not a date such as 2011-12-10");
    }
}
