using Segmentation.Clustering.Model;
using Segmentation.IO;

namespace Segmentation.Runs.Files;

/// <summary>The files of a run's output folder, and the one place that writes them (each atomically).</summary>
internal sealed record RunFiles(string Folder)
{
    public string CustomerSegments => Path.Combine(Folder, "customer_segments.csv");
    public string SegmentProfile => Path.Combine(Folder, "segment_profile.csv");
    public string Metrics => Path.Combine(Folder, "metrics.json");
    /// <summary>The model's file name: the one place it is spelled.</summary>
    public const string ModelFileName = "model.zip";

    public string Model => Path.Combine(Folder, ModelFileName);
    public string Rfm => Path.Combine(Folder, "rfm.csv");
    public string DataQuality => Path.Combine(Folder, "data_quality.json");

    /// <summary>Writes every output of <paramref name="run"/> and returns the paths written.</summary>
    public IReadOnlyList<string> Write(SegmentationRun run)
    {
        // Independent files, written side by side: the customers' file (the largest) on its own, the model (mostly
        // first-use cost) with the RFM table, the small ones together.
        Parallel.Invoke(
            () => SegmentsCsv.WriteCustomers(CustomerSegments, run.Customers),
            () =>
            {
                ModelFile.Save(Model, run.Model);
                RfmCsv.Write(Rfm, run.Rfm);
            },
            () =>
            {
                SegmentsCsv.WriteProfile(SegmentProfile, run.Profiles);
                Json.Write(Metrics, RunMetrics.From(run));
                Json.Write(DataQuality, run.Quality);
            });
        if (run.Value is null) return [CustomerSegments, SegmentProfile, Metrics, Model, Rfm, DataQuality];
        return [CustomerSegments, SegmentProfile, Metrics, Model, Rfm, DataQuality, .. WriteTargets(run)];
    }

    public string Targets => Path.Combine(Folder, "targets");

    /// <summary>A segment's name in a file name (a campaign list, an audience): lower case, words joined by underscores.</summary>
    public static string FileNameOf(string segment) => new string(segment.ToLowerInvariant().Select(ch => char.IsLetterOrDigit(ch) ? ch : '_').ToArray()).Trim('_');

    /// <summary>One campaign list per segment, named after it (<see cref="FileNameOf"/>).</summary>
    private List<string> WriteTargets(SegmentationRun run)
    {
        Directory.CreateDirectory(Targets);
        var written = new List<string>();
        foreach (var profile in run.Profiles)
        {
            var path = Path.Combine(Targets, $"{profile.Cluster}_{FileNameOf(profile.Segment)}.csv");
            SegmentsCsv.WriteTargets(path, run.Customers.Where(c => c.Cluster == profile.Cluster).ToList());
            written.Add(path);
        }
        return written;
    }
}
