using System.Diagnostics;
using Segmentation.Clustering;
using Segmentation.Features;
using Segmentation.Ingest;
using Segmentation.Model;
using Segmentation.Segments;

namespace Segmentation.Pipeline;

/// <summary>The entry point: a transactions file in, a <see cref="SegmentationRun"/> out. No file is written here.</summary>
public static class SegmentationPipeline
{
    public static SegmentationRun Run(string path, SegmentationOptions? options = null, IProgress<long>? progress = null)
    {
        options ??= SegmentationOptions.Default;
        return Run(() => TransactionReader.Open(path, options.Prepare.Ingest), options, progress);
    }

    public static SegmentationRun Run(Func<TransactionStream> open, SegmentationOptions? options = null, IProgress<long>? progress = null)
    {
        options ??= SegmentationOptions.Default;
        // Reading leaves a core partly idle (the cleaning thread waits on the parser): ML.NET's code is compiled
        // there meanwhile instead of at the start of the sweep. It changes no result.
        var warmUp = Task.Run(MlNetKMeans.WarmUp);
        var prepared = Preparation.Run(open, options.Prepare, progress);
        return Segment(prepared, options, warmUp);
    }

    /// <summary>The stages after RFM: features, the k sweep, the choice of k, names, profiles.</summary>
    public static SegmentationRun Segment(PreparedData prepared, SegmentationOptions options) => Segment(prepared, options, Task.CompletedTask);

    private static SegmentationRun Segment(PreparedData prepared, SegmentationOptions options, Task warmUp)
    {
        var clustering = options.Clustering;
        if (prepared.Rfm.Count < 3)
        {
            throw new InputException(prepared.Quality.Source, $"only {prepared.Rfm.Count} customer(s) are left after cleaning; segmentation needs at least 3");
        }
        // A --k outside the sweep range widens the range, so that the chosen fit is always in the sweep.
        if (clustering.K is { } forced)
        {
            if (forced < 2 || forced >= prepared.Rfm.Count) throw new InputException("--k", $"k must be between 2 and {prepared.Rfm.Count - 1} (the number of customers - 1)");
            clustering = clustering with { KMin = Math.Min(clustering.KMin, forced), KMax = Math.Max(clustering.KMax, forced) };
        }

        // A warm-up still running is waited for on the sweep's clock: the stages add up to the wall time.
        var clock = Stopwatch.StartNew();
        warmUp.Wait();
        var (scaler, features) = FeatureScaler.FitTransform(prepared.Rfm, clustering.Log1p);
        SweepResult sweep;
        try
        {
            sweep = KMeansSweep.Run(features, clustering);
        }
        catch (TooFewDistinctCustomersException e)
        {
            throw new InputException(prepared.Quality.Source, e.Message);
        }
        var sweepTime = clock.Elapsed;

        clock.Restart();
        var choice = KSelection.Choose(sweep.Metrics, clustering.K);
        var fit = sweep.Fit(choice.K);
        var names = NameSegments(prepared.Rfm, fit);
        var model = SegmentationModel.From(fit, scaler, names);
        var customers = SegmentBuilder.Customers(prepared.Rfm, fit.Labels, names);
        var profiles = model.Profiles(customers);
        var scoreProfiles = SegmentBuilder.ScoreProfiles(customers);

        return new SegmentationRun(options, prepared, scaler, features, sweep, choice, model, customers, profiles, scoreProfiles,
            [.. prepared.Timings, new StageTiming("sweep", sweepTime), new StageTiming("segments", clock.Elapsed)]);
    }

    /// <summary>The names of any fit of the sweep (the notebooks and tests look at every k).</summary>
    public static IReadOnlyList<SegmentDefinition> NameSegments(RfmTable rfm, KMeansFit fit) =>
        SegmentNamer.Name(fit.Centroids, SegmentBuilder.Means(rfm, fit.Labels, fit.K));
}
