namespace Segmentation.Runs.Refresh;

/// <summary>How a refresh treats the new period, and the thresholds that flag "refit recommended".</summary>
public sealed record RefreshOptions
{
    /// <summary>Refit on the new period and match its segments to the previous ones (default), or only score with the previous model.</summary>
    public bool Refit { get; init; } = true;

    /// <summary>A new cluster keeps a previous segment's name only within this distance of its centroid (previous run's scaled units, i.e. standard deviations).</summary>
    public double MaxMatchDistance { get; init; } = 1.0;

    /// <summary>Population stability index above which a feature or the segment shares count as drifted (0.1 moderate, 0.25 large, by convention).</summary>
    public double PsiThreshold { get; init; } = 0.25;

    /// <summary>Population stability index from which a shift is read as moderate (below it: stable).</summary>
    public double PsiModerate { get; init; } = 0.1;

    /// <summary>How a PSI reads against the two bands: stable, moderate or large.</summary>
    public string PsiReading(double psi) =>
        psi < PsiModerate ? $"stable (< {Formatting.Display.Number(PsiModerate, 2)})"
        : psi <= PsiThreshold ? $"moderate shift ({Formatting.Display.Number(PsiModerate, 2)} to {Formatting.Display.Number(PsiThreshold, 2)})"
        : $"large shift (> {Formatting.Display.Number(PsiThreshold, 2)})";

    /// <summary>Agreement (adjusted Rand index) between the previous and the new model's assignment of the same customers below which the segments count as changed.</summary>
    public double AriThreshold { get; init; } = 0.7;

    /// <summary>A kept segment whose centroid moved more than this (previous scaled units) counts as drifted.</summary>
    public double CentroidShiftThreshold { get; init; } = 0.5;

    public static RefreshOptions Default { get; } = new();
}
