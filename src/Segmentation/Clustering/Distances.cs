namespace Segmentation.Clustering;

/// <summary>Squared Euclidean distances, nearest centroids and inertia: the clustering's geometry, shared with the refresh.</summary>
internal static class Distances
{
    public static double Squared(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var s = 0.0;
        for (var j = 0; j < a.Length; j++)
        {
            var d = a[j] - b[j];
            s += d * d;
        }
        return s;
    }

    /// <summary>Index of the nearest centroid; ties go to the lower index.</summary>
    public static int Nearest(ReadOnlySpan<double> x, double[][] centroids)
    {
        var best = 0;
        var bestD = double.PositiveInfinity;
        for (var c = 0; c < centroids.Length; c++)
        {
            var d = Squared(x, centroids[c]);
            if (d < bestD) { bestD = d; best = c; }
        }
        return best;
    }

    /// <summary>The nearest of the row-major <paramref name="centres"/> for each row-major point; ties go to the lower index.</summary>
    public static int[] NearestAll(double[] points, double[] centres)
    {
        var rows = Enumerable.Range(0, centres.Length / KMeans.Dim).Select(c => centres.AsSpan(c * KMeans.Dim, KMeans.Dim).ToArray()).ToArray();
        var labels = new int[points.Length / KMeans.Dim];
        for (var i = 0; i < labels.Length; i++) labels[i] = Nearest(points.AsSpan(i * KMeans.Dim, KMeans.Dim), rows);
        return labels;
    }

    /// <summary>Sum of squared distances of each point to the centroid of its label (k-means' objective).</summary>
    public static double Inertia(double[][] x, int[] labels, double[][] centroids)
    {
        var s = 0.0;
        for (var i = 0; i < x.Length; i++) s += Squared(x[i], centroids[labels[i]]);
        return s;
    }

    /// <summary>Means of the points of each label (a cluster with no point keeps the given centroid).</summary>
    public static double[][] Means(double[][] x, int[] labels, double[][] fallback)
    {
        var k = fallback.Length;
        var dim = x.Length > 0 ? x[0].Length : 0;
        var sums = new double[k][];
        var counts = new int[k];
        for (var c = 0; c < k; c++) sums[c] = new double[dim];
        for (var i = 0; i < x.Length; i++)
        {
            counts[labels[i]]++;
            for (var j = 0; j < dim; j++) sums[labels[i]][j] += x[i][j];
        }
        for (var c = 0; c < k; c++)
        {
            if (counts[c] == 0) { sums[c] = (double[])fallback[c].Clone(); continue; }
            for (var j = 0; j < dim; j++) sums[c][j] /= counts[c];
        }
        return sums;
    }
}
