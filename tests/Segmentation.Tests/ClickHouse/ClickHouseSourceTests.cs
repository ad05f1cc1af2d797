using Segmentation.Prepare;

namespace Segmentation.Tests.ClickHouse;

/// <summary>
/// The UCI rows in a two-shard Distributed table, prepared on the cluster: the CSV's account, RFM and sales summary
/// (and so the oracle's RFM for every customer), typed or text columns, under the cleaning options ClickHouse
/// supports; the aggregation seen on the second shard; only per-customer rows in our process.
/// </summary>
[Collection(ClickHouseCollection.Name)]
[Trait(Tier.Name, Tier.Full)]
public sealed class ClickHouseSourceTests(ClickHouseCluster cluster, RealDataFixture data)
{
    [Theory]
    [InlineData(ClickHouseCluster.Typed)]
    [InlineData(ClickHouseCluster.Text)]
    public void A_distributed_table_gives_the_csvs_account_and_the_reference_rfm(string table)
    {
        var prepared = Preparation.Run(cluster.Input(table));

        AssertSameAccount(data.Csv.Quality, prepared.Quality);
        Assert.Equal(data.Csv.Rfm.Snapshot, prepared.Rfm.Snapshot);
        Assert.Equal(data.Csv.Rfm.Customers, prepared.Rfm.Customers);
        Assert.Equal(data.Csv.Sales.Months, prepared.Sales.Months);
        Assert.Equal(data.Csv.Sales.Countries, prepared.Sales.Countries);
        Assert.Equal(data.Csv.Sales.TopProducts, prepared.Sales.TopProducts);
        var ours = prepared.Rfm.Customers.ToDictionary(c => c.CustomerId);
        Assert.Equal(4_338, data.Reference.Count);
        Assert.Equal(data.Reference.Count, ours.Count);
        Assert.All(data.Reference, r =>
            Assert.Equal((r.RecencyDays, r.Frequency, r.Lines, r.Monetary), (ours[r.CustomerId].Recency, ours[r.CustomerId].Frequency, ours[r.CustomerId].Lines, Math.Round(ours[r.CustomerId].Monetary, 2))));
        Assert.Equal(["prepare"], prepared.Timings.Select(t => t.Stage));
        // Rows per customer, month, country and product came back, not 541,909 transactions (about 50 MB as text).
        Assert.InRange(prepared.SourceBytes!.Value, 100_000, 5_000_000);
    }

    private static void AssertSameAccount(DataQualityAccount a, DataQualityAccount b)
    {
        Assert.Equal(
            (a.RowsIn, a.RowsOut, a.DuplicateRowsFound, a.Customers, a.Invoices, a.Revenue, a.InputFirstDate, a.InputLastDate, a.FirstDate, a.LastDate, a.PurchasesReduced),
            (b.RowsIn, b.RowsOut, b.DuplicateRowsFound, b.Customers, b.Invoices, b.Revenue, b.InputFirstDate, b.InputLastDate, b.FirstDate, b.LastDate, b.PurchasesReduced));
        Assert.Equal(a.Removed, b.Removed);
    }
}
