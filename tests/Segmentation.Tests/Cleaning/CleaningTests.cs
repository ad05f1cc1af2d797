using Segmentation.Prepare;

namespace Segmentation.Tests.Cleaning;

public sealed class CleaningTests : IDisposable
{
    private const string Header = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n";
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    // One row for each rule, a duplicate, and two good rows.
    private string Dirty() => _dir.Write("dirty.csv", Header +
        "1,A,X,2,2011-01-01 10:00:00,1.5,,UK\n" +          // no customer
        "C2,A,X,-2,2011-01-02 10:00:00,1.5,100,UK\n" +     // cancelled (also negative: first rule wins)
        "3,A,X,-1,2011-01-03 10:00:00,1.5,100,UK\n" +      // quantity <= 0
        "4,A,X,1,2011-01-04 10:00:00,0,100,UK\n" +         // price <= 0
        "5,A,X,2,2011-01-05 10:00:00,1.5,100,UK\n" +       // good
        "5,A,X,2,2011-01-05 10:00:00,1.5,100,UK\n" +       // exact duplicate of the line above
        "6,B,Y,1,2011-02-01 09:30:00,4,200,France\n");     // good

    [Fact]
    public void Each_rule_is_counted_once_and_the_counts_add_up()
    {
        var q = Preparation.Run(Dirty()).Quality;

        Assert.Equal(7, q.RowsIn);
        Assert.Equal(1, q.RemovedBy(DropReason.MissingCustomer));
        Assert.Equal(1, q.RemovedBy(DropReason.Cancelled));
        Assert.Equal(1, q.RemovedBy(DropReason.NonPositiveQuantity));
        Assert.Equal(1, q.RemovedBy(DropReason.NonPositivePrice));
        Assert.Equal(3, q.RowsOut);
        Assert.Equal(q.RowsIn - q.RowsOut, q.RowsRemoved);
        Assert.Equal(1, q.DuplicateRowsFound);
        Assert.False(q.DuplicatesDropped);
        Assert.Equal(2, q.Customers);
        Assert.Equal(2, q.Invoices);
        Assert.Equal(1.5m * 2 * 2 + 4, q.Revenue);
        Assert.Equal(new DateTime(2011, 1, 1, 10, 0, 0), q.InputFirstDate);
        Assert.Equal(new DateTime(2011, 1, 5, 10, 0, 0), q.FirstDate);
    }

    [Fact]
    public void Only_exact_repeats_within_an_order_are_counted_however_long_the_order()
    {
        // Rows that differ in one field each are not repeats; an order of 300 lines (past the keys the engine's
        // distinct_rows holds in a group's state and sorts on the stack) holds 150 pairs of repeats; the same line in
        // another order is no repeat.
        var rows = new System.Text.StringBuilder(Header)
            .Append("7,A,X,2,2011-03-01 10:00:00,1.5,100,UK\n")
            .Append("7,A,X,3,2011-03-01 10:00:00,1.5,100,UK\n")
            .Append("7,A,X,2,2011-03-01 10:00:00,1.6,100,UK\n")
            .Append("7,A,Z,2,2011-03-01 10:00:00,1.5,100,UK\n")
            .Append("7,B,X,2,2011-03-01 10:00:00,1.5,100,UK\n")
            .Append("8,A,X,2,2011-03-01 10:00:00,1.5,100,UK\n");
        for (var i = 0; i < 300; i++) rows.Append($"9,P{i / 2},X,1,2011-03-02 10:00:00,2,300,UK\n");

        var q = Preparation.Run(_dir.Write("repeats.csv", rows.ToString())).Quality;

        Assert.Equal(306, q.RowsIn);
        Assert.Equal(150, q.DuplicateRowsFound);
    }

    [Fact]
    public void Distinct_rows_counts_distinct_keys()
    {
        Assert.Equal(0, Segmentation.Prepare.Engine.DistinctRowsAggregate.Count([]));
        Assert.Equal(1, Segmentation.Prepare.Engine.DistinctRowsAggregate.Count([7]));
        Assert.Equal(3, Segmentation.Prepare.Engine.DistinctRowsAggregate.Count([5, 9, 5, ulong.MaxValue]));
        Assert.Equal(4, Segmentation.Prepare.Engine.DistinctRowsAggregate.Count([1, 2, 3, 1, 4, 2, 3, 4, 4]));
    }

    [Fact]
    public void Distinct_rows_in_the_engine_counts_each_groups_distinct_keys_leaving_out_nulls()
    {
        using var engine = PreparationStatement.Engine(PrepareOptions.Default);
        // A null key; no row at all; one group of 300 keys (150 distinct: past the state's keys and the stack buffer);
        // 1,000 groups of 300 rows each, 150 distinct, over 300,000 rows (many chunks, both threads, their states combined).
        const string Sql = """
            SELECT (SELECT distinct_rows(k) FROM (VALUES (1::UBIGINT), (2), (2), (NULL)) t(k)),
              (SELECT distinct_rows(CAST(i AS UBIGINT)) FROM range(10) t(i) WHERE i > 10),
              (SELECT distinct_rows(CAST(i // 2 AS UBIGINT)) FROM range(300) t(i)),
              (SELECT CAST(sum(n) AS BIGINT) FROM (SELECT distinct_rows(CAST(i // 2 AS UBIGINT)) AS n FROM range(300000) t(i) GROUP BY (i // 2) % 1000)),
              (SELECT count(*) FROM (SELECT distinct_rows(CAST(i // 2 AS UBIGINT)) AS n FROM range(300000) t(i) GROUP BY (i // 2) % 1000) WHERE n = 150)
            """;
        using var command = Segmentation.Prepare.Engine.DuckDbEngine.Command(engine.Connection, Sql);
        using (var reader = command.ExecuteReader())
        {
            Assert.True(reader.Read());
            Assert.Equal(2L, reader.GetInt64(0));
            Assert.Equal(0L, reader.GetInt64(1));
            Assert.Equal(150L, reader.GetInt64(2));
            Assert.Equal(150_000L, reader.GetInt64(3));
            Assert.Equal(1_000L, reader.GetInt64(4));
        }
        // The next statement counts afresh (nothing is left over from the last one's groups).
        using var again = Segmentation.Prepare.Engine.DuckDbEngine.Command(engine.Connection, "SELECT distinct_rows(CAST(i % 7 AS UBIGINT)) FROM range(100000) t(i)");
        Assert.Equal(7L, Convert.ToInt64(again.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Engines_counting_repeats_side_by_side_count_their_own()
    {
        // The web app prepares uploads at the same time, an engine each, each engine's aggregate called on its own threads.
        var inputs = Enumerable.Range(0, 4).Select(n =>
        {
            var rows = new System.Text.StringBuilder(Header);
            // An order of 40 lines (past the state's keys) in which every line appears n + 1 times.
            for (var line = 0; line < 40; line++)
                for (var copy = 0; copy <= n; copy++) rows.Append($"9,P{line},X,1,2011-03-02 10:00:00,2,300,UK\n");
            return (Repeats: 40 * n, Path: _dir.Write($"side-{n}.csv", rows.ToString()));
        }).ToArray();

        var found = new long[inputs.Length];
        Parallel.For(0, inputs.Length, new ParallelOptions { MaxDegreeOfParallelism = inputs.Length }, i =>
            found[i] = Preparation.Run(inputs[i].Path).Quality.DuplicateRowsFound);

        Assert.Equal(inputs.Select(input => (long)input.Repeats), found);
    }

    [Fact]
    public void Dropping_duplicates_removes_the_repeat_and_counts_it_under_its_own_rule()
    {
        var options = new PrepareOptions { Cleaning = new CleaningOptions { DropDuplicates = true } };

        var prepared = Preparation.Run(Dirty(), options);

        Assert.Equal(1, prepared.Quality.RemovedBy(DropReason.Duplicate));
        Assert.Equal(2, prepared.Quality.RowsOut);
        Assert.Equal(3m, prepared.Rfm.Customers.Single(c => c.CustomerId == "100").Monetary);
    }

    [Fact]
    public void Turning_rules_off_keeps_those_rows()
    {
        var options = new PrepareOptions
        {
            Cleaning = new CleaningOptions { DropCancelled = false, DropNonPositiveQuantity = false, DropNonPositivePrice = false },
        };

        var q = Preparation.Run(Dirty(), options).Quality;

        Assert.Equal(6, q.RowsOut);
        Assert.Equal(["missing_customer"], q.Removed.Select(r => r.Rule));
    }

    [Fact]
    public void A_file_with_nothing_left_after_cleaning_is_an_error_that_says_why()
    {
        var path = _dir.Write("guests.csv", Header + "1,A,X,2,2011-01-01 10:00:00,1.5,,UK\n");

        var error = Assert.Throws<InputException>(() => Preparation.Run(path));

        Assert.Contains("no customer ID: 1", error.Message, StringComparison.Ordinal);
    }
}
