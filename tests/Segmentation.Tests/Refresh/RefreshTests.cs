using Segmentation.Clustering;
using Segmentation.Clustering.Segments;
using Segmentation.Prepare;
using Segmentation.Runs;
using Segmentation.Runs.Files;
using Segmentation.Runs.Refresh;
using Xunit.Abstractions;

namespace Segmentation.Tests.Refresh;

[Collection(RealDataCollection.Name)]
[Trait(Tier.Name, Tier.Full)]
public sealed class RefreshTests(RealDataFixture data, ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private PreviousRun Save(SegmentationRun run, string name)
    {
        new RunFiles(_dir.File(name)).Write(run);
        return PreviousRunReader.Read(_dir.File(name));
    }

    [Fact]
    public void A_fit_to_september_refreshed_in_december_accounts_for_every_customer_of_both_runs_and_repeats_exactly()
    {
        var september = Preparation.Run(TestPaths.RealFile("online_retail.csv.gz"), new PrepareOptions { AsOf = new DateTime(2011, 10, 1) });
        var previous = Save(SegmentationPipeline.Segment(september, SegmentationOptions.Default), "september");

        var first = Refresher.Run(previous, data.Csv, SegmentationOptions.Default);
        var again = Refresher.Run(previous, data.Csv, SegmentationOptions.Default);

        var before = previous.Customers.Select(c => c.Label.CustomerId).ToHashSet();
        var after = data.Csv.Rfm.Customers.Select(c => c.CustomerId).ToHashSet();
        var union = before.Union(after).Count();
        Assert.Equal(union, first.Migration.Customers);
        Assert.Equal(after.Except(before).Count(), first.Migration.Cells.Where(c => c.From == SegmentMigration.New).Sum(c => c.Customers));
        Assert.Equal(before.Except(after).Count(), first.Migration.Cells.Where(c => c.To == SegmentMigration.Lapsed).Sum(c => c.Customers));
        Assert.True(after.Except(before).Any(), "customers who first bought after September are new");
        Assert.Equal(first.Customers.Select(c => (c.Rfm.CustomerId, c.Cluster, c.Segment)), again.Customers.Select(c => (c.Rfm.CustomerId, c.Cluster, c.Segment)));
        Assert.Equal(first.Migration.Cells, again.Migration.Cells);
        var a = new RefreshFiles(_dir.File("a")).Write(first);
        var b = new RefreshFiles(_dir.File("b")).Write(again);
        foreach (var name in new[] { "customer_segments.csv", "migration.csv", "refresh.json", "metrics.json" })
        {
            Assert.Equal(File.ReadAllBytes(_dir.File("a/" + name)), File.ReadAllBytes(_dir.File("b/" + name)));
        }
        // The drift figures against an independent computation from the two runs' own customers.
        var now = data.Csv.Rfm.Customers;
        Assert.Equal(Psi(previous.Customers.Select(c => c.Recency).ToArray(), now.Select(c => (double)c.Recency).ToArray()), first.Drift.PsiRecency, 12);
        Assert.Equal(Psi(previous.Customers.Select(c => c.Frequency).ToArray(), now.Select(c => (double)c.Frequency).ToArray()), first.Drift.PsiFrequency, 12);
        Assert.Equal(Psi(previous.Customers.Select(c => c.Monetary).ToArray(), now.Select(c => (double)c.Monetary).ToArray()), first.Drift.PsiMonetary, 12);
        var oldLabels = previous.Model.Assign(data.Csv.Rfm);
        Assert.Equal(Ari(oldLabels, first.Customers.Select(c => c.Cluster).ToArray()), first.Drift.AdjustedRandIndex, 12);
        Assert.NotEmpty(first.Movements);
        output.WriteLine($"PSI R {first.Drift.PsiRecency:F3} F {first.Drift.PsiFrequency:F3} M {first.Drift.PsiMonetary:F3} shares {first.Drift.PsiSegmentShares:F3}; ARI {first.Drift.AdjustedRandIndex:F3}");
        foreach (var m in first.Movements) output.WriteLine(m);
    }

    /// <summary>PSI over the expected values' deciles, written out plainly: bins (-inf, e1], (e1, e2], ..., (e9, inf).</summary>
    private static double Psi(double[] expected, double[] actual)
    {
        var sorted = expected.Order().ToArray();
        var edges = Enumerable.Range(1, 9).Select(b => sorted[(int)Math.Floor((sorted.Length - 1) * b / 10.0)]).Distinct().ToList();
        edges.Add(double.PositiveInfinity);
        double Share(double[] values, int bin) => values.Count(v => v <= edges[bin] && (bin == 0 || v > edges[bin - 1])) / (double)values.Length;
        return Enumerable.Range(0, edges.Count).Sum(bin =>
        {
            double e = Math.Max(Share(expected, bin), 1e-4), a = Math.Max(Share(actual, bin), 1e-4);
            return (a - e) * Math.Log(a / e);
        });
    }

    /// <summary>Adjusted Rand index from the contingency table (Hubert and Arabie 1985).</summary>
    private static double Ari(int[] a, int[] b)
    {
        static double C2(double n) => n * (n - 1) / 2;
        var cells = a.Zip(b).GroupBy(t => t).Sum(g => C2(g.Count()));
        var rows = a.GroupBy(x => x).Sum(g => C2(g.Count()));
        var cols = b.GroupBy(x => x).Sum(g => C2(g.Count()));
        var expected = rows * cols / C2(a.Length);
        return (cells - expected) / ((rows + cols) / 2 - expected);
    }

    [Fact]
    public void Refitting_the_same_data_with_another_seed_keeps_every_segment_name()
    {
        var previous = Save(data.Run, "seed42");
        var otherSeed = SegmentationOptions.Default with { Clustering = ClusteringOptions.Default with { Seed = 7 } };

        var result = Refresher.Run(previous, data.Csv, otherSeed);

        Assert.All(result.Drift.Matches, m => Assert.Equal("kept", m.Status));
        Assert.Equal(data.Run.Profiles.Select(p => p.Segment).Order(StringComparer.Ordinal), result.Customers.Select(c => c.Segment).Distinct().Order(StringComparer.Ordinal));
        var same = data.Run.Customers.Zip(result.Customers).Count(t => t.First.Segment == t.Second.Segment);
        Assert.True(same > 0.95 * data.Run.Customers.Count, $"{same} of {data.Run.Customers.Count} customers keep their segment");
        Assert.False(result.Drift.RefitRecommended, string.Join("; ", result.Drift.Reasons));
    }

    [Fact]
    public void Scoring_instead_of_refitting_keeps_the_previous_model_and_its_names()
    {
        var previous = Save(data.Run, "scored");

        var result = Refresher.Run(previous, data.Csv, SegmentationOptions.Default, RefreshOptions.Default with { Refit = false });

        Assert.Equal(RunMode.Scored, result.Run.Mode);
        Assert.Equal(data.Run.Customers.Select(c => c.Segment), result.Customers.Select(c => c.Segment));
        Assert.Equal(1.0, result.Drift.AdjustedRandIndex, 9);
        Assert.Equal(0, result.Migration.Cells.Where(c => c.From != c.To).Sum(c => c.Customers));
    }
}

public sealed class DriftMeasuresTests
{
    [Fact]
    public void The_adjusted_rand_index_is_one_for_the_same_partition_under_other_labels_and_near_zero_for_chance()
    {
        int[] a = [0, 0, 1, 1, 2, 2, 2];
        int[] relabelled = [5, 5, 3, 3, 9, 9, 9];
        var random = new Random(1);
        var x = Enumerable.Range(0, 5000).Select(_ => random.Next(4)).ToArray();
        var y = Enumerable.Range(0, 5000).Select(_ => random.Next(4)).ToArray();

        Assert.Equal(1.0, global::Segmentation.Numerics.AdjustedRand.Index(a, relabelled), 12);
        Assert.InRange(global::Segmentation.Numerics.AdjustedRand.Index(x, y), -0.01, 0.01);
        // sklearn.metrics.adjusted_rand_score([0,0,1,1],[0,0,1,2]) = 0.5714285714285715
        Assert.Equal(0.5714285714285715, global::Segmentation.Numerics.AdjustedRand.Index([0, 0, 1, 1], [0, 0, 1, 2]), 12);
    }

    [Fact]
    public void Psi_is_zero_for_the_same_population_and_grows_with_a_shift()
    {
        var random = new Random(2);
        var before = Enumerable.Range(0, 5000).Select(_ => random.NextDouble()).ToArray();
        var shifted = before.Select(v => v + 0.3).ToArray();

        Assert.Equal(0, DriftMeasures.PsiOfValues(before, before), 12);
        Assert.True(DriftMeasures.PsiOfValues(before, shifted) > 0.25);
        // Shares: (0.6 - 0.5) ln(0.6 / 0.5) + (0.4 - 0.5) ln(0.4 / 0.5)
        Assert.Equal(0.1 * Math.Log(1.2) + -0.1 * Math.Log(0.8), DriftMeasures.PsiOfShares([0.5, 0.5], [0.6, 0.4]), 12);
    }
}
