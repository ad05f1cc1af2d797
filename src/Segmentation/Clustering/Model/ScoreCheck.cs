using Segmentation.Formatting;
using Segmentation.Prepare;

namespace Segmentation.Clustering.Model;

/// <summary>
/// What scoring new data against a model measured, and whether the answer can be trusted: the window the new RFM
/// was computed over beside the model's, and how far each feature has moved (PSI). <see cref="Warnings"/> are what
/// a person must read before acting on the segments.
/// </summary>
/// <param name="ModelWindowDays">The model's training window; null for a model written before it was kept.</param>
/// <param name="DataDays">Days the new data covers, first kept purchase to snapshot (before any narrowing).</param>
/// <param name="From">The first day RFM counted; <paramref name="Snapshot"/> the day it was measured at.</param>
/// <param name="Narrowed">The data covered more than the model's window and RFM was counted over the model's length only.</param>
public sealed record ScoreCheck(int? ModelWindowDays, int DataDays, DateTime From, DateTime Snapshot, bool Narrowed, IReadOnlyList<FeatureDrift> Drift, IReadOnlyList<string> Warnings)
{
    /// <summary>The window in one sentence.</summary>
    public string Window => ModelWindowDays is not { } model
        ? $"RFM over {Display.Count(DataDays)} days ({Display.Date(From)} to {Display.Date(Snapshot)}); the model does not record its own window (written by an earlier version)."
        : Narrowed
            ? $"RFM over the model's window of {Display.Count(model)} days ({Display.Date(From)} to {Display.Date(Snapshot)}); the file covers {Display.Count(DataDays)} days and the earlier rows are left out."
            : $"RFM over {Display.Count(DataDays)} days ({Display.Date(From)} to {Display.Date(Snapshot)}); the model's window is {Display.Count(model)} days.";

    /// <summary>The warning for features that have moved enough to mislead; null when none has.</summary>
    public static string? DriftWarning(IReadOnlyList<FeatureDrift> drift) =>
        drift.Where(d => d.Misleads).ToList() is { Count: > 0 } moved
            ? $"these customers differ from the model's: {string.Join(", ", moved.Select(d => $"{d.Feature} PSI {Display.Number(d.Psi, 2)}"))} (above {Display.Number(PopulationStability.Major, 2)} the model misleads); refit with run, or read the segments with care"
            : null;
}

/// <summary>Measures new data the way the model measured its own: the same window length, then the drift.</summary>
internal static class ScoringWindow
{
    /// <summary>A window shorter than the model's by more than this fraction makes frequency and spend incomparable.</summary>
    public const double ShortWindow = 0.9;

    /// <param name="wholeFile">Count RFM over every row even when the data covers more than the model's window.</param>
    public static (PreparedData Prepared, ScoreCheck Check) Prepare(SegmentationModel model, Func<PrepareOptions, PreparedData> prepare, PrepareOptions options, bool wholeFile)
    {
        var prepared = prepare(options);
        var snapshot = prepared.Rfm.Snapshot;
        var first = (prepared.Quality.FirstDate ?? snapshot).Date;
        var days = (snapshot.Date - first).Days;
        var narrowed = false;
        if (model.Training is { } training && !wholeFile && days > training.WindowDays)
        {
            var since = snapshot.Date.AddDays(-training.WindowDays);
            prepared = prepare(options with { Since = since });
            (first, narrowed) = (since, true);
        }
        return (prepared, Check(model, prepared, days, first, narrowed));
    }

    public static ScoreCheck Check(SegmentationModel model, PreparedData prepared, int days, DateTime first, bool narrowed)
    {
        var warnings = new List<string>();
        if (model.Training is not { } training)
        {
            warnings.Add("the model does not record the window and distributions it was fitted on (it was written by an earlier version): nothing says whether these customers are comparable; run again to get a model that does");
            return new ScoreCheck(null, days, first, prepared.Rfm.Snapshot, narrowed, [], warnings);
        }
        if (!narrowed && days < ShortWindow * training.WindowDays)
        {
            warnings.Add($"the data covers {Display.Count(days)} days and the model was fitted on {Display.Count(training.WindowDays)}: recency can be at most {Display.Count(days)} days and orders and spend count {Display.Count(days)} days only, so customers look more recent and smaller than the model's and the segments mislead; score at least {Display.Count(training.WindowDays)} days of transactions");
        }
        var drift = training.DriftOf(prepared.Rfm.RecencyColumn(), prepared.Rfm.FrequencyColumn(), prepared.Rfm.MonetaryColumn());
        if (ScoreCheck.DriftWarning(drift) is { } moved) warnings.Add(moved);
        return new ScoreCheck(training.WindowDays, days, first, prepared.Rfm.Snapshot, narrowed, drift, warnings);
    }
}
