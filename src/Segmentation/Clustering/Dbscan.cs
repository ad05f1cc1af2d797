namespace Segmentation.Clustering;

/// <summary>
/// DBSCAN as scikit-learn defines it: a point with at least minSamples points within eps (itself included,
/// distance at most eps) is a core point; core points within eps of each other share a cluster; a point within eps
/// of a core point joins the first cluster that reaches it; every other point is noise (label -1), never forced into a
/// cluster. Clusters are numbered in the order of their lowest-numbered core point, and a cluster is grown depth
/// first in index order, so the result is a pure function of the points and their order.
/// </summary>
/// <remarks>
/// Neighbours are found through a grid of cubes of side eps over the three features: a point's neighbours lie in
/// its own cube or one of the 26 around it, so a query looks at the points nearby instead of all n.
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

    public static Result Fit(double[] points, double eps, int minSamples)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(eps);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minSamples);
        var n = points.Length / KMeans.Dim;
        var grid = new Grid(points, n, side: eps);
        var neighbours = new List<int>();
        var cells = new List<List<int>>(27);
        var core = new bool[n];
        for (var i = 0; i < n; i++)
        {
            grid.Neighbours(i, neighbours, cells);
            core[i] = neighbours.Count >= minSamples;
        }

        var labels = new int[n];
        Array.Fill(labels, Noise);
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
                grid.Neighbours(i, neighbours, cells);
                // Pushed in reverse so that the lowest-numbered neighbour is visited first.
                for (var j = neighbours.Count - 1; j >= 0; j--)
                {
                    if (labels[neighbours[j]] == Noise) stack.Push(neighbours[j]);
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
        var grid = new Grid(core, density.CorePoints.Length, density.Eps);
        var labels = new int[points.Length / KMeans.Dim];
        var cells = new List<List<int>>(27);
        for (var i = 0; i < labels.Length; i++)
        {
            var nearest = grid.NearestWithin(points[i * KMeans.Dim], points[i * KMeans.Dim + 1], points[i * KMeans.Dim + 2], cells);
            labels[i] = nearest < 0 ? density.NoiseCluster : density.CoreLabels[nearest];
        }
        return labels;
    }

    /// <summary>
    /// Each point's distance to its <paramref name="k"/>-th nearest point, itself counted first: the curve eps is
    /// chosen from (sorted, its knee), and the rule behind the core points, since a point is a core point exactly when
    /// this distance with k = minSamples is at most eps.
    /// </summary>
    public static double[] KDistances(double[] points, int k)
    {
        var n = points.Length / KMeans.Dim;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, n);
        // Cubes holding about k points on average over the bounding box: a few rings of them hold the k nearest.
        var volume = 1.0;
        for (var j = 0; j < KMeans.Dim; j++)
        {
            var (min, max) = (double.PositiveInfinity, double.NegativeInfinity);
            for (var i = 0; i < n; i++) (min, max) = (Math.Min(min, points[i * KMeans.Dim + j]), Math.Max(max, points[i * KMeans.Dim + j]));
            volume *= Math.Max(max - min, 1e-9);
        }
        var grid = new Grid(points, n, Math.Cbrt(volume * k / n));
        var result = new double[n];
        var nearest = new double[k];
        for (var i = 0; i < n; i++) result[i] = grid.KthDistance(i, nearest);
        return result;
    }

    /// <summary>
    /// Points bucketed by the cube they fall in, a cube's points in index order. For DBSCAN the cube's side is eps,
    /// so that a point's neighbours lie in its own cube or the 26 around it.
    /// </summary>
    private sealed class Grid
    {
        private readonly double[] _points;
        private readonly double _side;
        private readonly double _epsSquared;
        private readonly Dictionary<(long, long, long), List<int>> _cells = [];
        private readonly int _count;

        public Grid(double[] points, int n, double side)
        {
            _points = points;
            _count = n;
            _side = side;
            _epsSquared = side * side;
            for (var i = 0; i < n; i++)
            {
                var key = Cell(i);
                if (!_cells.TryGetValue(key, out var members)) _cells[key] = members = [];
                members.Add(i);
            }
        }

        private (long, long, long) Cell(int i) => Cell(_points[i * KMeans.Dim], _points[i * KMeans.Dim + 1], _points[i * KMeans.Dim + 2]);

        private (long, long, long) Cell(double x, double y, double z) =>
            ((long)Math.Floor(x / _side), (long)Math.Floor(y / _side), (long)Math.Floor(z / _side));

        /// <summary>The nearest point within the side (eps) of (x, y, z), the lowest index on a tie; -1 when there is none.</summary>
        public int NearestWithin(double x, double y, double z, List<List<int>> cells)
        {
            Around(x, y, z, cells);
            var best = -1;
            var bestD = _epsSquared;
            foreach (var members in cells)
            {
                foreach (var j in members)
                {
                    var d = SquaredDistance(j, x, y, z);
                    if (d < bestD || (d == bestD && (best < 0 || j < best))) { bestD = d; best = j; }
                }
            }
            return best;
        }

        /// <summary>The points of the cube holding (x, y, z) and of the 26 around it: every point within eps is among them.</summary>
        private void Around(double x, double y, double z, List<List<int>> cells)
        {
            cells.Clear();
            var (cx, cy, cz) = Cell(x, y, z);
            for (var dx = -1; dx <= 1; dx++)
            for (var dy = -1; dy <= 1; dy++)
            for (var dz = -1; dz <= 1; dz++)
            {
                if (_cells.TryGetValue((cx + dx, cy + dy, cz + dz), out var members)) cells.Add(members);
            }
        }

        private double SquaredDistance(int j, double x, double y, double z)
        {
            double a = _points[j * KMeans.Dim] - x, b = _points[j * KMeans.Dim + 1] - y, c = _points[j * KMeans.Dim + 2] - z;
            return a * a + b * b + c * c;
        }

        /// <summary>Every point within eps of point <paramref name="i"/>, itself included, in index order.</summary>
        public void Neighbours(int i, List<int> result, List<List<int>> cells)
        {
            result.Clear();
            double x = _points[i * KMeans.Dim], y = _points[i * KMeans.Dim + 1], z = _points[i * KMeans.Dim + 2];
            Around(x, y, z, cells);
            foreach (var members in cells)
            {
                foreach (var j in members)
                {
                    if (SquaredDistance(j, x, y, z) <= _epsSquared) result.Add(j);
                }
            }
            result.Sort();
        }

        /// <summary>
        /// The distance from point <paramref name="i"/> to its k-th nearest point (itself first; k = <paramref name="nearest"/>'s
        /// length), searching rings of cubes outwards: a point beyond ring r is at least r cube sides away, so the search
        /// stops once the k-th smallest distance found is within that.
        /// </summary>
        public double KthDistance(int i, double[] nearest)
        {
            var k = nearest.Length;
            Array.Fill(nearest, double.PositiveInfinity);
            var (cx, cy, cz) = Cell(i);
            double x = _points[i * KMeans.Dim], y = _points[i * KMeans.Dim + 1], z = _points[i * KMeans.Dim + 2];
            var visited = 0;
            for (long r = 0; ; r++)
            {
                for (var dx = -r; dx <= r; dx++)
                for (var dy = -r; dy <= r; dy++)
                for (var dz = -r; dz <= r; dz++)
                {
                    // Only the shell of ring r: the inner rings were searched already.
                    if (Math.Max(Math.Abs(dx), Math.Max(Math.Abs(dy), Math.Abs(dz))) != r) continue;
                    if (!_cells.TryGetValue((cx + dx, cy + dy, cz + dz), out var members)) continue;
                    foreach (var j in members)
                    {
                        visited++;
                        var d = SquaredDistance(j, x, y, z);
                        if (d >= nearest[k - 1]) continue;
                        // Insertion into the sorted k smallest.
                        var at = k - 1;
                        while (at > 0 && nearest[at - 1] > d) { nearest[at] = nearest[at - 1]; at--; }
                        nearest[at] = d;
                    }
                }
                var reach = r * _side;
                if (visited >= k && nearest[k - 1] <= reach * reach) return Math.Sqrt(nearest[k - 1]);
                if (visited == _count) return Math.Sqrt(nearest[k - 1]);
            }
        }
    }
}
