using Segmentation.Prepare;
using Segmentation.Runs;
using Segmentation.Runs.Refresh;

namespace Segmentation.App;

/// <summary>A run: read, clean, segment and publish.</summary>
public sealed record RunRequest(TransactionSource Source)
{
    public SegmentationOptions Options { get; init; } = SegmentationOptions.Default;
    public PublishOptions Publish { get; init; } = new();
}

/// <summary>A refresh of <see cref="Previous"/> (a run folder) with a new period.</summary>
public sealed record RefreshRequest(TransactionSource Source, string Previous)
{
    public SegmentationOptions Options { get; init; } = SegmentationOptions.Default;
    public RefreshOptions Refresh { get; init; } = RefreshOptions.Default;
    public PublishOptions Publish { get; init; } = new() { Folder = System.IO.Path.Combine("data", "processed", "refresh") };
}

/// <summary>Scoring a period's customers with a saved model into one CSV.</summary>
public sealed record ScoreRequest(TransactionSource Source, string Model)
{
    public PrepareOptions Prepare { get; init; } = PrepareOptions.Default;
    public string Output { get; init; } = System.IO.Path.Combine("data", "processed", "scored_segments.csv");

    /// <summary>
    /// Count RFM over every row. By default, data that covers more days than the model's window is counted over the
    /// model's length only (back from the snapshot), so that frequency and spend mean what they meant in training.
    /// </summary>
    public bool WholeFile { get; init; }

    /// <summary>A table of the source's database to write the scored customers into (see <see cref="PublishOptions.WriteBack"/>).</summary>
    public string? WriteBack { get; init; }
}
