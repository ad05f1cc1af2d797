using System.Globalization;
using Segmentation.Prepare;
using Segmentation.Runs;

namespace Segmentation.Tests;

/// <summary>The real files, each prepared once for all the tests that need them (the workbook takes seconds).</summary>
public sealed class RealDataFixture
{
    private readonly Lazy<PreparedData> _csv = new(() => Preparation.Run(TestPaths.RealFile("online_retail.csv.gz")));
    private readonly Lazy<PreparedData> _xlsx = new(() => Preparation.Run(TestPaths.RealFile("Online_Retail.xlsx")));
    private readonly Lazy<IReadOnlyList<ReferenceRow>> _reference = new(LoadReference);
    private readonly Lazy<SegmentationRun> _run;

    public RealDataFixture() => _run = new(() => SegmentationPipeline.Segment(Csv, SegmentationOptions.Default));

    /// <summary>The default run on the CSV.gz: sweep k = 2..10, 10 restarts, seed 42.</summary>
    public SegmentationRun Run => _run.Value;

    public PreparedData Csv => _csv.Value;
    public PreparedData Xlsx => _xlsx.Value;
    public IReadOnlyList<ReferenceRow> Reference => _reference.Value;

    public PreparedData Get(string which) => which == "xlsx" ? Xlsx : Csv;

    public sealed record ReferenceRow(string CustomerId, int RecencyDays, int Frequency, decimal Monetary, int Lines);

    private static List<ReferenceRow> LoadReference()
    {
        var lines = File.ReadAllLines(TestPaths.RealFile("online_retail_rfm_reference.csv"));
        var header = lines[0].Split(',');
        int Col(string name) => Array.IndexOf(header, name);
        int id = Col("CustomerID"), r = Col("RecencyDays"), f = Col("Frequency"), m = Col("Monetary"), l = Col("Lines");
        return lines.Skip(1).Select(line => line.Split(',')).Select(c => new ReferenceRow(
            c[id],
            int.Parse(c[r], CultureInfo.InvariantCulture),
            int.Parse(c[f], CultureInfo.InvariantCulture),
            decimal.Parse(c[m], CultureInfo.InvariantCulture),
            int.Parse(c[l], CultureInfo.InvariantCulture))).ToList();
    }
}

[CollectionDefinition(Name)]
public sealed class RealDataCollection : ICollectionFixture<RealDataFixture>
{
    public const string Name = "real data";
}
