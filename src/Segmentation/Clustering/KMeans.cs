using System.Runtime.CompilerServices;

namespace Segmentation.Clustering;

/// <summary>
/// One k-means fit as scikit-learn's KMeans(algorithm="lloyd") computes it: greedy k-means++ seeding, Lloyd
/// iterations until the labels stop changing or the centres move less than the tolerance, then a last assignment
/// so that the labels are the nearest centres. Hamerly's bounds (an upper bound on each point's distance to its
/// centre, a lower bound on the distance to any other) skip the distance computations that cannot change a label:
/// after the first few iterations most points cost one comparison. Single-threaded and a pure function of
/// (points, k, seed): restarts and parallelism are the sweep's.
/// </summary>
/// <remarks>
/// Points are a row-major array of <c>n</c> rows of <see cref="Dim"/> doubles (the scaled R, F and M). Sums run in
/// row order on one thread, so a fit gives the same bits whatever else runs beside it.
/// </remarks>
internal static class KMeans
{
    public const int Dim = 3;

    /// <summary>scikit-learn's tol: the fit stops when the centres' squared shift, summed, is at most tol times the mean feature variance.</summary>
    public const double RelativeTolerance = 1e-4;

    /// <param name="Centres">k rows of <see cref="Dim"/> values, row-major.</param>
    /// <param name="Labels">Each point's nearest centre (ties to the lower index when computed afresh).</param>
    /// <param name="Inertia">Sum of squared distances of the points to their centres.</param>
    public sealed record Result(double[] Centres, int[] Labels, double Inertia, int Iterations);

    public static Result Fit(double[] points, int k, int seed, int maxIterations) =>
        Fit(points, Seed(points, points.Length / Dim, k, new Random(seed)), maxIterations);

    /// <summary>A fit that starts from the given centres (row-major) instead of seeding its own.</summary>
    public static Result Fit(double[] points, double[] initialCentres, int maxIterations)
    {
        var n = points.Length / Dim;
        var k = initialCentres.Length / Dim;
        var tolerance = RelativeTolerance * MeanVariance(points, n);
        var centres = (double[])initialCentres.Clone();
        var labels = new int[n];
        var upper = new double[n];
        var lower = new double[n];
        AssignAll(points, n, centres, k, labels, upper, lower);
        // Each cluster's sum and count, kept up to date as points change clusters: a centre costs O(k), not O(n).
        var sums = new double[k * Dim];
        var counts = new int[k];
        Sum(points, n, labels, sums, counts);

        var next = new double[k * Dim];
        var shift = new double[k];
        var halfGap = new double[k];
        var changed = true;
        var iterations = 0;
        while (iterations < maxIterations)
        {
            iterations++;
            var relocated = counts.Contains(0) && Relocate(points, n, labels, centres, sums, counts);
            var total = 0.0;
            for (var c = 0; c < k; c++)
            {
                for (var j = 0; j < Dim; j++) next[c * Dim + j] = sums[c * Dim + j] / counts[c];
                shift[c] = Math.Sqrt(SquaredDistance(centres, c, next, c));
                total += shift[c] * shift[c];
            }
            (centres, next) = (next, centres);
            // Unchanged labels give unchanged centres: the labels are already the nearest (scikit-learn's strict convergence).
            if (!changed && !relocated) break;
            if (relocated)
            {
                AssignAll(points, n, centres, k, labels, upper, lower);
                Sum(points, n, labels, sums, counts);
                changed = true;
                continue;
            }
            // Centres that moved less than the tolerance end the fit, after this last assignment to them.
            var last = total <= tolerance;
            changed = Assign(points, n, centres, k, labels, upper, lower, halfGap, shift, sums, counts);
            if (last) break;
        }
        return new Result(centres, labels, Inertia(points, n, centres, labels), iterations);
    }

    /// <summary>Greedy k-means++ (scikit-learn's: 2 + ln k candidates a step, the one that lowers the potential most kept).</summary>
    internal static double[] Seed(double[] points, int n, int k, Random random)
    {
        var centres = new double[k * Dim];
        var trials = 2 + (int)Math.Log(k);
        var first = random.Next(n);
        Array.Copy(points, first * Dim, centres, 0, Dim);
        var closest = new double[n];
        var potential = 0.0;
        for (var i = 0; i < n; i++) potential += closest[i] = SquaredDistance(points, i, centres, 0);
        var cumulative = new double[n];
        var candidate = new double[n];
        var best = new double[n];
        for (var c = 1; c < k; c++)
        {
            var sum = 0.0;
            for (var i = 0; i < n; i++) cumulative[i] = sum += closest[i];
            var bestPotential = double.PositiveInfinity;
            var bestId = -1;
            for (var t = 0; t < trials; t++)
            {
                var id = Math.Min(LowerBound(cumulative, random.NextDouble() * potential), n - 1);
                var candidatePotential = 0.0;
                for (var i = 0; i < n; i++)
                {
                    var d = Math.Min(closest[i], SquaredDistance(points, i, points, id));
                    candidate[i] = d;
                    candidatePotential += d;
                }
                if (candidatePotential < bestPotential)
                {
                    (bestPotential, bestId) = (candidatePotential, id);
                    (best, candidate) = (candidate, best);
                }
            }
            Array.Copy(points, bestId * Dim, centres, c * Dim, Dim);
            (closest, best) = (best, closest);
            potential = bestPotential;
        }
        return centres;
    }

    /// <summary>The first index whose cumulative value is at least <paramref name="value"/> (numpy's searchsorted, left).</summary>
    private static int LowerBound(double[] cumulative, double value)
    {
        int lo = 0, hi = cumulative.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (cumulative[mid] < value) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /// <summary>Every point against every centre: exact labels and tight bounds.</summary>
    private static void AssignAll(double[] points, int n, double[] centres, int k, int[] labels, double[] upper, double[] lower)
    {
        for (var i = 0; i < n; i++) Nearest(points, i, centres, k, out labels[i], out upper[i], out lower[i]);
    }

    /// <summary>
    /// Hamerly's assignment after the centres moved by <paramref name="shift"/>: each point's centre may now be
    /// farther by its shift, any other nearer by the largest other shift. A point whose upper bound is still below
    /// both its lower bound and half the gap from its centre to the nearest other cannot have a nearer centre and is
    /// not looked at. Returns whether a label changed; the sums and counts follow every change.
    /// </summary>
    private static bool Assign(double[] points, int n, double[] centres, int k, int[] labels, double[] upper, double[] lower, double[] halfGap,
        double[] shift, double[] sums, int[] counts)
    {
        for (var c = 0; c < k; c++)
        {
            var min = double.PositiveInfinity;
            for (var o = 0; o < k; o++) if (o != c) min = Math.Min(min, SquaredDistance(centres, c, centres, o));
            halfGap[c] = 0.5 * Math.Sqrt(min);
        }
        var largest = 0;
        for (var c = 1; c < k; c++) if (shift[c] > shift[largest]) largest = c;
        var second = 0.0;
        for (var c = 0; c < k; c++) if (c != largest) second = Math.Max(second, shift[c]);

        var changed = false;
        for (var i = 0; i < n; i++)
        {
            var a = labels[i];
            var u = upper[i] + shift[a];
            var l = lower[i] - (a == largest ? second : shift[largest]);
            var bound = Math.Max(halfGap[a], l);
            if (u > bound)
            {
                u = Math.Sqrt(SquaredDistance(points, i, centres, a));
                if (u > bound)
                {
                    Nearest(points, i, centres, k, out var label, out u, out l);
                    if (label != a)
                    {
                        for (var j = 0; j < Dim; j++)
                        {
                            sums[a * Dim + j] -= points[i * Dim + j];
                            sums[label * Dim + j] += points[i * Dim + j];
                        }
                        counts[a]--;
                        counts[label]++;
                        labels[i] = label;
                        changed = true;
                    }
                }
            }
            upper[i] = u;
            lower[i] = l;
        }
        return changed;
    }

    // Inlined into the assignment loops: without tiered compilation's profile (the CLI compiles methods with loops
    // optimised at once, before any profile) the JIT would not inline a method with a loop, and the call per point
    // costs a third of a fit.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Nearest(double[] points, int i, double[] centres, int k, out int label, out double upper, out double lower)
    {
        double best = double.PositiveInfinity, second = double.PositiveInfinity;
        var bestC = 0;
        double x0 = points[i * Dim], x1 = points[i * Dim + 1], x2 = points[i * Dim + 2];
        for (var c = 0; c < k; c++)
        {
            double d0 = x0 - centres[c * Dim], d1 = x1 - centres[c * Dim + 1], d2 = x2 - centres[c * Dim + 2];
            var d = d0 * d0 + d1 * d1 + d2 * d2;
            if (d < best) { second = best; best = d; bestC = c; }
            else if (d < second) second = d;
        }
        label = bestC;
        upper = Math.Sqrt(best);
        lower = Math.Sqrt(second);
    }

    private static void Sum(double[] points, int n, int[] labels, double[] sums, int[] counts)
    {
        Array.Clear(sums);
        Array.Clear(counts);
        for (var i = 0; i < n; i++)
        {
            var c = labels[i];
            counts[c]++;
            for (var j = 0; j < Dim; j++) sums[c * Dim + j] += points[i * Dim + j];
        }
    }

    /// <summary>
    /// A cluster left with no point takes, as in scikit-learn, the point farthest from its <paramref name="centres"/>
    /// centre, which leaves its own cluster's sum. Returns true (a point moved).
    /// </summary>
    private static bool Relocate(double[] points, int n, int[] labels, double[] centres, double[] sums, int[] counts)
    {
        var distance = new double[n];
        for (var i = 0; i < n; i++) distance[i] = SquaredDistance(points, i, centres, labels[i]);
        var far = Enumerable.Range(0, n).OrderByDescending(i => distance[i]).ThenBy(i => i).ToArray();
        var next = 0;
        for (var c = 0; c < counts.Length; c++)
        {
            if (counts[c] > 0) continue;
            // A point alone in its cluster stays: moving it would empty another.
            while (counts[labels[far[next]]] < 2) next++;
            var i = far[next++];
            var old = labels[i];
            for (var j = 0; j < Dim; j++)
            {
                sums[old * Dim + j] -= points[i * Dim + j];
                sums[c * Dim + j] = points[i * Dim + j];
            }
            counts[old]--;
            counts[c] = 1;
        }
        return true;
    }

    public static double Inertia(double[] points, int n, double[] centres, int[] labels)
    {
        var s = 0.0;
        for (var i = 0; i < n; i++) s += SquaredDistance(points, i, centres, labels[i]);
        return s;
    }

    private static double MeanVariance(double[] points, int n)
    {
        var total = 0.0;
        for (var j = 0; j < Dim; j++)
        {
            var mean = 0.0;
            for (var i = 0; i < n; i++) mean += points[i * Dim + j];
            mean /= n;
            var v = 0.0;
            for (var i = 0; i < n; i++)
            {
                var d = points[i * Dim + j] - mean;
                v += d * d;
            }
            total += v / n;
        }
        return total / Dim;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double SquaredDistance(double[] a, int i, double[] b, int j)
    {
        double d0 = a[i * Dim] - b[j * Dim], d1 = a[i * Dim + 1] - b[j * Dim + 1], d2 = a[i * Dim + 2] - b[j * Dim + 2];
        return d0 * d0 + d1 * d1 + d2 * d2;
    }
}
