using Segmentation.Cleaning;
using Segmentation.Ingest;

namespace Segmentation.Pipeline;

/// <summary>Options of the stages from the file to the RFM table.</summary>
public sealed record PrepareOptions
{
    public IngestOptions Ingest { get; init; } = IngestOptions.Default;
    public CleaningOptions Cleaning { get; init; } = CleaningOptions.Default;

    /// <summary>
    /// The RFM snapshot. Null: midnight after the last purchase in the cleaned data. When set, rows on or
    /// after it are left out (counted under their own rule), so that a run "as of" a date sees only its past.
    /// </summary>
    public DateTime? AsOf { get; init; }

    public static PrepareOptions Default { get; } = new();
}
