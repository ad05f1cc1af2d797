using Segmentation.Numerics;

namespace Segmentation.Clustering;

/// <summary>
/// How much a k's segments move when the customers change: for each k, the mean adjusted Rand index between the fit
/// on everyone and fits on seeded bootstrap resamples of the customers, each resample's centres applied to the same
/// customers. Each resample's fit starts from the centres fitted on everyone, so the index measures the data's hold
/// on the partition, not where a random initialisation lands (the sweep's restarts already chose among those).
/// </summary>
/// <remarks>
/// Above <see cref="SampleLimit"/> customers each resample draws that many (with replacement) and the indices are
/// compared on a seeded sample of that many, so that the cost stops growing with the customer base.
/// </remarks>
internal static class Stability
{
    public const int SampleLimit = 20_000;

    /// <summary>The mean adjusted Rand index of each fit, in the order of <paramref name="fits"/>.</summary>
    public static double[] Measure(double[] points, IReadOnlyList<ClusterFit> fits, int resamples, int seed, int maxIterations, ParallelOptions parallel)
    {
        var n = points.Length / KMeans.Dim;
        var size = Math.Min(n, SampleLimit);
        var (compared, _) = KMeansSweep.Sample(n, SampleLimit, SampleLimit, seed + 2);
        var comparedPoints = compared is null ? points : KMeansSweep.Gather(points, compared);
        var codes = PointOrder.Codes(points, n);
        var draws = Enumerable.Range(0, resamples).Select(b =>
        {
            var random = new Random(seed + 1_000 + b);
            var draw = Enumerable.Range(0, size).Select(_ => random.Next(n)).ToArray();
            // A resample is a set of draws: fitted in the space-filling order, as the sweep's fits are (see PointOrder).
            Array.Sort(draw, (x, y) => codes[x] != codes[y] ? codes[x].CompareTo(codes[y]) : x.CompareTo(y));
            return draw;
        }).ToArray();

        var references = fits.Select(f => compared is null ? f.Labels : compared.Select(i => f.Labels[i]).ToArray()).ToArray();
        var tasks = fits.SelectMany((_, f) => Enumerable.Range(0, resamples).Select(b => (Fit: f, Resample: b))).ToArray();
        var indices = new double[tasks.Length];
        Parallel.For(0, tasks.Length, parallel, t =>
        {
            var fit = fits[tasks[t].Fit];
            var refit = KMeans.Fit(KMeansSweep.Gather(points, draws[tasks[t].Resample]), KMeansSweep.Flatten(fit.Centroids), maxIterations);
            indices[t] = AdjustedRand.Index(references[tasks[t].Fit], Distances.NearestAll(comparedPoints, refit.Centres));
        });
        return fits.Select((_, f) => Enumerable.Range(0, resamples).Average(b => indices[f * resamples + b])).ToArray();
    }
}
