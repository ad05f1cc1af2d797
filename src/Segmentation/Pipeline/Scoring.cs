using Segmentation.Ingest;
using Segmentation.Model;
using Segmentation.Segments;

namespace Segmentation.Pipeline;

/// <summary>Applies a saved model to new transactions: same ingest, cleaning and RFM, no refitting.</summary>
public static class Scoring
{
    public static IReadOnlyList<CustomerSegment> Score(SegmentationModel model, PreparedData prepared)
    {
        var labels = model.Assign(prepared.Rfm);
        return SegmentBuilder.Customers(prepared.Rfm, labels, model.Segments);
    }

    public static (PreparedData Prepared, IReadOnlyList<CustomerSegment> Customers) Score(
        SegmentationModel model, Func<TransactionStream> open, PrepareOptions? options = null, IProgress<long>? progress = null)
    {
        var prepared = Preparation.Run(open, options, progress);
        return (prepared, Score(model, prepared));
    }
}
