using System.Globalization;
using Segmentation.Clustering;
using Xunit.Abstractions;

namespace Segmentation.Tests.Clustering;

/// <summary>DBSCAN against its definition on a hand-made case, and against scikit-learn's on the UCI customers.</summary>
[Collection(RealDataCollection.Name)]
public sealed class DbscanTests(RealDataFixture data, ITestOutputHelper output)
{
    [Fact]
    public void Core_points_grow_clusters_borders_join_the_first_that_reaches_them_and_the_rest_is_noise()
    {
        // Two dense runs along the x axis, a border point beside the first and one point far from both.
        double[][] rows =
        [
            [0, 0, 0], [0.1, 0, 0], [0.2, 0, 0], [0.3, 0, 0],
            [0.5, 0, 0],
            [5, 0, 0], [5.1, 0, 0], [5.2, 0, 0],
            [9, 9, 9],
        ];
        var result = Dbscan.Fit(KMeansSweep.Flatten(rows), eps: 0.25, minSamples: 3);

        Assert.Equal(2, result.Clusters);
        Assert.Equal([0, 0, 0, 0, 0, 1, 1, 1, Dbscan.Noise], result.Labels);
        // 0.5 has 2 points within 0.25 (itself and 0.3): a border point, reached from the core point 0.3.
        Assert.Equal([true, true, true, true, false, true, true, true, false], result.Core);
        Assert.Equal(1, result.NoisePoints);
    }

    [Fact]
    public void A_point_at_exactly_eps_is_a_neighbour()
    {
        var result = Dbscan.Fit(KMeansSweep.Flatten([[0, 0, 0], [0.5, 0, 0]]), eps: 0.5, minSamples: 2);

        Assert.Equal([0, 0], result.Labels);
    }

    [Theory]
    [InlineData(0.3, 10)]
    [InlineData(0.5, 20)]
    public void On_the_uci_customers_the_clusters_noise_and_core_points_are_scikit_learns(double eps, int minSamples)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "scikit-learn");
        var name = string.Create(CultureInfo.InvariantCulture, $"eps{eps}_min{minSamples}");
        var lines = File.ReadAllLines(Path.Combine(folder, "dbscan_labels.csv"));
        var header = lines[0].Split(',');
        var (labelColumn, coreColumn) = (Array.IndexOf(header, name + "_label"), Array.IndexOf(header, name + "_core"));
        var theirs = lines.Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[0], f => (Label: int.Parse(f[labelColumn], CultureInfo.InvariantCulture), Core: f[coreColumn] == "1"));
        var table = File.ReadLines(Path.Combine(folder, "dbscan.md")).Single(l => l.StartsWith(string.Create(CultureInfo.InvariantCulture, $"| {eps} | {minSamples} |"), StringComparison.Ordinal))
            .Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(2).Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray();

        var ids = data.Run.Rfm.Customers.Select(c => c.CustomerId).ToArray();
        var ours = Dbscan.Fit(KMeansSweep.Flatten(data.Run.Features), eps, minSamples);
        output.WriteLine($"eps {eps}, min_samples {minSamples}: {ours.Clusters} clusters, {ours.NoisePoints} noise, {ours.Core.Count(c => c)} core; scikit-learn {table[0]}, {table[1]}, {table[2]}");

        Assert.Equal((table[0], table[1], table[2]), (ours.Clusters, ours.NoisePoints, ours.Core.Count(c => c)));
        Assert.Equal(ids.Select(id => theirs[id].Core), ours.Core);
        // Core points are in the same clusters up to the numbering: one to one between our labels and theirs.
        var pairs = ids.Select((id, i) => (Ours: ours.Labels[i], Theirs: theirs[id].Label, Core: ours.Core[i])).Where(p => p.Core).Distinct().ToList();
        Assert.Equal(ours.Clusters, pairs.Count);
        Assert.Equal(pairs.Count, pairs.Select(p => p.Theirs).Distinct().Count());
        // Noise is noise on both sides (a border point may join either of two clusters, never noise on one side only).
        Assert.Equal(ids.Select(id => theirs[id].Label == Dbscan.Noise), ours.Labels.Select(l => l == Dbscan.Noise));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(20)]
    public void Every_customers_k_distance_is_scikit_learns_and_decides_which_points_are_core(int k)
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "scikit-learn", "kdistance.csv"));
        var column = Array.IndexOf(lines[0].Split(','), "k" + k.ToString(CultureInfo.InvariantCulture));
        var theirs = lines.Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[0], f => double.Parse(f[column], CultureInfo.InvariantCulture));
        var points = KMeansSweep.Flatten(data.Run.Features);

        var ours = Dbscan.KDistances(points, k);

        var ids = data.Run.Rfm.Customers.Select(c => c.CustomerId).ToArray();
        // scikit-learn's features come from the reference RFM, whose monetary is rounded to cents: a few customers'
        // features, and so distances, differ from ours in the sixth decimal.
        Assert.All(ids.Select((id, i) => (id, Ours: ours[i], Theirs: theirs[id])), t => Assert.Equal(t.Theirs, t.Ours, 1e-5));
        foreach (var eps in new[] { 0.3, 0.5 })
        {
            Assert.Equal(ours.Select(d => d <= eps), Dbscan.Fit(points, eps, k).Core);
        }
    }
}
