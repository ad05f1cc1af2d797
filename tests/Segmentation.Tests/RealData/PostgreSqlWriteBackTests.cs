using System.Globalization;
using Npgsql;
using Segmentation.App;
using Segmentation.Prepare;
using Segmentation.Prepare.Sources;
using Segmentation.Runs;
using Segmentation.Tests.WriteBack;

namespace Segmentation.Tests.RealData;

/// <summary>
/// Results written back into PostgreSQL: the table equals customer_segments.csv customer for customer, the one before
/// kept; a writer that dies on the way (the transaction not committed) leaves the table as it was; hostile ids as text.
/// </summary>
[Collection(DatabaseCollection.Name)]
[Trait(Tier.Name, Tier.Full)]
public sealed class PostgreSqlWriteBackTests(DatabaseFixture db)
{
    private static readonly SegmentationOptions Quick = WrittenTable.Quick;

    [Fact]
    public void The_written_table_equals_the_customer_file_and_the_one_before_is_kept()
    {
        using var folder = new TempFolder();
        var source = TransactionSource.Database(db.PostgreSql, DatabaseFixture.Typed);
        var publish = new PublishOptions { Folder = folder.File("run"), Reports = false, History = folder.File("history.db"), WriteBack = "public.segments" };

        var first = SegmentationApp.Run(new RunRequest(source) { Options = Quick, Publish = publish });
        var second = SegmentationApp.Run(new RunRequest(source) { Options = Quick with { Clustering = Quick.Clustering with { K = 3 } }, Publish = publish });

        Assert.Equal(4_338, second.Published.WrittenBack!.Customers);
        AssertTableEqualsCsv("public.segments", Path.Combine(second.Published.Folder, "customer_segments.csv"), second.Published.HistoryId);
        AssertTableEqualsCsv("public.segments_previous", Path.Combine(second.Published.MovedAside!, "customer_segments.csv"), first.Published.HistoryId);
    }

    [Fact]
    public void A_writer_that_dies_on_the_way_leaves_the_table_as_it_was()
    {
        var input = DatabaseInput.Parse(db.PostgreSql, DatabaseFixture.Typed, null);
        TableColumn[] columns = [new("CustomerID", ColumnType.Text), new("Value", ColumnType.Integer)];
        DatabaseTableWriter.Replace(input, "survivor", columns, Enumerable.Range(0, 500).Select(i => new object?[] { $"c{i}", i }), OptionNames.WriteBack);

        Assert.ThrowsAny<Exception>(() => DatabaseTableWriter.Replace(input, "survivor", columns, WrittenTable.RowsThatDie(), OptionNames.WriteBack));

        Assert.Equal(new string?[] { "500", (499 * 500 / 2).ToString(CultureInfo.InvariantCulture), "0" },
            Rows("""SELECT count(*)::text, sum("Value")::text, count(*) FILTER (WHERE "CustomerID" LIKE 'new%')::text FROM survivor""")[0]);
        Assert.Empty(Rows("SELECT tablename FROM pg_tables WHERE tablename = 'survivor__staging'"));
    }

    [Fact]
    public void Hostile_customer_ids_and_table_names_land_as_text()
    {
        const string Prefix = "x'\";\\ DROP TABLE t; --\t";
        db.Execute($"""
            DROP TABLE IF EXISTS hostile;
            CREATE TABLE hostile AS SELECT "InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice",
                '{Prefix.Replace("'", "''", StringComparison.Ordinal)}' || "CustomerID" AS "CustomerID", "Country" FROM {DatabaseFixture.Typed};
            """);
        using var folder = new TempFolder();
        var publish = new PublishOptions { Folder = folder.File("run"), Reports = false, RecordHistory = false, WriteBack = "seg\"ment's" };

        var outcome = SegmentationApp.Run(new RunRequest(TransactionSource.Database(db.PostgreSql, "hostile")) { Options = Quick, Publish = publish });

        var ids = Rows("""SELECT "CustomerID" FROM "seg""ment's" """).Select(r => r[0]!).ToList();
        Assert.Equal(4_338, ids.Count);
        Assert.All(ids, id => Assert.StartsWith(Prefix, id, StringComparison.Ordinal));
        Assert.Equal(outcome.Run.Customers.Select(c => c.Rfm.CustomerId).Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        Assert.Equal("541909", Rows($"SELECT count(*)::text FROM {DatabaseFixture.Typed}")[0][0]);
    }

    private void AssertTableEqualsCsv(string table, string csv, long? runId)
    {
        var header = WrittenTable.Header(csv);
        var quoted = string.Join('.', table.Split('.').Select(p => $"\"{p}\""));
        WrittenTable.AssertEqualsCsv(Rows($"SELECT {string.Join(", ", header.Select(h => $"\"{h}\"::text"))}, \"RunId\"::text FROM {quoted}"), csv, runId);
    }

    private List<string?[]> Rows(string sql)
    {
        using var connection = new NpgsqlConnection(db.PostgreSql);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        using var reader = command.ExecuteReader();
        var rows = new List<string?[]>();
        while (reader.Read()) rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : reader.GetString(i))]);
        return rows;
    }
}
