namespace Segmentation.Clustering;

/// <summary>
/// A k-d tree over three-feature points for DBSCAN's queries: the k-th nearest distance, the points within a radius,
/// and the nearest point within one. Nodes split their points at the median of their widest axis; a query skips a
/// node whose box is farther than what it seeks. Distances are the squared Euclidean distance computed as
/// (p - q)^2 summed over the axes in order, and a box's distance never exceeds that of a point inside it (rounding is
/// monotonic), so a query's answer is exactly the brute-force one, whatever the tree's shape. Read-only after
/// construction: queries may run on several threads.
/// </summary>
internal sealed class KdTree
{
    private const int D = KMeans.Dim;

    /// <summary>Points per leaf at most: small enough to skip far points, large enough to amortise the box checks.</summary>
    private const int LeafSize = 16;

    private readonly double[] _points;
    private readonly int[] _order;
    private readonly List<Node> _nodes = [];

    /// <summary>A node holds the points _order[Lo.._Hi); Left and Right are -1 for a leaf; its box bounds its points.</summary>
    private readonly record struct Node(int Lo, int Hi, int Left, int Right, double MinX, double MinY, double MinZ, double MaxX, double MaxY, double MaxZ);

    public KdTree(double[] points, int n)
    {
        _points = points;
        _order = [.. Enumerable.Range(0, n)];
        if (n > 0) Build(0, n, new double[n]);
    }

    private int Build(int lo, int hi, double[] keys)
    {
        var (min, max) = (new double[D], new double[D]);
        Array.Fill(min, double.PositiveInfinity);
        Array.Fill(max, double.NegativeInfinity);
        for (var i = lo; i < hi; i++)
        {
            for (var j = 0; j < D; j++)
            {
                var v = _points[_order[i] * D + j];
                (min[j], max[j]) = (Math.Min(min[j], v), Math.Max(max[j], v));
            }
        }
        var at = _nodes.Count;
        _nodes.Add(new Node(lo, hi, -1, -1, min[0], min[1], min[2], max[0], max[1], max[2]));
        if (hi - lo <= LeafSize) return at;
        var axis = 0;
        for (var j = 1; j < D; j++) if (max[j] - min[j] > max[axis] - min[axis]) axis = j;
        if (max[axis] <= min[axis]) return at;    // every point the same: a leaf however many
        for (var i = lo; i < hi; i++) keys[i] = _points[_order[i] * D + axis];
        Array.Sort(keys, _order, lo, hi - lo);
        var mid = lo + (hi - lo) / 2;
        var left = Build(lo, mid, keys);
        var right = Build(mid, hi, keys);
        _nodes[at] = _nodes[at] with { Left = left, Right = right };
        return at;
    }

    /// <summary>The squared distance of point j to (x, y, z).</summary>
    private double Distance(int j, double x, double y, double z)
    {
        double a = _points[j * D] - x, b = _points[j * D + 1] - y, c = _points[j * D + 2] - z;
        return a * a + b * b + c * c;
    }

    /// <summary>The squared distance from (x, y, z) to the node's box: 0 inside, never more than any of its points'.</summary>
    private static double BoxDistance(in Node node, double x, double y, double z)
    {
        var a = x < node.MinX ? node.MinX - x : x > node.MaxX ? x - node.MaxX : 0;
        var b = y < node.MinY ? node.MinY - y : y > node.MaxY ? y - node.MaxY : 0;
        var c = z < node.MinZ ? node.MinZ - z : z > node.MaxZ ? z - node.MaxZ : 0;
        return a * a + b * b + c * c;
    }

    /// <summary>
    /// The k smallest squared distances from (x, y, z) to the points (a point at the query counts, at 0), ascending in
    /// <paramref name="nearest"/>, whose length is k.
    /// </summary>
    public void Nearest(double x, double y, double z, double[] nearest)
    {
        Array.Fill(nearest, double.PositiveInfinity);
        if (_nodes.Count > 0) Nearest(0, x, y, z, nearest);
    }

    private void Nearest(int at, double x, double y, double z, double[] nearest)
    {
        var k = nearest.Length;
        var node = _nodes[at];
        if (BoxDistance(node, x, y, z) >= nearest[k - 1]) return;
        if (node.Left < 0)
        {
            for (var i = node.Lo; i < node.Hi; i++)
            {
                var d = Distance(_order[i], x, y, z);
                if (d >= nearest[k - 1]) continue;
                // Insertion into the sorted k smallest.
                var to = k - 1;
                while (to > 0 && nearest[to - 1] > d) { nearest[to] = nearest[to - 1]; to--; }
                nearest[to] = d;
            }
            return;
        }
        // The nearer child first: the farther one is then often skipped.
        var (first, second) = BoxDistance(_nodes[node.Left], x, y, z) <= BoxDistance(_nodes[node.Right], x, y, z) ? (node.Left, node.Right) : (node.Right, node.Left);
        Nearest(first, x, y, z, nearest);
        Nearest(second, x, y, z, nearest);
    }

    /// <summary>How many points lie within squared distance <paramref name="radius"/> of (x, y, z), counting no further than <paramref name="enough"/>.</summary>
    public int CountWithin(double x, double y, double z, double radius, int enough) =>
        _nodes.Count == 0 ? 0 : CountWithin(0, x, y, z, radius, enough, 0);

    private int CountWithin(int at, double x, double y, double z, double radius, int enough, int count)
    {
        var node = _nodes[at];
        if (count >= enough || BoxDistance(node, x, y, z) > radius) return count;
        if (node.Left >= 0) return CountWithin(node.Right, x, y, z, radius, enough, CountWithin(node.Left, x, y, z, radius, enough, count));
        for (var i = node.Lo; i < node.Hi && count < enough; i++)
        {
            if (Distance(_order[i], x, y, z) <= radius) count++;
        }
        return count;
    }

    /// <summary>The points within squared distance <paramref name="radius"/> of (x, y, z) into <paramref name="result"/>, in no particular order.</summary>
    public void Within(double x, double y, double z, double radius, List<int> result)
    {
        result.Clear();
        if (_nodes.Count > 0) Within(0, x, y, z, radius, result);
    }

    private void Within(int at, double x, double y, double z, double radius, List<int> result)
    {
        var node = _nodes[at];
        if (BoxDistance(node, x, y, z) > radius) return;
        if (node.Left >= 0)
        {
            Within(node.Left, x, y, z, radius, result);
            Within(node.Right, x, y, z, radius, result);
            return;
        }
        for (var i = node.Lo; i < node.Hi; i++)
        {
            if (Distance(_order[i], x, y, z) <= radius) result.Add(_order[i]);
        }
    }

    /// <summary>The nearest point within squared distance <paramref name="radius"/> of (x, y, z), the lowest index on a tie; -1 when there is none.</summary>
    public int NearestWithin(double x, double y, double z, double radius)
    {
        var (best, bestD) = (-1, radius);
        if (_nodes.Count > 0) NearestWithin(0, x, y, z, ref best, ref bestD);
        return best;
    }

    private void NearestWithin(int at, double x, double y, double z, ref int best, ref double bestD)
    {
        var node = _nodes[at];
        if (BoxDistance(node, x, y, z) > bestD) return;
        if (node.Left >= 0)
        {
            NearestWithin(node.Left, x, y, z, ref best, ref bestD);
            NearestWithin(node.Right, x, y, z, ref best, ref bestD);
            return;
        }
        for (var i = node.Lo; i < node.Hi; i++)
        {
            var j = _order[i];
            var d = Distance(j, x, y, z);
            if (d < bestD || (d == bestD && (best < 0 || j < best))) (best, bestD) = (j, d);
        }
    }
}
