namespace Segmentation.Lifetime.Diagnostics;

/// <summary>The density of one of a model's mixing distributions, drawn as a curve: <see cref="Density"/> at each of <see cref="X"/>.</summary>
/// <param name="Quantity">What varies across customers, in words with its unit ("purchases a year").</param>
/// <param name="Distribution">The distribution with its fitted parameters ("Gamma(r = 0.243, alpha = 4.41)").</param>
/// <param name="Mean">The population's mean of <see cref="Quantity"/>.</param>
public sealed record DensityCurve(string Quantity, string Distribution, double Mean, IReadOnlyList<double> X, IReadOnlyList<double> Density);
