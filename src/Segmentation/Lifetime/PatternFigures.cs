namespace Segmentation.Lifetime;

/// <summary>
/// The purchase figures of one (x, t_x, T) under a fit, the same for every customer who shares it: P(alive), P(no
/// purchase) and expected purchases in the window, the days to the expected next purchase, P(purchase within each of
/// <see cref="NextPurchase.WithinDays"/>).
/// </summary>
internal readonly record struct PatternFigures(double Alive, double NoPurchase, double Expected, int? NextDays, double[] Within);
