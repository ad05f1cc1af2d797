using Segmentation.Formatting;
using Segmentation.Prepare;

namespace Segmentation.Clustering.Model;

/// <summary>Measures new data the way the model measured its own: the same window length, then the drift.</summary>
internal static class ScoringWindow
{
    /// <summary>A window shorter than the model's by more than this fraction makes frequency and spend incomparable.</summary>
    public const double ShortWindow = 0.9;

    /// <param name="wholeFile">Count RFM over every row even when the data covers more than the model's window.</param>
    public static (PreparedData Prepared, ScoreCheck Check) Prepare(SegmentationModel model, Func<PrepareOptions, PreparedData> prepare, PrepareOptions options, bool wholeFile)
    {
        var (prepared, _, days, first, narrowed) = Window(model, prepare, options, wholeFile);
        return (prepared, Check(model, prepared, days, first, narrowed));
    }

    /// <summary>
    /// The data prepared over the model's window length (back from its snapshot) unless <paramref name="wholeFile"/>:
    /// the prepared data, the options that prepared it, the days the data covers, the window's first day, whether it was narrowed.
    /// </summary>
    public static (PreparedData Prepared, PrepareOptions Options, int Days, DateTime First, bool Narrowed) Window(SegmentationModel model, Func<PrepareOptions, PreparedData> prepare,
        PrepareOptions options, bool wholeFile)
    {
        var prepared = prepare(options);
        var snapshot = prepared.Rfm.Snapshot;
        var first = (prepared.Quality.FirstDate ?? snapshot).Date;
        var days = (snapshot.Date - first).Days;
        var narrowed = false;
        if (model.Training is { } training && !wholeFile && days > training.WindowDays)
        {
            var since = snapshot.Date.AddDays(-training.WindowDays);
            options = options with { Since = since };
            prepared = prepare(options);
            (first, narrowed) = (since, true);
        }
        return (prepared, options, days, first, narrowed);
    }

    /// <param name="columns">The customers' recency, frequency and monetary values, when they are not in <paramref name="prepared"/>'s RFM (scored in the database).</param>
    public static ScoreCheck Check(SegmentationModel model, PreparedData prepared, int days, DateTime first, bool narrowed,
        (double[] Recency, double[] Frequency, double[] Monetary)? columns = null)
    {
        var warnings = new List<string>();
        if (model.Training is not { } training)
        {
            warnings.Add("the model does not record the window and distributions it was fitted on (it was written by an earlier version): nothing says whether these customers are comparable; run again to get a model that does");
            return new ScoreCheck(null, days, first, prepared.Rfm.Snapshot, narrowed, [], warnings);
        }
        if (!narrowed && days < ShortWindow * training.WindowDays)
        {
            warnings.Add($"the data covers {Display.Count(days)} days and the model was fitted on {Display.Count(training.WindowDays)}: recency can be at most {Display.Count(days)} days and orders and spend count {Display.Count(days)} days only, so customers look more recent and smaller than the model's and the segments mislead; score at least {Display.Count(training.WindowDays)} days of transactions");
        }
        var (recency, frequency, monetary) = columns ?? (prepared.Rfm.RecencyColumn(), prepared.Rfm.FrequencyColumn(), prepared.Rfm.MonetaryColumn());
        var drift = training.DriftOf(recency, frequency, monetary);
        if (ScoreCheck.DriftWarning(drift) is { } moved) warnings.Add(moved);
        return new ScoreCheck(training.WindowDays, days, first, prepared.Rfm.Snapshot, narrowed, drift, warnings);
    }
}
