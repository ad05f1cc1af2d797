using Segmentation.Clustering;
using Segmentation.Clustering.Methods;
using Segmentation.Clustering.Model;
using Segmentation.Clustering.Segments;

namespace Segmentation.Tests.Clustering;

/// <summary>
/// Each clustering method as an estimator, on three well-separated groups of synthetic customers: the registry holds
/// every method once; each sweeps, chooses, makes its model part, and that part (also after the model file's round
/// trip) assigns the training customers as the fit did; each refuses the options that mean nothing to it.
/// </summary>
public sealed class ClusteringMethodsTests
{
    private static readonly double[][] Centres = [[-2, 2, 2], [0, 0, 0], [2, -2, -2]];

    /// <summary>100 customers around each centre, spread 0.15 (seeded).</summary>
    private static double[][] ThreeGroups()
    {
        var random = new Random(7);
        return Centres.SelectMany(c => Enumerable.Range(0, 100).Select(_ => c.Select(x => x + (random.NextDouble() - 0.5) * 0.3).ToArray())).ToArray();
    }

    private static readonly ClusteringOptions Options = ClusteringOptions.Default with { KMin = 2, KMax = 5, Restarts = 3, StabilityResamples = 0, Eps = null };

    private static ClusteringOptions For(IClusteringMethod method) =>
        method.Adopt(Options with { Eps = method.SweepsK ? null : 0.5, MinSamples = 5 });

    public static TheoryData<ClusteringMethod> Methods() => [.. Enum.GetValues<ClusteringMethod>()];

    [Fact]
    public void The_registry_holds_every_method_once_under_its_own_id()
    {
        Assert.Equal(Enum.GetValues<ClusteringMethod>(), ClusteringMethods.All.Select(m => m.Id).Order());
        Assert.All(Enum.GetValues<ClusteringMethod>(), id => Assert.Equal(id, ClusteringMethods.Of(id).Id));
        Assert.Equal(ClusteringMethods.All.Count, ClusteringMethods.All.Select(m => m.Name).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Each_method_finds_the_three_groups_and_its_model_assigns_the_customers_as_the_fit_did(ClusteringMethod id)
    {
        var method = ClusteringMethods.Of(id);
        var features = ThreeGroups();
        var options = For(method);

        var sweep = method.Sweep(features, options, report: null);
        var choice = method.Choose(sweep, forced: null, KSource.Rule);
        var fit = sweep.Fit(choice.K);

        Assert.Equal(id, sweep.Method);
        // DBSCAN's groups are the three dense ones and an (empty) group of the unclustered.
        Assert.Equal(method.SweepsK ? 3 : 4, choice.K);
        var groups = Enumerable.Range(0, 3).Select(g => fit.Labels.Skip(100 * g).Take(100).Distinct().Single()).ToArray();
        Assert.Equal(3, groups.Distinct().Count());

        var scaler = new ScalerParameters(false, [0, 0, 0], [1, 1, 1]);
        var names = Enumerable.Range(0, fit.K).Select(i => SegmentCatalogue.All[i]).ToArray();
        var model = method.Model(fit, scaler, names);
        Assert.Equal(id, model.Method);
        Assert.Equal(fit.Labels, method.Assign(model, features).Labels);

        using var temp = new TempFolder();
        var path = temp.File("model.zip");
        ModelFile.Save(path, model);
        var loaded = ModelFile.Load(path);
        Assert.Equal(fit.Labels, loaded.Assign(features));
        Assert.Equal(id == ClusteringMethod.Gmm, method.Assign(loaded, features).Probabilities is not null);
    }

    [Fact]
    public void Each_method_refuses_the_options_of_another_and_adopts_what_it_reads()
    {
        var dbscan = ClusteringMethods.Of(ClusteringMethod.Dbscan);
        Assert.Equal(OptionNames.K, Assert.Throws<OptionException>(() => dbscan.Validate(Options with { Method = ClusteringMethod.Dbscan, K = 4 })).Option);
        dbscan.Validate(Options with { Method = ClusteringMethod.Dbscan, Eps = 0.3 });
        Assert.Equal(new ClusteringOptions { Method = ClusteringMethod.Dbscan, Eps = 0.3 }, dbscan.Adopt(new ClusteringOptions { K = 4, Eps = 0.3 }));

        foreach (var id in new[] { ClusteringMethod.KMeans, ClusteringMethod.Gmm })
        {
            var method = ClusteringMethods.Of(id);
            Assert.Equal(OptionNames.Eps, Assert.Throws<OptionException>(() => method.Validate(Options with { Method = id, Eps = 0.3 })).Option);
            method.Validate(Options with { Method = id, K = 4 });
            Assert.Equal(new ClusteringOptions { Method = id, K = 4 }, method.Adopt(new ClusteringOptions { K = 4, Eps = 0.3 }));
        }
    }

    [Fact]
    public void A_model_file_whose_method_part_is_missing_is_refused_by_name()
    {
        var features = ThreeGroups();
        var method = ClusteringMethods.Of(ClusteringMethod.Gmm);
        var sweep = method.Sweep(features, For(method), report: null);
        var fit = sweep.Fit(3);
        var model = method.Model(fit, new ScalerParameters(false, [0, 0, 0], [1, 1, 1]), SegmentCatalogue.All.Take(3).ToArray()) with { Mixture = null };
        using var temp = new TempFolder();
        var path = temp.File("model.zip");
        ModelFile.Save(path, model);

        var error = Assert.Throws<InputException>(() => ModelFile.Load(path));

        Assert.Contains("its Gmm part is missing", error.Message, StringComparison.Ordinal);
    }
}
