namespace Segmentation.Lifetime;

/// <summary>A purchase model's distribution of leaving across customers: Beta(<see cref="First"/>, <see cref="Second"/>) of a chance, or Gamma(shape, rate) of a rate per unit.</summary>
internal sealed record Dropout(DropoutKind Kind, double First, double Second);
