namespace Segmentation.Lifetime;

/// <summary>The purchase models compared for <see cref="PurchaseModel.Auto"/>, the one kept, and why, in words.</summary>
public sealed record ModelComparison(IReadOnlyList<ModelScore> Models, PurchaseModel Chosen, string Reason);
