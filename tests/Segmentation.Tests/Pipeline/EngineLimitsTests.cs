using System.Collections.Concurrent;
using Segmentation.App;
using Segmentation.Prepare;
using Segmentation.Prepare.Engine;

namespace Segmentation.Tests.Pipeline;

[Collection(RealDataCollection.Name)]
[Trait(Tier.Name, Tier.Full)]
public sealed class EngineLimitsTests(RealDataFixture data) : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>Collects reports on the thread that makes them (Progress&lt;T&gt; would post them elsewhere, later).</summary>
    private sealed class Recorder : IProgress<ReadProgress>
    {
        public ConcurrentQueue<ReadProgress> Reports { get; } = new();

        public void Report(ReadProgress value) => Reports.Enqueue(value);
    }

    [Fact]
    public void An_engine_read_reports_the_fraction_of_its_work_done()
    {
        var recorder = new Recorder();

        Preparation.Run(TestPaths.RealFile("online_retail.csv.gz"), PrepareOptions.Default with { EnginePollInterval = TimeSpan.FromMilliseconds(10) }, recorder);

        var fractions = recorder.Reports.Select(r => r.Fraction!.Value).ToList();
        Assert.NotEmpty(fractions);
        Assert.All(fractions, f => Assert.InRange(f, 0, 1));
        // Never backwards, and on its way: the engine's own count stays at 0 through this statement, the file's read moves.
        Assert.Equal(fractions.Order(), fractions);
        if (OperatingSystem.IsLinux()) Assert.Contains(fractions, f => f is > 0.05 and < 1);
    }

    [Fact]
    public void A_small_memory_limit_spills_into_the_given_folder_and_gives_the_same_result()
    {
        var spill = Directory.CreateDirectory(_dir.File("spill")).FullName;
        var options = PrepareOptions.Default with { EngineMemoryMegabytes = 128, SpillFolder = spill };

        var prepared = Preparation.Run(TestPaths.RealFile("online_retail.csv.gz"), options);

        Assert.Equal(data.Csv.Quality.Removed, prepared.Quality.Removed);
        Assert.Equal(data.Csv.Rfm.Customers, prepared.Rfm.Customers);
        Assert.Empty(Directory.EnumerateFileSystemEntries(spill));
    }

    [Fact]
    public void An_input_prepared_in_parts_is_staged_in_the_spill_folder_gives_the_same_result_and_leaves_nothing_there()
    {
        var (path, relation, source) = UciEngineInput.Csv();
        var spill = Directory.CreateDirectory(_dir.File("spill")).FullName;
        var recorder = new Recorder();
        var options = PrepareOptions.Default with { SpillFolder = spill, EnginePollInterval = TimeSpan.FromMilliseconds(10) };
        // As many rows as two parts of the engine's memory hold (the UCI file's are fewer: it is told more).
        var rows = PreparationStatement.RowsPerMegabyte * options.EngineMemoryMegabytes + 1;
        Assert.Equal(2, PreparationStatement.PartsFor(rows, options.EngineMemoryMegabytes));

        PreparationResult result;
        IReadOnlyList<DropReason> rules;
        using (var engine = PreparationStatement.Engine(options))
        {
            (result, rules, _) = PreparationStatement.Run(engine, relation, options, source, recorder, rows);
            Assert.NotEmpty(Directory.EnumerateFileSystemEntries(spill));
        }
        var prepared = PreparedDataBuilder.Build(result, path, rules, badRows: null, options, []);

        Assert.Equal(data.Csv.Quality.Removed, prepared.Quality.Removed);
        Assert.Equal((data.Csv.Quality.DuplicateRowsFound, data.Csv.Quality.Invoices, data.Csv.Quality.Revenue),
            (prepared.Quality.DuplicateRowsFound, prepared.Quality.Invoices, prepared.Quality.Revenue));
        Assert.Equal(data.Csv.Rfm.Customers, prepared.Rfm.Customers);
        Assert.Equal(data.Csv.Sales.Months, prepared.Sales.Months);
        Assert.Equal(data.Csv.Sales.TopProducts, prepared.Sales.TopProducts);
        Assert.Empty(Directory.EnumerateFileSystemEntries(spill));
        Assert.All(recorder.Reports, r => Assert.InRange(r.Fraction!.Value, 0, 1));
    }

    [Fact]
    public void A_memory_limit_below_what_the_engine_needs_is_refused_naming_the_option()
    {
        var options = PrepareOptions.Default with { EngineMemoryMegabytes = 64 };

        var error = Assert.Throws<OptionException>(() => SegmentationApp.Prepare(TransactionSource.Sample(), options));

        Assert.Equal(OptionNames.EngineMemory, error.Option);
    }
}
