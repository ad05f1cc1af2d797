using Segmentation.Clustering;
using Segmentation.Model;
using Segmentation.Output;
using Segmentation.Pipeline;
using Segmentation.Segments;
using Xunit.Abstractions;

namespace Segmentation.Tests.Clustering;

/// <summary>The clustering issue's proofs on ../shared/data/online_retail.csv.gz.</summary>
[Collection(RealDataCollection.Name)]
public sealed class RealDataClusteringTests(RealDataFixture data, ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    // scikit-learn 1.x, KMeans(k-means++, n_init=10, random_state=42) on the same features (../shared/data/README.md).
    private static readonly Dictionary<int, (double Inertia, double Silhouette)> ScikitLearn = new()
    {
        [2] = (6485.70, 0.4340), [3] = (4877.22, 0.3386), [4] = (3962.50, 0.3370), [5] = (3330.70, 0.3161), [6] = (2875.22, 0.3139),
        [7] = (2573.31, 0.3092), [8] = (2362.45, 0.2944), [9] = (2177.73, 0.2803), [10] = (2021.58, 0.2770),
    };

    [Fact]
    public void Every_k_is_as_good_as_scikit_learn()
    {
        foreach (var m in data.Run.Sweep.Metrics)
        {
            var (inertia, silhouette) = ScikitLearn[m.K];
            output.WriteLine($"k={m.K}: inertia {m.Inertia:F2} vs {inertia:F2} ({(m.Inertia / inertia - 1) * 100:+0.000;-0.000}%), silhouette {m.Silhouette:F4} vs {silhouette:F4}");
            Assert.True(m.Inertia <= inertia * 1.005, $"k={m.K}: inertia {m.Inertia} is more than 0.5% above {inertia}");
            Assert.InRange(m.Silhouette, silhouette - 0.01, silhouette + 0.01);
        }
        Assert.Equal(Enumerable.Range(2, 9), data.Run.Sweep.Metrics.Select(m => m.K));
    }

    [Fact]
    public void Every_customer_is_in_exactly_one_segment_and_the_shares_add_up()
    {
        var run = data.Run;

        Assert.Equal(run.Rfm.Count, run.Customers.Count);
        Assert.Equal(run.Rfm.Count, run.Customers.Select(c => c.Rfm.CustomerId).Distinct().Count());
        Assert.Equal(run.Rfm.Count, run.Profiles.Sum(p => p.Customers));
        Assert.Equal(1.0, run.Profiles.Sum(p => p.Share), 9);
        Assert.Equal(1.0, run.Profiles.Sum(p => p.RevenueShare), 9);
        Assert.Equal(run.Quality.Revenue, run.Profiles.Sum(p => p.Revenue));
        Assert.Equal(run.Rfm.Count, run.ScoreProfiles.Sum(p => p.Customers));
    }

    [Fact]
    public void The_names_follow_the_centroids_for_every_k()
    {
        var run = data.Run;
        foreach (var fit in run.Sweep.Fits)
        {
            var names = SegmentationPipeline.NameSegments(run.Rfm, fit);
            var means = SegmentBuilder.Means(run.Rfm, fit.Labels, fit.K);
            output.WriteLine($"k={fit.K}: " + string.Join(", ", names.Select((n, c) => $"{n.Name} (R {means[c][0]:F0}, F {means[c][1]:F1}, M {means[c][2]:F0})")));

            Assert.Equal(fit.K, names.Select(n => n.Name).Distinct().Count());
            for (var c = 0; c < fit.K; c++)
            {
                if (names[c].Name == SegmentCatalogue.Champions)
                {
                    Assert.True(SegmentNamer.Dominates(c, means), $"k={fit.K}: Champions must have the lowest mean recency and highest mean F and M");
                }
                if (names[c].Name == SegmentCatalogue.Lost) Assert.True(SegmentNamer.IsDominated(c, means), $"k={fit.K}: Lost must be the worst on R, F and M");
            }
            // No name contradicts the side of the average its cluster is on.
            for (var c = 0; c < fit.K; c++)
            {
                var (recent, value) = SegmentNamer.Position(fit.Centroids[c]);
                Assert.True(SegmentNamer.Contradiction(names[c], recent, value) == 0, $"k={fit.K}: {names[c].Name} contradicts its centroid ({recent:F2}, {value:F2})");
            }
            // "And so on down": a name whose prototype is better on both recency and value than another's
            // never goes to a cluster that is worse on both.
            for (var a = 0; a < fit.K; a++)
            {
                for (var b = 0; b < fit.K; b++)
                {
                    var (pa, pb) = (names[a], names[b]);
                    if (!(pa.Recent > pb.Recent && pa.Value > pb.Value)) continue;
                    var (ra, va) = SegmentNamer.Position(fit.Centroids[a]);
                    var (rb, vb) = SegmentNamer.Position(fit.Centroids[b]);
                    Assert.False(ra < rb && va < vb, $"k={fit.K}: {pa.Name} sits below {pb.Name} on both recency and value");
                }
            }
        }
        // At the chosen k, the best segment is named Champions: it dominates on all three.
        Assert.Equal(SegmentCatalogue.Champions, data.Run.Profiles[0].Segment);
    }

    [Fact]
    public void Scoring_the_training_file_with_the_saved_model_reproduces_the_training_assignment()
    {
        var path = _dir.File("model.zip");
        ModelFile.Save(path, data.Run.Model);
        var loaded = ModelFile.Load(path);

        var scored = Scoring.Score(loaded, data.Csv);

        Assert.Equal(data.Run.Customers.Select(c => (c.Rfm.CustomerId, c.Cluster, c.Segment)), scored.Select(c => (c.Rfm.CustomerId, c.Cluster, c.Segment)));
    }

    [Fact]
    public void The_same_seed_gives_identical_customer_segments_on_two_runs_and_with_one_or_two_threads()
    {
        byte[] Segments(int threads)
        {
            var options = SegmentationOptions.Default with { Clustering = ClusteringOptions.Default with { Threads = threads } };
            var run = SegmentationPipeline.Segment(data.Csv, options);
            var path = _dir.File($"segments-{threads}-{Guid.NewGuid():N}.csv");
            SegmentsCsv.WriteCustomers(path, run.Customers);
            return File.ReadAllBytes(path);
        }

        var one = Segments(1);
        var two = Segments(2);
        var again = Segments(2);

        Assert.Equal(one, two);
        Assert.Equal(two, again);
    }

    [Fact]
    public void A_sampled_silhouette_is_close_to_the_exact_one()
    {
        var run = data.Run;
        var fit = run.Sweep.Fit(run.Choice.K);
        var exact = run.ChosenMetrics.Silhouette;
        var errors = new List<double>();
        foreach (var seed in new[] { 1, 2, 3, 4, 5 })
        {
            var sample = Enumerable.Range(0, run.Features.Length).ToArray();
            new Random(seed).Shuffle(sample);
            var sampled = ClusterQuality.Silhouette(run.Features, fit.Labels, fit.K, sample[..1_000]);
            errors.Add(sampled - exact);
        }
        output.WriteLine($"k={fit.K}: exact {exact:F4}; 1,000-customer samples err by {string.Join(", ", errors.Select(e => e.ToString("+0.0000;-0.0000", System.Globalization.CultureInfo.InvariantCulture)))}");

        Assert.All(errors, e => Assert.InRange(Math.Abs(e), 0, 0.02));
        Assert.Contains(errors, e => e != 0);
    }

    [Fact]
    public void The_k_rule_explains_itself_and_picks_from_the_elbow_and_its_neighbours()
    {
        var choice = data.Run.Choice;

        Assert.InRange(choice.K, choice.ElbowK - 1, choice.ElbowK + 1);
        Assert.Equal(2, choice.SilhouetteK);
        Assert.Contains($"k = {choice.ElbowK}", choice.Reasoning, StringComparison.Ordinal);
        Assert.Contains("best silhouette of the whole sweep is at k = 2", choice.Reasoning, StringComparison.Ordinal);
    }
}
