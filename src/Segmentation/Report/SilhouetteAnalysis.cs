using Segmentation.Clustering;
using Segmentation.Clustering.Segments;
using Segmentation.Runs;

namespace Segmentation.Report;

/// <summary>The silhouette diagram of every k of a run's sweep, on the customers its silhouettes were measured on.</summary>
internal static class SilhouetteAnalysis
{
    public static IReadOnlyList<SilhouetteDiagram> For(SegmentationRun run)
    {
        var options = run.Options.Clustering;
        var (sample, _) = KMeansSweep.Sample(run.Features.Length, options.SilhouetteExactLimit, options.SilhouetteSampleSize, options.Seed);
        return run.Sweep.Fits.OrderBy(f => f.K).Select(fit =>
        {
            var names = SegmentNamer.Name(run.Rfm, fit);
            var (points, values) = ClusterQuality.SilhouetteSamples(run.Features, fit.Labels, fit.K, sample, options.Threads);
            var groups = Enumerable.Range(0, fit.K)
                .Select(c => new SilhouetteGroup(c, names[c].Name,
                    points.Select((p, i) => (p, i)).Where(t => fit.Labels[t.p] == c).Select(t => values[t.i]).OrderDescending().ToArray()))
                .Where(g => g.Values.Length > 0)
                .ToArray();
            return new SilhouetteDiagram(fit.K, values.Average(), groups);
        }).ToArray();
    }
}
