using Segmentation.Cleaning;
using Segmentation.Engine;
using Segmentation.Ingest;

namespace Segmentation.Tests.Pipeline;

/// <summary>
/// The form of the statement the engine falls back to when the per-order lists of row hashes do not fit in memory
/// counts the same repeats and gives the same account and RFM, on the real rows.
/// </summary>
public sealed class SpillingDialectTests
{
    private static PreparationResult Prepare(SqlDialect dialect, CleaningOptions cleaning)
    {
        var path = TestPaths.RealFile("online_retail.csv.gz");
        IReadOnlyList<string> header;
        using (var stream = TransactionReader.Open(path, IngestOptions.Default)) header = stream.Header;
        var (from, column) = DuckDbEngine.Csv(header.Count);
        var relation = SourceRelation.Bind(path, from, ResolvedColumns.Resolve(path, header, null), column);
        using var engine = new DuckDbEngine(Segmentation.Pipeline.PrepareOptions.Default.EngineMemoryMegabytes, spillParent: null);
        var rules = PreparationQuery.Rules(relation, cleaning);
        using var command = engine.Command(PreparationQuery.Build(dialect, relation, cleaning),
            [("path", path), ("delim", ","), ("compression", "gzip"), .. PreparationQuery.Parameters(cleaning)]);
        using var reader = command.ExecuteReader();
        return PreparationResult.Read(reader, rules, hasInvoices: true);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Counting_repeats_in_the_spillable_form_gives_the_same_result(bool dropDuplicates)
    {
        var cleaning = CleaningOptions.Default with { DropDuplicates = dropDuplicates };

        var lists = Prepare(SqlDialect.DuckDb, cleaning);
        var spilling = Prepare(SqlDialect.DuckDbSpilling, cleaning);

        Assert.Equal(5_268, lists.Repeats);
        Assert.Equal((lists.Repeats, lists.RowsOut, lists.Revenue, lists.Invoices), (spilling.Repeats, spilling.RowsOut, spilling.Revenue, spilling.Invoices));
        Assert.Equal(lists.Removed(DropReason.Duplicate), spilling.Removed(DropReason.Duplicate));
        Assert.Equal(lists.Rfm(null).Customers, spilling.Rfm(null).Customers);
    }
}
