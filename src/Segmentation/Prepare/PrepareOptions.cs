using Segmentation.Prepare.Sources;

namespace Segmentation.Prepare;

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

    /// <summary>
    /// The start of the window RFM is computed over: rows before it are left out (counted under their own rule).
    /// Null: every row. Scoring sets it so that a new period is measured over as many days as the model's.
    /// </summary>
    public DateTime? Since { get; init; }

    /// <summary>
    /// The most memory, in MB, the embedded engine holds while it reads, cleans and aggregates; beyond it, it
    /// spills to <see cref="SpillFolder"/>. An input of more rows than fit is prepared in parts of the customers
    /// (about 10,000 rows per MB each); one that needs more even so is an <see cref="InputException"/> naming this option.
    /// </summary>
    public int EngineMemoryMegabytes { get; init; } = 2048;

    /// <summary>
    /// Where the engine spills what does not fit in memory: a folder of its own inside this one, removed
    /// afterwards. Null: the system's temporary folder. <c>run</c>, <c>refresh</c> and <c>score</c> put it beside
    /// their output, where there is room for the output too (a temporary folder is often a small memory-backed disk).
    /// </summary>
    public string? SpillFolder { get; init; }

    /// <summary>
    /// Also return each customer's purchase days with their values (<see cref="PreparedData.PurchaseDays"/>), for
    /// lifetime value; off by default: a row per customer and day is many more rows than one per customer.
    /// </summary>
    public bool PurchaseDays { get; init; }

    /// <summary>
    /// Also total the kept sales by product (<see cref="SalesSummary.TopProducts"/>, which the EDA notebook charts); on
    /// by default. A segmentation run leaves it off (<see cref="Runs.SegmentationOptions.Preparation"/>): none of its
    /// outputs shows products, and the engine copies every kept row once more to total them (0.55 s of the 10M-row
    /// file's 4.6 s statement; HISTORY.md, fifteenth session). Off, the top products are empty, whatever the source.
    /// </summary>
    public bool ProductSales { get; init; } = true;

    /// <summary>The cleaning rules in force: an as-of date, or a window's start, also leaves out rows.</summary>
    internal CleaningOptions CleaningInForce => Cleaning with { Before = AsOf ?? Cleaning.Before, Since = Since ?? Cleaning.Since };

    /// <summary>How often the engine's progress is asked for (shorter in tests, which read small files).</summary>
    internal TimeSpan EnginePollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    public static PrepareOptions Default { get; } = new();
}
