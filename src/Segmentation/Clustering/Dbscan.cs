namespace Segmentation.Clustering;

/// <summary>
/// DBSCAN as scikit-learn defines it: a point with at least minSamples points within eps (itself included,
/// distance at most eps) is a core point; core points within eps of each other share a cluster; a point within eps
/// of a core point joins the first cluster that reaches it; every other point is noise (label -1), never forced into a
/// cluster. Clusters are numbered in the order of their lowest-numbered core point, and a cluster is grown depth
/// first in index order, so the result is a pure function of the points and their order.
/// </summary>
/// <remarks>
/// Neighbours are found through a k-d tree (<see cref="KdTree"/>), whose answers are exactly the brute-force ones.
/// A core point needs only minSamples neighbours counted; a cluster's members do not depend on the order in which
/// its core points' neighbours are visited (a border point joins the first cluster, by lowest core point, that
/// reaches it), so neighbours are taken as the tree gives them.
/// </remarks>
internal static class Dbscan
{
    public const int Noise = -1;

    /// <param name="Labels">Each point's cluster (0, 1, ...) or <see cref="Noise"/>.</param>
    /// <param name="Core">Whether each point is a core point.</param>
    public sealed record Result(int[] Labels, bool[] Core, int Clusters)
    {
        public int NoisePoints => Labels.Count(l => l == Noise);
    }

    public static Result Fit(double[] points, double eps, int minSamples, int? threads = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(eps);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minSamples);
        var n = points.Length / KMeans.Dim;
        var tree = new KdTree(points, n);
        var radius = eps * eps;
        var core = new bool[n];
        Parallel.For(0, n, Parallelism.Of(threads), i =>
            core[i] = tree.CountWithin(points[i * KMeans.Dim], points[i * KMeans.Dim + 1], points[i * KMeans.Dim + 2], radius, minSamples) >= minSamples);

        var labels = new int[n];
        Array.Fill(labels, Noise);
        var neighbours = new List<int>();
        var stack = new Stack<int>();
        var cluster = 0;
        for (var start = 0; start < n; start++)
        {
            if (labels[start] != Noise || !core[start]) continue;
            stack.Push(start);
            while (stack.Count > 0)
            {
                var i = stack.Pop();
                if (labels[i] != Noise) continue;
                labels[i] = cluster;
                if (!core[i]) continue;
                tree.Within(points[i * KMeans.Dim], points[i * KMeans.Dim + 1], points[i * KMeans.Dim + 2], radius, neighbours);
                foreach (var j in neighbours)
                {
                    if (labels[j] == Noise) stack.Push(j);
                }
            }
            cluster++;
        }
        return new Result(labels, core, cluster);
    }

    /// <summary>
    /// The group of each point under a fitted segmentation: the cluster of the nearest core point within eps, as a
    /// border point joins one; <see cref="DensityParameters.NoiseCluster"/> when no core point is that near.
    /// </summary>
    public static int[] Assign(double[] points, DensityParameters density)
    {
        var core = density.CorePoints.SelectMany(p => p).ToArray();
        var tree = new KdTree(core, density.CorePoints.Length);
        var labels = new int[points.Length / KMeans.Dim];
        var radius = density.Eps * density.Eps;
        for (var i = 0; i < labels.Length; i++)
        {
            var nearest = tree.NearestWithin(points[i * KMeans.Dim], points[i * KMeans.Dim + 1], points[i * KMeans.Dim + 2], radius);
            labels[i] = nearest < 0 ? density.NoiseCluster : density.CoreLabels[nearest];
        }
        return labels;
    }

    /// <summary>
    /// Each point's distance to its <paramref name="k"/>-th nearest point, itself counted first: the curve eps is
    /// chosen from (sorted, its knee), and the rule behind the core points, since a point is a core point exactly when
    /// this distance with k = minSamples is at most eps.
    /// </summary>
    public static double[] KDistances(double[] points, int k, int? threads = null)
    {
        var n = points.Length / KMeans.Dim;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, n);
        var tree = new KdTree(points, n);
        var result = new double[n];
        Parallel.For(0, n, Parallelism.Of(threads), () => new double[k], (i, _, nearest) =>
        {
            tree.Nearest(points[i * KMeans.Dim], points[i * KMeans.Dim + 1], points[i * KMeans.Dim + 2], nearest);
            result[i] = Math.Sqrt(nearest[k - 1]);
            return nearest;
        }, _ => { });
        return result;
    }
}
