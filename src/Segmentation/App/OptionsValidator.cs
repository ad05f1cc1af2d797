using Segmentation.Clustering;
using Segmentation.Clustering.Methods;
using Segmentation.Lifetime;
using Segmentation.Prepare;
using Segmentation.Prepare.Sample;
using Segmentation.Prepare.Sources;
using Segmentation.Report;
using Segmentation.Runs;

namespace Segmentation.App;

/// <summary>
/// Checks options before any data is read, so that a wrong option fails at once and names itself. What can only
/// be judged against the data (a k above the number of customers) is checked where the data is.
/// </summary>
public static class OptionsValidator
{
    public static void Validate(SegmentationOptions options)
    {
        Validate(options.Prepare);
        Validate(options.Clustering);
        if (options.Clv is { } clv) Validate(clv);
    }

    public static void Validate(ClvOptions o)
    {
        if (o.HorizonMonths is < 1 or > 1_200) throw new OptionException(OptionNames.HorizonMonths, $"must be between 1 and 1,200 months (got {o.HorizonMonths})");
        if (!(o.MonthlyDiscountRate >= 0 && o.MonthlyDiscountRate < 1)) throw new OptionException(OptionNames.MonthlyDiscountRate, $"must be a rate a month from 0 up to 1 (got {o.MonthlyDiscountRate})");
        if (o.WindowDays is < 1 or > 36_525) throw new OptionException(OptionNames.WindowDays, $"must be between 1 and 36,525 days (got {o.WindowDays})");
        if (!(o.AtRiskTopShare > 0 && o.AtRiskTopShare <= 1)) throw new OptionException(OptionNames.AtRiskTopShare, $"must be a share above 0 and at most 1 (got {o.AtRiskTopShare})");
        if (o.AtRiskAliveBelow is { } p && !(p > 0 && p <= 1)) throw new OptionException(OptionNames.AtRiskAliveBelow, $"must be a probability above 0 and at most 1 (got {p})");
    }

    public static void Validate(PrepareOptions o)
    {
        Validate(o.Ingest);
        if (o.EngineMemoryMegabytes < 128) throw new OptionException(OptionNames.EngineMemory, $"the engine needs at least 128 MB (got {o.EngineMemoryMegabytes})");
    }

    public static void Validate(ClusteringOptions o)
    {
        if (o.KMin < 2) throw new OptionException(OptionNames.KMin, $"the sweep must start at k = 2 or more (got {o.KMin})");
        if (o.KMax < o.KMin) throw new OptionException(OptionNames.KMax, $"the sweep range {o.KMin}..{o.KMax} is empty");
        if (o.K is < 2) throw new OptionException(OptionNames.K, $"k must be at least 2 (got {o.K})");
        if (o.K > ClusteringOptions.MaxSegments) throw new OptionException(OptionNames.K, $"k must be at most {ClusteringOptions.MaxSegments} (got {o.K}): each segment gets a name and an action, and beyond {ClusteringOptions.MaxSegments} they are no longer read");
        if (o.KMax > ClusteringOptions.MaxSegments) throw new OptionException(OptionNames.KMax, $"the sweep stops at k = {ClusteringOptions.MaxSegments} at most (got {o.KMax}): each segment gets a name and an action, and beyond {ClusteringOptions.MaxSegments} they are no longer read");
        if (o.Restarts < 1) throw new OptionException(OptionNames.Restarts, "must be at least 1");
        if (o.Threads is < 1) throw new OptionException(OptionNames.Threads, "must be at least 1");
        if (o.MaxIterations < 1) throw new OptionException(OptionNames.MaxIterations, "must be at least 1");
        if (o.FitSampleLimit is < 1_000) throw new OptionException(OptionNames.FitSampleLimit, "must be at least 1,000 customers");
        if (o.StabilityResamples is < 0 or > 1_000) throw new OptionException(OptionNames.StabilityResamples, $"must be between 0 and 1,000 (got {o.StabilityResamples})");
        if (o.SilhouetteSampleSize < 100) throw new OptionException(OptionNames.SilhouetteSampleSize, "must be at least 100 customers");
        if (o.Eps is { } eps && !(eps > 0 && double.IsFinite(eps))) throw new OptionException(OptionNames.Eps, $"must be a positive distance in the scaled space (got {eps})");
        if (o.MinSamples is < 2 or > 100_000) throw new OptionException(OptionNames.MinSamples, $"must be between 2 and 100,000 (got {o.MinSamples})");
        ClusteringMethods.Of(o.Method).Validate(o);
        if (o.SilhouetteExactLimit < 0) throw new OptionException(OptionNames.SilhouetteExactLimit, "must not be negative");
    }

    public static void Validate(PublishOptions o)
    {
        if (o.KeepPrevious is < 0 or > 1_000) throw new OptionException(OptionNames.KeepPrevious, $"must be between 0 and 1,000 (got {o.KeepPrevious})");
        Validate(o.Report);
    }

    public static void Validate(ReportSettings o)
    {
        // A point chart with no point, or a listing of nobody, says nothing: at least one of each.
        if (o.PlottedCustomers < 1) throw new OptionException(OptionNames.PlottedCustomers, $"must be at least 1 (got {o.PlottedCustomers})");
        if (o.ListedCustomers < 1) throw new OptionException(OptionNames.ListedCustomers, $"must be at least 1 (got {o.ListedCustomers})");
    }

    public static void Validate(IngestOptions o)
    {
        if (o.Delimiter is '\r' or '\n' or '"') throw new OptionException(OptionNames.Delimiter, "a line end or a quote cannot separate fields");
        if (o.DecimalSeparator is not ('.' or ',')) throw new OptionException(OptionNames.DecimalSeparator, $"'{o.DecimalSeparator}' is not '.' or ','");
        if (o.DateFormat is { Length: 0 }) throw new OptionException(OptionNames.DateFormat, "is empty");
    }

    public static void Validate(SampleOptions o)
    {
        if (o.Customers < 1) throw new OptionException(OptionNames.SampleCustomers, "must be at least 1");
    }
}
