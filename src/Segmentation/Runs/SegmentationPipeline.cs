using System.Diagnostics;
using Segmentation.Clustering;
using Segmentation.Clustering.Methods;
using Segmentation.Clustering.Model;
using Segmentation.Clustering.Segments;
using Segmentation.Lifetime;
using Segmentation.Prepare;
using Segmentation.Prepare.Sources;

namespace Segmentation.Runs;

/// <summary>The entry point: a transactions file in, a <see cref="SegmentationRun"/> out. No file is written here.</summary>
internal static class SegmentationPipeline
{
    public static SegmentationRun Run(string path, SegmentationOptions? options = null, IProgress<ReadProgress>? progress = null)
    {
        options ??= SegmentationOptions.Default;
        return Run(() => Preparation.Run(path, options.Prepare, progress), options);
    }

    public static SegmentationRun Run(Func<TransactionStream> open, SegmentationOptions? options = null, IProgress<ReadProgress>? progress = null)
    {
        options ??= SegmentationOptions.Default;
        return Run(() => Preparation.Run(open, options.Prepare, progress), options);
    }

    /// <summary>Prepares with <paramref name="prepare"/>, then segments; <paramref name="progress"/> hears how the sweep goes.</summary>
    public static SegmentationRun Run(Func<PreparedData> prepare, SegmentationOptions options, IProgress<ReadProgress>? progress = null)
    {
        // ML.NET's code is compiled meanwhile instead of at the start of the sweep. It changes no result.
        var warmUp = Task.Run(MlNetKMeans.WarmUp);
        return Segment(prepare(), options, warmUp, progress: progress);
    }

    /// <summary>The stages after RFM: features, the k sweep, the choice of k, names, profiles.</summary>
    public static SegmentationRun Segment(PreparedData prepared, SegmentationOptions options) => Segment(prepared, options, Task.CompletedTask);

    /// <summary>
    /// As <see cref="Segment(PreparedData, SegmentationOptions)"/>, with k kept at <paramref name="keptK"/> (a
    /// refresh keeping the previous run's k) unless the options force another.
    /// </summary>
    internal static SegmentationRun Segment(PreparedData prepared, SegmentationOptions options, int? keptK) =>
        Segment(prepared, options, Task.CompletedTask, keptK);

    private static SegmentationRun Segment(PreparedData prepared, SegmentationOptions options, Task warmUp, int? keptK = null, IProgress<ReadProgress>? progress = null)
    {
        var clustering = options.Clustering;
        if (prepared.Rfm.Count < 3)
        {
            throw new InputException(prepared.Quality.Source, $"only {prepared.Rfm.Count} customer(s) are left after cleaning; segmentation needs at least 3");
        }
        var (forcedK, source) = clustering.K is { } k ? (k, KSource.User) : keptK is { } kept ? (kept, KSource.PreviousRun) : ((int?)null, KSource.Rule);
        var method = ClusteringMethods.Of(clustering.Method);
        // A method that finds its own number of groups (DBSCAN) makes nothing of a kept k.
        if (!method.SweepsK) (forcedK, source) = (null, KSource.Rule);
        // A forced k outside the sweep range widens the range, so that the chosen fit is always in the sweep.
        if (forcedK is { } forced)
        {
            if (forced >= prepared.Rfm.Count)
            {
                if (source == KSource.PreviousRun)
                {
                    throw new InputException(prepared.Quality.Source,
                        $"only {prepared.Rfm.Count} customers are left after cleaning, too few to keep the previous run's {forced} segments (k must be below the number of customers); refresh with a smaller k, or start afresh with a new run");
                }
                throw new OptionException(OptionNames.K, $"k must be between 2 and {prepared.Rfm.Count - 1} (the number of customers - 1)");
            }
            clustering = clustering with { KMin = Math.Min(clustering.KMin, forced), KMax = Math.Max(clustering.KMax, forced) };
        }

        // Lifetime value needs the prepared purchases alone: valued beside the sweep (its fits and JIT are mostly on one
        // thread), unless the run is held to one thread. Its stage is then the wait for it after the sweep.
        var valuing = options.Clv is { } beside && clustering.Threads != 1 ? Task.Run(() => Value(prepared, beside)) : null;
        // Observed, so that a sweep that fails leaves no unobserved failure of the value behind it.
        valuing?.ContinueWith(static t => t.Exception, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously);

        // A warm-up still running is waited for on the sweep's clock: the stages add up to the wall time.
        var clock = Stopwatch.StartNew();
        warmUp.Wait();
        var (scaler, features) = FeatureScaler.FitTransform(prepared.Rfm, clustering.Log1p);
        SweepResult sweep;
        KChoice choice;
        try
        {
            sweep = method.Sweep(features, clustering with { K = forcedK }, progress is null ? null : stage => progress.Report(ReadProgress.OfStage(stage)));
            choice = method.Choose(sweep, forcedK, source);
        }
        catch (TooFewDistinctCustomersException e)
        {
            throw new InputException(prepared.Quality.Source, e.Message);
        }
        var sweepTime = clock.Elapsed;

        StageTiming[] timings = [.. prepared.Timings, new StageTiming("sweep", sweepTime)];
        ClvResult? value = null;
        if (options.Clv is { } clv)
        {
            clock.Restart();
            value = valuing is null ? Value(prepared, clv) : valuing.GetAwaiter().GetResult();
            timings = [.. timings, new StageTiming("value", clock.Elapsed)];
        }
        var run = Assemble(prepared, options, scaler, features, sweep, choice, timings, value);
        if (!clustering.CompareMethods) return run;
        clock.Restart();
        var methods = MethodComparison.Compare(prepared.Rfm, features, clustering with { K = forcedK }, sweep, choice, run.Sweep.Fit(choice.K).Labels);
        return run with { Methods = methods, Timings = [.. run.Timings, new StageTiming("methods", clock.Elapsed)] };
    }

    /// <summary>
    /// The run at another k of the same sweep, as a run with <c>--k</c> set to it would have been: the sweep kept
    /// every k's fit, so nothing is refitted (the web app's slider). The methods comparison, which was measured
    /// against the first choice, is dropped.
    /// </summary>
    public static SegmentationRun AtK(SegmentationRun run, int k)
    {
        var method = ClusteringMethods.Of(run.Sweep.Method);
        if (!run.KCanChange)
        {
            throw new OptionException(OptionNames.K, "this run has one set of segments only (DBSCAN finds its own groups; a scored period keeps its model's)");
        }
        if (!run.Sweep.Metrics.Any(m => m.K == k))
        {
            throw new OptionException(OptionNames.K, $"k must be one of the sweep's, {run.Sweep.Metrics[0].K} to {run.Sweep.Metrics[^1].K}");
        }
        if (k == run.Choice.K) return run;
        var clock = Stopwatch.StartNew();
        var source = k == method.Choose(run.Sweep, null, KSource.Rule).K ? KSource.Rule : KSource.User;
        var choice = method.Choose(run.Sweep, source == KSource.Rule ? null : k, source);
        var options = run.Options with { Clustering = run.Options.Clustering with { K = source == KSource.Rule ? null : k } };
        var timings = run.Timings.Where(t => t.Stage is not ("segments" or "methods")).ToList();
        return Assemble(run.Prepared, options, run.Scaler, run.Features, run.Sweep, choice, timings, run.Value) with { Mode = run.Mode };
    }

    /// <summary>
    /// The run with lifetime value added (the web app's button), nothing refitted but the value models: the
    /// segments, the sweep and the k stay as they were.
    /// </summary>
    public static SegmentationRun WithValue(SegmentationRun run, ClvOptions clv)
    {
        var clock = Stopwatch.StartNew();
        var value = Value(run.Prepared, clv);
        var timings = run.Timings.Where(t => t.Stage is not ("segments" or "value")).Append(new StageTiming("value", clock.Elapsed)).ToList();
        return Assemble(run.Prepared, run.Options with { Clv = clv }, run.Scaler, run.Features, run.Sweep, run.Choice, timings, value) with
        {
            Mode = run.Mode,
            Methods = run.Methods,
        };
    }

    /// <summary>
    /// Lifetime value of the prepared customers, fitted on their whole history (every customer of the run gets a
    /// value). With a calibration end before the last purchase, the run also checks the model: a second fit on the
    /// purchases to that day, its predictions set against the rest.
    /// </summary>
    private static ClvResult Value(PreparedData prepared, ClvOptions clv)
    {
        if (prepared.PurchaseDays.Count == 0)
        {
            throw new InvalidOperationException("Lifetime value needs the purchase days: segment with SegmentationOptions.Clv or ValueReady (SegmentationOptions.Preparation asks for them).");
        }
        var last = prepared.Quality.LastDate!.Value.Date;
        var history = BtydSummaryBuilder.Build(prepared.PurchaseDays, last, null, clv.Unit, clv.InPeriods);
        var onHistory = clv with { CalibrationEnd = null, HoldoutEnd = null };
        if (clv.CalibrationEnd is not { } calibration || calibration.Date >= last) return LifetimeValue.Estimate(history, onHistory);
        var check = BtydSummaryBuilder.Build(prepared.PurchaseDays, calibration, clv.HoldoutEnd ?? last, clv.Unit, clv.InPeriods);
        LifetimeValue.Check(check);
        if (clv.Model != PurchaseModel.Auto)
        {
            return LifetimeValue.Estimate(history, onHistory, (check, PurchaseModels.Fit(clv.Model, check)));
        }
        // The models are compared on the check (the holdout is the only fair judge); the one kept is fitted on the whole history.
        var (chosen, comparison) = PurchaseModels.Choose(check);
        return LifetimeValue.Estimate(history, onHistory with { Model = comparison.Chosen }, (check, chosen)) with { Comparison = comparison };
    }

    /// <summary>
    /// The prepared customers valued by a saved model's fits, nothing fitted: the summary of their whole history, as a
    /// run's value is (so that scoring a run's own data gives the run's figures).
    /// </summary>
    public static ClvResult Valued(PreparedData prepared, ValueModel model)
    {
        if (prepared.PurchaseDays.Count == 0) throw new InvalidOperationException("Valuing needs the purchase days: prepare with PrepareOptions.PurchaseDays.");
        var summary = BtydSummaryBuilder.Build(prepared.PurchaseDays, prepared.Quality.LastDate!.Value.Date, null, model.Unit, model.Options.InPeriods);
        var (purchases, spend) = (model.PurchaseFit(), model.SpendFit());
        var (customers, atRisk) = LifetimeValue.Apply(summary, model.Options, purchases, spend);
        return new ClvResult(model.Options, summary, purchases, spend, customers, null) { AtRisk = atRisk };
    }

    /// <summary>The stages after the sweep: the chosen fit named, the model, every customer's segment, the profiles.</summary>
    private static SegmentationRun Assemble(PreparedData prepared, SegmentationOptions options, ScalerParameters scaler, double[][] features,
        SweepResult sweep, KChoice choice, IReadOnlyList<StageTiming> timings, ClvResult? value)
    {
        var clock = Stopwatch.StartNew();
        var fit = sweep.Fit(choice.K);
        var names = SegmentNamer.Name(prepared.Rfm, fit);
        // The training figures (three sorted columns: 0.33 s at 949k customers) do not depend on the customers' rows:
        // made beside them, unless the run is held to one thread.
        TrainingProfile Training() => TrainingProfile.Of(prepared.Rfm, prepared.Quality.FirstDate ?? prepared.Rfm.Snapshot);
        var training = options.Clustering.Threads == 1 ? Task.FromResult(Training()) : Task.Run(Training);
        IReadOnlyList<CustomerSegment> customers = SegmentBuilder.Customers(prepared.Rfm, fit.Labels, names, features, fit.Centroids, fit.Probabilities);
        var model = ClusteringMethods.Of(sweep.Method).Model(fit, scaler, names) with { Training = training.GetAwaiter().GetResult() };
        if (value is not null)
        {
            customers = SegmentBuilder.WithValues(customers, value.Customers);
            model = model with { Value = ValueModel.Of(value) };
        }
        var profiles = model.Profiles(customers);
        // The model keeps each segment described by its training figures: scoring and the API say what the segment was.
        model = model with { Segments = model.Segments.Select((d, i) => d with { Description = profiles[i].Description }).ToArray() };
        var scoreProfiles = SegmentBuilder.ScoreProfiles(customers);
        return new SegmentationRun(options, prepared, scaler, features, sweep, choice, model, customers, profiles, scoreProfiles,
            [.. timings, new StageTiming("segments", clock.Elapsed)])
        {
            Value = value,
        };
    }
}
