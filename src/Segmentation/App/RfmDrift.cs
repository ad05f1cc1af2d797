using Segmentation.Clustering.Model;

namespace Segmentation.App;

/// <summary>How far scored customers have moved from a model's, per feature, and the warning when that misleads (null when not).</summary>
public sealed record RfmDrift(IReadOnlyList<FeatureDrift> Features, string? Warning);
