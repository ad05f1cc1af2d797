using Segmentation.Clustering.Segments;
using Segmentation.Prepare;

namespace Segmentation.Clustering.Model;

/// <summary>Applies a saved model to new transactions: same ingest, cleaning and RFM, no refitting.</summary>
internal static class Scoring
{
    public static IReadOnlyList<CustomerSegment> Score(SegmentationModel model, PreparedData prepared)
    {
        var features = FeatureScaler.Apply(model.Scaler, prepared.Rfm);
        var (labels, probabilities) = model.AssignWithProbability(features);
        return SegmentBuilder.Customers(prepared.Rfm, labels, model.Segments, features, model.Centroids, probabilities);
    }
}
