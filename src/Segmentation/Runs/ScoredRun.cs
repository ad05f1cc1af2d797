using System.Diagnostics;
using Segmentation.Clustering;
using Segmentation.Clustering.Model;
using Segmentation.Clustering.Segments;
using Segmentation.Prepare;

namespace Segmentation.Runs;

/// <summary>A run whose segments are a saved model's, applied to a new period (refresh --score-only).</summary>
internal static class ScoredRun
{
    /// <summary>
    /// A complete run whose segments are <paramref name="model"/>'s, applied to <paramref name="prepared"/>
    /// without refitting: its "sweep" is the one k of the model, measured on the new customers in the model's
    /// scaled space, so that every output of a fitted run exists for a scored one too.
    /// </summary>
    public static SegmentationRun Of(SegmentationModel model, PreparedData prepared, SegmentationOptions options)
    {
        if (prepared.Rfm.Count < 2)
        {
            throw new InputException(prepared.Quality.Source, $"only {prepared.Rfm.Count} customer(s) are left after cleaning; scoring a period needs at least 2");
        }
        var clock = Stopwatch.StartNew();
        var features = FeatureScaler.Apply(model.Scaler, prepared.Rfm);
        var (labels, probabilities) = model.AssignWithProbability(features);
        var k = model.K;
        var clustering = options.Clustering;
        var sample = KMeansSweep.Sample(features.Length, clustering.SilhouetteExactLimit, clustering.SilhouetteSampleSize, clustering.Seed);
        var fit = new ClusterFit(k, model.Seed, model.Centroids, labels, Distances.Inertia(features, labels, model.Centroids));
        var (silhouette, daviesBouldin, calinskiHarabasz) = ClusterQuality.Indices(features, labels, k, model.Centroids, sample.Indices, threads: null);
        var metrics = new KMetrics(k, fit.Inertia, silhouette, daviesBouldin, calinskiHarabasz, 0, model.Seed);
        var sweep = new SweepResult([metrics], [fit with { Probabilities = probabilities }], sample.Method, new SampleMethod(false, 0, null), 0, model.Seed)
        {
            Method = model.Method,
        };
        var choice = new KChoice(k, k, k, KSource.PreviousRun, "k and the segments are the previous run's model's; nothing is refitted.",
            $"k = {k} was kept from the previous run: its model was applied to this period's customers without refitting.");
        var customers = SegmentBuilder.Customers(prepared.Rfm, labels, model.Segments, features, model.Centroids, probabilities);
        var profiles = model.Profiles(customers);
        var scoreProfiles = SegmentBuilder.ScoreProfiles(customers);
        return new SegmentationRun(options, prepared, model.Scaler, features, sweep, choice, model, customers, profiles, scoreProfiles,
            [.. prepared.Timings, new StageTiming("segments", clock.Elapsed)])
        {
            Mode = RunMode.Scored,
        };
    }
}
