using System.IO.Compression;
using Segmentation.Clustering;
using Segmentation.Prepare;
using Segmentation.Prepare.Sample;
using Segmentation.Prepare.Sources;
using Segmentation.Runs;
using Segmentation.Runs.Files;

namespace Segmentation.Tests.Pipeline;

/// <summary>The performance issue's proof: the streaming path (rows never held) and the in-memory path agree on a million rows.</summary>
[Trait(Tier.Name, Tier.Full)]
public sealed class StreamingAndInMemoryTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_million_row_file_gives_the_same_rfm_and_segments_streamed_or_held_in_memory()
    {
        var path = _dir.File("million.csv.gz");
        using (var file = File.Create(path))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        using (var writer = new StreamWriter(gzip) { NewLine = "\n" })
        {
            Assert.Equal(1_000_000, ScaleGenerator.Write(writer, new ScaleOptions(1_000_000, 20_000, Seed: 5)));
        }
        // The sweep is narrowed to keep the test short: the paths differ before clustering, not in it.
        var options = SegmentationOptions.Default with { Clustering = ClusteringOptions.Default with { KMin = 3, KMax = 6, Restarts = 3 } };

        var streamed = SegmentationPipeline.Run(path, options);
        var table = TransactionTable.Load(path);
        var held = SegmentationPipeline.Run(table.Open, options);

        Assert.Equal(1_000_000, table.Count);
        Assert.Equal(1_000_000, streamed.Quality.RowsIn);
        Assert.True(streamed.Rfm.Count > 10_000, $"{streamed.Rfm.Count} customers");
        Assert.Equal(streamed.Quality.Removed, held.Quality.Removed);
        Assert.Equal(Scalars(streamed.Quality), Scalars(held.Quality));
        Assert.Equal(streamed.Rfm.Snapshot, held.Rfm.Snapshot);
        Assert.Equal(streamed.Rfm.Customers, held.Rfm.Customers);
        Assert.Equal(streamed.Choice.K, held.Choice.K);
        Assert.Equal(streamed.Customers.Select(c => (c.Rfm.CustomerId, c.Segment, c.Score)), held.Customers.Select(c => (c.Rfm.CustomerId, c.Segment, c.Score)));

        // And the files a user gets are the same bytes.
        var a = new RunFiles(Directory.CreateDirectory(_dir.File("streamed")).FullName);
        var b = new RunFiles(Directory.CreateDirectory(_dir.File("held")).FullName);
        a.Write(streamed);
        b.Write(held);
        Assert.Equal(File.ReadAllBytes(a.CustomerSegments), File.ReadAllBytes(b.CustomerSegments));
        Assert.Equal(File.ReadAllBytes(a.Rfm), File.ReadAllBytes(b.Rfm));
        Assert.Equal(File.ReadAllBytes(a.SegmentProfile), File.ReadAllBytes(b.SegmentProfile));
    }

    [Fact]
    public void A_table_in_memory_can_be_prepared_again_with_other_options()
    {
        var path = _dir.File("small.csv");
        using (var writer = new StreamWriter(path) { NewLine = "\n" })
        {
            ScaleGenerator.Write(writer, new ScaleOptions(30_000, 1_000, Seed: 3));
        }
        var table = TransactionTable.Load(path);
        var asOf = new DateTime(2011, 6, 1);

        var all = Preparation.Run(table.Open);
        var early = Preparation.Run(table.Open, PrepareOptions.Default with { AsOf = asOf });

        Assert.Equal(Preparation.Run(path, PrepareOptions.Default with { AsOf = asOf }).Rfm.Customers, early.Rfm.Customers);
        Assert.True(early.Rfm.Count < all.Rfm.Count);
        Assert.True(early.Rfm.Customers.All(c => c.LastPurchase < asOf));
    }

    private static readonly string[] NoExamples = [];
    private static readonly RuleCount[] NoRules = [];

    /// <summary>The account's figures (its lists are compared on their own).</summary>
    private static DataQualityAccount Scalars(DataQualityAccount account) =>
        account with { Removed = NoRules, BadRowExamples = NoExamples, Columns = [] };
}
