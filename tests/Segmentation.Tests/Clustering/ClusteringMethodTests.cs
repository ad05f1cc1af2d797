using Segmentation.Clustering;
using Segmentation.Clustering.Model;
using Segmentation.Clustering.Segments;
using Segmentation.Prepare;
using Segmentation.Report;
using Segmentation.Runs;
using Segmentation.Runs.Files;
using Xunit.Abstractions;

namespace Segmentation.Tests.Clustering;

/// <summary>The three methods through the whole run on the UCI customers: the same outputs, a model that scores, the same bytes on any number of threads.</summary>
[Collection(RealDataCollection.Name)]
[Trait(Tier.Name, Tier.Full)]
public sealed class ClusteringMethodTests(RealDataFixture data, ITestOutputHelper output)
{
    public static TheoryData<ClusteringMethod> Methods => [ClusteringMethod.KMeans, ClusteringMethod.Gmm, ClusteringMethod.Dbscan];

    private SegmentationRun Run(ClusteringMethod method, int? threads = null, Func<ClusteringOptions, ClusteringOptions>? configure = null)
    {
        // Stability is k-means' alone and the slowest part of its sweep; it is tested on its own.
        var clustering = ClusteringOptions.Default with { Method = method, Threads = threads, StabilityResamples = 0 };
        return SegmentationPipeline.Segment(data.Csv, SegmentationOptions.Default with { Clustering = configure?.Invoke(clustering) ?? clustering });
    }

    private static string CustomerFile(SegmentationRun run)
    {
        using var w = new StringWriter();
        SegmentsCsv.WriteCustomers(w, run.Customers);
        return w.ToString();
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void The_customer_file_is_the_same_bytes_on_one_thread_and_on_two(ClusteringMethod method)
    {
        var one = CustomerFile(Run(method, threads: 1));
        var two = CustomerFile(Run(method, threads: 2));

        Assert.Equal(one, two);
        Assert.Equal(data.Csv.Rfm.Count + 1, one.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void The_saved_model_puts_every_customer_in_the_segment_of_the_run(ClusteringMethod method)
    {
        var run = Run(method);
        using var folder = new TempFolder();
        var path = folder.File("model.zip");
        ModelFile.Save(path, run.Model);

        var loaded = ModelFile.Load(path);
        var (labels, probabilities) = loaded.AssignWithProbability(run.Features);

        Assert.Equal(method, loaded.Method);
        var differ = run.Customers.Where((c, i) => c.Cluster != labels[i]).ToList();
        output.WriteLine($"{method}: k = {run.Model.K}, {differ.Count} of {run.Customers.Count} customers assigned differently by the saved model");
        Assert.Empty(differ);
        if (method == ClusteringMethod.Gmm)
        {
            Assert.All(run.Customers.Zip(probabilities!), p => Assert.Equal(p.First.Probability!.Value, p.Second, 1e-12));
        }
        else
        {
            Assert.Null(probabilities);
            Assert.All(run.Customers, c => Assert.Null(c.Probability));
        }
    }

    [Fact]
    public void A_gaussian_mixture_run_chooses_k_by_bic_and_says_how_sure_each_segment_is()
    {
        var run = Run(ClusteringMethod.Gmm);

        var lowest = run.Sweep.Metrics.MinBy(m => m.Bic)!;
        Assert.Equal(lowest.K, run.Choice.K);
        Assert.Contains("Bayesian information criterion", run.Choice.Reasoning, StringComparison.Ordinal);
        Assert.All(run.Sweep.Metrics, m => Assert.NotNull(m.Aic));

        var header = CustomerFile(run).Split('\n')[0];
        Assert.EndsWith("," + SegmentsCsv.ProbabilityColumn, header.TrimEnd('\r'), StringComparison.Ordinal);

        // Each profile's confident share is its customers' at 0.9 and above, and the report says it for each segment.
        var report = ReportBuilder.Build(run);
        foreach (var p in run.Profiles)
        {
            var members = run.Customers.Where(c => c.Cluster == p.Cluster).ToList();
            if (members.Count == 0) continue;
            Assert.Equal(members.Count(c => c.Probability >= 0.9) / (double)members.Count, p.ConfidentShare!.Value, 1e-12);
            Assert.Contains($"of {p.Segment}", report.Quality.SamplingNote, StringComparison.Ordinal);
        }
        Assert.Contains("assigned with probability at least 0.9", report.Quality.SamplingNote, StringComparison.Ordinal);
        Assert.Equal(run.Profiles.Count, run.Profiles.Select(p => p.Segment).Distinct().Count());
    }

    [Fact]
    public void Dbscan_keeps_the_customers_in_no_dense_group_apart_as_unclustered()
    {
        // scikit-learn at (0.3, 10): 6 clusters and 454 noise points (Fixtures/scikit-learn/dbscan.md).
        var run = Run(ClusteringMethod.Dbscan, configure: o => o with { Eps = 0.3, MinSamples = 10 });

        Assert.Equal(7, run.Model.K);
        var unclustered = run.Profiles.Single(p => p.Segment == SegmentCatalogue.Unclustered.Name);
        Assert.Equal(6, unclustered.Cluster);
        Assert.Equal(454, unclustered.Customers);
        Assert.Equal(454, run.Sweep.Density!.Noise);
        Assert.Equal(6, run.Sweep.Density.Clusters);
        Assert.False(run.Sweep.Density.EpsFromKnee);
        Assert.Equal(7, run.Profiles.Select(p => p.Segment).Distinct().Count());
        Assert.Contains("454 customers are in none", run.Choice.Reasoning, StringComparison.Ordinal);
        // The k-distance curve the report plots: largest first.
        var curve = run.Sweep.Density.KDistanceCurve;
        Assert.True(curve.Zip(curve.Skip(1)).All(p => p.First >= p.Second));
    }

    [Fact]
    public void Dbscan_without_eps_takes_the_knee_of_the_k_distance_curve()
    {
        var run = Run(ClusteringMethod.Dbscan);

        var density = run.Sweep.Density!;
        Assert.True(density.EpsFromKnee);
        Assert.Equal(density.KneeEps, density.Eps);
        // The knee lies where the sorted distances turn steep: between the bulk of the customers and the far tail.
        var distances = Dbscan.KDistances(KMeansSweep.Flatten(run.Features), density.MinSamples);
        var above = distances.Count(d => d > density.Eps) / (double)distances.Length;
        output.WriteLine($"eps {density.Eps:F4}: {density.Clusters} clusters, {density.Noise} unclustered, {above:P1} of customers farther than eps from their {density.MinSamples}th nearest");
        Assert.InRange(above, 0.005, 0.25);
    }

    [Fact]
    public void A_refresh_of_a_mixture_refits_a_mixture_and_keeps_its_segment_names()
    {
        var run = Run(ClusteringMethod.Gmm);
        var previous = new Segmentation.Runs.Refresh.PreviousRun("previous", run.Model,
            run.Customers.Select(c => new Segmentation.Runs.Refresh.PreviousCustomer(SegmentMigration.Labelled.Of(c), c.Rfm.Recency, c.Rfm.Frequency, c.SegmentSince)).ToArray(), run.Rfm.Snapshot);

        var refreshed = Segmentation.Runs.Refresh.Refresher.Run(previous, data.Csv, SegmentationOptions.Default with { Clustering = ClusteringOptions.Default with { StabilityResamples = 0 } });

        Assert.Equal(ClusteringMethod.Gmm, refreshed.Run.Model.Method);
        Assert.Equal(run.Model.K, refreshed.Run.Model.K);
        // The same data refitted with the same seed: every segment is matched to itself.
        Assert.Equal(run.Customers.Select(c => c.Segment), refreshed.Run.Customers.Select(c => c.Segment));
        Assert.All(refreshed.Run.Customers, c => Assert.NotNull(c.Probability));
    }

    [Fact]
    public void A_refresh_of_dbscan_keeps_the_unclustered_apart_from_every_segment()
    {
        var september = Preparation.Run(TestPaths.RealFile("online_retail.csv.gz"), PrepareOptions.Default with { AsOf = new DateTime(2011, 10, 1) });
        var options = SegmentationOptions.Default with { Clustering = ClusteringOptions.Default with { Method = ClusteringMethod.Dbscan, Eps = 0.3, MinSamples = 10 } };
        var run = SegmentationPipeline.Segment(september, options);
        var previous = new Segmentation.Runs.Refresh.PreviousRun("previous", run.Model,
            run.Customers.Select(c => new Segmentation.Runs.Refresh.PreviousCustomer(SegmentMigration.Labelled.Of(c), c.Rfm.Recency, c.Rfm.Frequency, c.SegmentSince)).ToArray(), run.Rfm.Snapshot);

        var refreshed = Segmentation.Runs.Refresh.Refresher.Run(previous, data.Csv, SegmentationOptions.Default).Run;

        // The group may change its id (ids stay dense when the refit finds fewer groups), never its name.
        var noise = refreshed.Model.Density!.NoiseCluster;
        Assert.Equal(refreshed.Sweep.Density!.Noise, refreshed.Customers.Count(c => c.Cluster == noise));
        Assert.Equal(SegmentCatalogue.Unclustered.Name, refreshed.Model.Segments[noise].Name);
        Assert.Equal(1, refreshed.Model.Segments.Count(s => s.Name == SegmentCatalogue.Unclustered.Name));
        Assert.All(refreshed.Customers, c => Assert.Equal(c.Cluster == noise, c.Segment == SegmentCatalogue.Unclustered.Name));
        // The refit used the previous run's eps and min-samples, though the refresh's own options name neither.
        Assert.Equal((0.3, 10), (refreshed.Sweep.Density!.Eps, refreshed.Sweep.Density.MinSamples));
    }

    [Fact]
    public void Compare_methods_sets_each_methods_own_answer_beside_the_runs_without_changing_its_segments()
    {
        var alone = Run(ClusteringMethod.KMeans);
        var compared = Run(ClusteringMethod.KMeans, configure: o => o with { CompareMethods = true });

        Assert.Equal(alone.Customers.Select(c => c.Segment), compared.Customers.Select(c => c.Segment));
        var methods = compared.Methods!;
        Assert.Equal([ClusteringMethod.KMeans, ClusteringMethod.Gmm, ClusteringMethod.Dbscan], methods.Select(m => m.Method));
        var own = methods.Single(m => m.Chosen);
        Assert.Equal((ClusteringMethod.KMeans, alone.Choice.K, 1.0), (own.Method, own.K, own.Agreement));
        // Each other method's answer is the one a run of that method gives on its own.
        var gmm = Run(ClusteringMethod.Gmm);
        var mixture = methods.Single(m => m.Method == ClusteringMethod.Gmm);
        Assert.Equal(gmm.Choice.K, mixture.K);
        Assert.Equal(gmm.Profiles.Select(p => p.Segment), mixture.Segments);
        Assert.Equal(Numerics.AdjustedRand.Index(gmm.Customers.Select(c => c.Cluster).ToArray(), alone.Customers.Select(c => c.Cluster).ToArray()), mixture.Agreement, 1e-12);
        var dbscan = Run(ClusteringMethod.Dbscan);
        Assert.Equal(dbscan.Sweep.Density!.Noise, methods.Single(m => m.Method == ClusteringMethod.Dbscan).Unclustered);
        Assert.Contains("Gaussian mixture finds", ReportBuilder.Build(compared).MethodsVerdict, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_file_of_format_1_written_before_the_methods_reads_as_k_means()
    {
        using var folder = new TempFolder();
        var path = folder.File("model.zip");
        ModelFile.Save(path, data.Run.Model);
        // Format 1 had neither the version 2 nor the method and its parts.
        using (var zip = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Update))
        {
            var entry = zip.GetEntry("model.json")!;
            System.Text.Json.Nodes.JsonObject json;
            using (var read = entry.Open()) json = System.Text.Json.Nodes.JsonNode.Parse(read)!.AsObject();
            json["format_version"] = 1;
            Assert.True(json.Remove("method") && json.Remove("mixture") && json.Remove("density"));
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("model.json").Open());
            writer.Write(json.ToJsonString());
        }

        var loaded = ModelFile.Load(path);

        Assert.Equal((1, ClusteringMethod.KMeans), (loaded.FormatVersion, loaded.Method));
        Assert.Equal(data.Run.Customers.Select(c => c.Cluster), loaded.Assign(data.Run.Features));
    }
}
