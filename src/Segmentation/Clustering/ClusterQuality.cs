namespace Segmentation.Clustering;

/// <summary>
/// Internal validity indices, as scikit-learn defines them (ML.NET has neither silhouette nor
/// Calinski-Harabasz). Each is a pure function of the points and their labels.
/// </summary>
internal static class ClusterQuality
{
    /// <summary>
    /// Mean silhouette over <paramref name="sample"/> (all points when null). For a point, a is its mean
    /// distance to the other members of its cluster, b the smallest mean distance to another cluster's
    /// members, s = (b - a) / max(a, b), and 0 for a point alone in its cluster. Distances are Euclidean, and
    /// means are over the sample, as sklearn's silhouette_score(sample_size=...) computes them.
    /// </summary>
    public static double Silhouette(double[][] x, int[] labels, int k, int[]? sample = null, int? threads = null)
    {
        var (_, s) = SilhouetteSamples(x, labels, k, sample, threads);
        return s.Sum() / s.Length;
    }

    /// <summary>Each sampled point's silhouette (see <see cref="Silhouette"/>), with the point each value is of.</summary>
    public static (int[] Points, double[] Values) SilhouetteSamples(double[][] x, int[] labels, int k, int[]? sample = null, int? threads = null)
    {
        var idx = sample ?? Enumerable.Range(0, x.Length).ToArray();
        var m = idx.Length;
        var dim = x[0].Length;
        // Points sorted by cluster into one column per dimension: each cluster is a contiguous run that the
        // inner loop sums with SIMD. O(m^2) distances, so this loop is the whole cost.
        var order = idx.OrderBy(i => labels[i]).ThenBy(i => i).ToArray();
        var columns = new double[dim][];
        for (var j = 0; j < dim; j++) columns[j] = order.Select(i => x[i][j]).ToArray();
        var sizes = new int[k];
        foreach (var i in order) sizes[labels[i]]++;
        var starts = new int[k + 1];
        for (var c = 0; c < k; c++) starts[c + 1] = starts[c] + sizes[c];

        var s = new double[m];
        // Each point's sums are its own work, in a fixed order: the result is the same on any number of threads.
        Parallel.For(0, m, Parallelism.Of(threads), p =>
        {
            var own = labels[order[p]];
            if (sizes[own] <= 1) { s[p] = 0; return; }
            var a = 0.0;
            var b = double.PositiveInfinity;
            for (var c = 0; c < k; c++)
            {
                if (sizes[c] == 0) continue;
                var sum = SumOfDistances(columns, p, starts[c], starts[c + 1]);
                // The point's distance to itself is 0, so it adds nothing to its own cluster's sum.
                if (c == own) a = sum / (sizes[c] - 1);
                else b = Math.Min(b, sum / sizes[c]);
            }
            s[p] = double.IsPositiveInfinity(b) ? 0 : (b - a) / Math.Max(a, b);
        });
        return (order, s);
    }

    private static double SumOfDistances(double[][] columns, int p, int from, int to)
    {
        var width = System.Numerics.Vector<double>.Count;
        var acc = System.Numerics.Vector<double>.Zero;
        var q = from;
        if (columns.Length == 3)
        {
            double[] c0 = columns[0], c1 = columns[1], c2 = columns[2];
            var p0 = new System.Numerics.Vector<double>(c0[p]);
            var p1 = new System.Numerics.Vector<double>(c1[p]);
            var p2 = new System.Numerics.Vector<double>(c2[p]);
            for (; q <= to - width; q += width)
            {
                var d0 = new System.Numerics.Vector<double>(c0, q) - p0;
                var d1 = new System.Numerics.Vector<double>(c1, q) - p1;
                var d2 = new System.Numerics.Vector<double>(c2, q) - p2;
                acc += System.Numerics.Vector.SquareRoot(d0 * d0 + d1 * d1 + d2 * d2);
            }
        }
        var sum = System.Numerics.Vector.Sum(acc);
        for (; q < to; q++)
        {
            var d = 0.0;
            for (var j = 0; j < columns.Length; j++)
            {
                var v = columns[j][q] - columns[j][p];
                d += v * v;
            }
            sum += Math.Sqrt(d);
        }
        return sum;
    }

    /// <summary>Davies-Bouldin: the mean over clusters of the worst ratio (s_i + s_j) / d(c_i, c_j); lower is better.</summary>
    public static double DaviesBouldin(double[][] x, int[] labels, double[][] centroids)
    {
        var k = centroids.Length;
        var scatter = new double[k];
        var counts = new int[k];
        for (var i = 0; i < x.Length; i++)
        {
            scatter[labels[i]] += Math.Sqrt(Distances.Squared(x[i], centroids[labels[i]]));
            counts[labels[i]]++;
        }
        for (var c = 0; c < k; c++) scatter[c] = counts[c] > 0 ? scatter[c] / counts[c] : 0;
        var total = 0.0;
        for (var i = 0; i < k; i++)
        {
            var worst = 0.0;
            for (var j = 0; j < k; j++)
            {
                if (i == j) continue;
                var d = Math.Sqrt(Distances.Squared(centroids[i], centroids[j]));
                worst = Math.Max(worst, d > 0 ? (scatter[i] + scatter[j]) / d : 0);
            }
            total += worst;
        }
        return total / k;
    }

    /// <summary>Calinski-Harabasz: between-cluster over within-cluster dispersion, each per degree of freedom; higher is better.</summary>
    public static double CalinskiHarabasz(double[][] x, int[] labels, double[][] centroids)
    {
        var n = x.Length;
        var k = centroids.Length;
        var dim = x[0].Length;
        var mean = new double[dim];
        foreach (var row in x) for (var j = 0; j < dim; j++) mean[j] += row[j] / n;
        var counts = new int[k];
        foreach (var l in labels) counts[l]++;
        var between = 0.0;
        for (var c = 0; c < k; c++) between += counts[c] * Distances.Squared(centroids[c], mean);
        var within = Distances.Inertia(x, labels, centroids);
        return within == 0 ? 1.0 : between * (n - k) / (within * (k - 1));
    }

    /// <summary>
    /// Silhouette, Davies-Bouldin and Calinski-Harabasz of one partition, measured against <paramref name="centres"/>.
    /// With fewer than two occupied groups (a mixture's component with no customer of its own, one segment left when
    /// scoring) the indices are undefined: 0, not NaN, which no JSON file can hold.
    /// </summary>
    public static (double Silhouette, double DaviesBouldin, double CalinskiHarabasz) Indices(
        double[][] x, int[] labels, int k, double[][] centres, int[]? sample, int? threads)
    {
        if (labels.Distinct().Take(2).Count() < 2) return (0, 0, 0);
        return (Silhouette(x, labels, k, sample, threads), DaviesBouldin(x, labels, centres), CalinskiHarabasz(x, labels, centres));
    }
}
