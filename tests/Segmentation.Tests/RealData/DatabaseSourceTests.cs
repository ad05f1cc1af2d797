using Segmentation.Prepare;
using Segmentation.Prepare.Sources;

namespace Segmentation.Tests.RealData;

/// <summary>
/// The UCI rows in PostgreSQL and in a DuckDB file, prepared by the statement pushed down to each: the same account
/// and the same RFM as the CSV.gz (and so the oracle's), in both dialects, typed or text columns, under every
/// cleaning option; bad values named by row and column.
/// </summary>
[Collection(DatabaseCollection.Name)]
[Trait(Tier.Name, Tier.Full)]
public sealed class DatabaseSourceTests(DatabaseFixture db, RealDataFixture data)
{
    public static TheoryData<DatabaseProvider, string> Tables => new()
    {
        { DatabaseProvider.PostgreSql, DatabaseFixture.Typed },
        { DatabaseProvider.PostgreSql, DatabaseFixture.Text },
        { DatabaseProvider.DuckDb, DatabaseFixture.Typed },
        { DatabaseProvider.DuckDb, DatabaseFixture.Text },
    };

    [Theory]
    [MemberData(nameof(Tables))]
    public void A_table_gives_the_csvs_account_and_the_reference_rfm(DatabaseProvider provider, string table)
    {
        var prepared = Preparation.Run(db.Input(provider, table));

        AssertSameAccount(data.Csv.Quality, prepared.Quality);
        Assert.Equal(data.Csv.Rfm.Snapshot, prepared.Rfm.Snapshot);
        Assert.Equal(data.Csv.Rfm.Customers, prepared.Rfm.Customers);
        AssertSameSales(data.Csv.Sales, prepared.Sales);
        var ours = prepared.Rfm.Customers.ToDictionary(c => c.CustomerId);
        Assert.Equal(data.Reference.Count, ours.Count);
        Assert.All(data.Reference, r =>
            Assert.Equal((r.RecencyDays, r.Frequency, r.Lines, r.Monetary), (ours[r.CustomerId].Recency, ours[r.CustomerId].Frequency, ours[r.CustomerId].Lines, Math.Round(ours[r.CustomerId].Monetary, 2))));
        // The statement ran in the database: no row was read into the process.
        Assert.Equal(["prepare"], prepared.Timings.Select(t => t.Stage));
    }

    public static TheoryData<string> OptionSets => ["standard", "drop duplicates", "keep everything", "as of 2011-09-01", "net cancellations, no fees"];

    [Theory]
    [MemberData(nameof(OptionSets))]
    public void Both_dialects_give_identical_accounts_and_rfm_on_the_same_rows(string optionSet)
    {
        var options = optionSet switch
        {
            "drop duplicates" => PrepareOptions.Default with { Cleaning = CleaningOptions.Default with { DropDuplicates = true } },
            "keep everything" => PrepareOptions.Default with
            {
                Cleaning = CleaningOptions.Default with { DropCancelled = false, DropNonPositiveQuantity = false, DropNonPositivePrice = false },
            },
            "as of 2011-09-01" => PrepareOptions.Default with { AsOf = new DateTime(2011, 9, 1) },
            "net cancellations, no fees" => PrepareOptions.Default with
            {
                AsOf = new DateTime(2011, 9, 1),
                Cleaning = CleaningOptions.Default with { NetCancellations = true, ExcludedProducts = CleaningOptions.OnlineRetailNonProducts, DropDuplicates = true },
            },
            _ => PrepareOptions.Default,
        };

        var postgres = Preparation.Run(db.Input(DatabaseProvider.PostgreSql, DatabaseFixture.Text), options);
        var duckDb = Preparation.Run(db.Input(DatabaseProvider.DuckDb, DatabaseFixture.Text), options);

        AssertSameAccount(postgres.Quality, duckDb.Quality);
        Assert.Equal(postgres.Rfm.Snapshot, duckDb.Rfm.Snapshot);
        Assert.Equal(postgres.Rfm.Customers, duckDb.Rfm.Customers);
        AssertSameSales(postgres.Sales, duckDb.Sales);
        // The option did change something: the sets are not all the standard cleaning under other names.
        if (optionSet != "standard") Assert.NotEqual(data.Csv.Quality.Removed, postgres.Quality.Removed);
    }

    [Theory]
    [InlineData(DatabaseProvider.PostgreSql)]
    [InlineData(DatabaseProvider.DuckDb)]
    public void A_query_is_pushed_down_like_a_table(DatabaseProvider provider)
    {
        var input = DatabaseInput.Parse(provider == DatabaseProvider.PostgreSql ? db.PostgreSql : db.DuckDbFile, null,
            $"SELECT * FROM {DatabaseFixture.Typed} WHERE \"Country\" = 'France';");

        var prepared = Preparation.Run(input);

        Assert.Equal(data.Csv.Rfm.Customers.Where(c => c.Country == "France").Select(c => c.CustomerId),
            prepared.Rfm.Customers.Where(c => c.Country == "France").Select(c => c.CustomerId));
        Assert.Equal(["prepare"], prepared.Timings.Select(t => t.Stage));
    }

    [Theory]
    [InlineData("'abc'", "\"UnitPrice\"", "UnitPrice")]
    [InlineData("'2011-02-30 10:00:00'", "\"InvoiceDate\"", "InvoiceDate")]
    public void A_bad_value_in_a_postgresql_table_is_named_by_its_row_and_column(string value, string column, string header)
    {
        // Rows are numbered from 1 in the order SELECT * returns them: for a table written once, the order it was
        // written in (an UPDATE would move the row to the end of PostgreSQL's heap; a --query with ORDER BY fixes the order).
        var table = "bad_" + header.ToLowerInvariant();
        var columns = "\"InvoiceNo\", \"StockCode\", \"Description\", \"Quantity\", \"InvoiceDate\", \"UnitPrice\", \"CustomerID\", \"Country\"";
        var bad = columns.Replace(column, $"{value} AS {column}", StringComparison.Ordinal);
        db.Execute($"""
            DROP TABLE IF EXISTS {table};
            CREATE TABLE {table} AS SELECT * FROM {DatabaseFixture.Text} LIMIT 1233;
            INSERT INTO {table} SELECT {bad} FROM {DatabaseFixture.Text} OFFSET 1233 LIMIT 1;
            INSERT INTO {table} SELECT * FROM {DatabaseFixture.Text} OFFSET 1234 LIMIT 766;
            """);
        var input = db.Input(DatabaseProvider.PostgreSql, table);

        var e = Assert.Throws<InputException>(() => Preparation.Run(input));

        Assert.Equal((1234L, header), (e.Row, e.Column));
        Assert.StartsWith($"PostgreSQL table {table}, row 1234, column '{header}': ", e.Message, StringComparison.Ordinal);

        var skipped = Preparation.Run(input, PrepareOptions.Default with { Ingest = IngestOptions.Default with { SkipBadRows = true } });
        Assert.Equal(2000, skipped.Quality.RowsIn);
        Assert.Equal(1, skipped.Quality.RemovedBy(DropReason.Unparseable));
    }

    [Fact]
    public void A_table_name_cannot_break_out_of_its_quotes()
    {
        var input = db.Input(DatabaseProvider.PostgreSql, $"{DatabaseFixture.Typed}\"; DROP TABLE {DatabaseFixture.Typed}; --");

        var e = Assert.Throws<InputException>(() => Preparation.Run(input));

        Assert.Contains("the table cannot be read", e.Message, StringComparison.Ordinal);
        Assert.Equal(541_909, Preparation.Run(db.Input(DatabaseProvider.PostgreSql, DatabaseFixture.Typed)).Quality.RowsIn);
    }

    [Fact]
    public void A_query_runs_read_only()
    {
        db.Execute("CREATE SEQUENCE IF NOT EXISTS counter");
        // nextval writes (the sequence): refused in a read-only transaction, as any INSERT, UPDATE or DELETE would be.
        var input = DatabaseInput.Parse(db.PostgreSql, null, $"SELECT *, nextval('counter') AS n FROM {DatabaseFixture.Typed}");

        var e = Assert.Throws<InputException>(() => Preparation.Run(input));

        Assert.Contains("read-only transaction", e.Message, StringComparison.Ordinal);
        Assert.Equal(OptionNames.Query, e.Option);
        Assert.Equal(541_909, Preparation.Run(db.Input(DatabaseProvider.PostgreSql, DatabaseFixture.Typed)).Quality.RowsIn);
    }

    [Fact]
    public void A_server_that_cannot_be_reached_is_a_message_without_the_password()
    {
        var input = DatabaseInput.Parse("Host=127.0.0.1;Port=1;Username=someone;Password=s3cret-value;Timeout=2", "sales", null);

        var e = Assert.Throws<InputException>(() => Preparation.Run(input));

        Assert.StartsWith("PostgreSQL table sales: cannot connect to the database", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-value", e.Message, StringComparison.Ordinal);
    }

    private static void AssertSameSales(SalesSummary a, SalesSummary b)
    {
        Assert.Equal(a.Months, b.Months);
        Assert.Equal(a.Countries, b.Countries);
        Assert.Equal(a.TopProducts, b.TopProducts);
    }

    private static void AssertSameAccount(DataQualityAccount a, DataQualityAccount b)
    {
        Assert.Equal(
            (a.RowsIn, a.RowsOut, a.DuplicateRowsFound, a.Customers, a.Invoices, a.Revenue, a.InputFirstDate, a.InputLastDate, a.FirstDate, a.LastDate, a.PurchasesReduced),
            (b.RowsIn, b.RowsOut, b.DuplicateRowsFound, b.Customers, b.Invoices, b.Revenue, b.InputFirstDate, b.InputLastDate, b.FirstDate, b.LastDate, b.PurchasesReduced));
        Assert.Equal(a.Removed, b.Removed);
    }
}
