using Segmentation.Formatting;

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
