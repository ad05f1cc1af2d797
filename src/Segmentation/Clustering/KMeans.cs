using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Segmentation.Clustering;

/// <summary>
/// One k-means fit as scikit-learn's KMeans(algorithm="lloyd") computes it: greedy k-means++ seeding, Lloyd
/// iterations until the labels stop changing or the centres move less than the tolerance, then a last assignment
/// so that the labels are the nearest centres. Hamerly's bounds (an upper bound on each point's distance to its
/// centre, a lower bound on the distance to any other) skip the distance computations that cannot change a label:
/// after the first few iterations most points cost one comparison, and a block of four whose margin the centres'
/// moves cannot yet have used up costs one for the four (<see cref="Drift"/>). Single-threaded and a pure function
/// of (points, k, seed): restarts and parallelism are the sweep's.
/// </summary>
/// <remarks>
/// Points are a row-major array of <c>n</c> rows of <see cref="Dim"/> doubles (the scaled R, F and M). Sums run in
/// row order on one thread, so a fit gives the same bits whatever else runs beside it. Where the processor has
/// 256-bit vectors the assignments test four points at a time (<see cref="Vectorised"/>): the same arithmetic in the
/// same order, lane by lane, and the sums updated in point order, so both paths give the same bits.
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

    /// <summary>Whether the assignments run on vectors here (the scalar loop otherwise, and in the tests that compare the two).</summary>
    public static bool Vectorised => Vector256.IsHardwareAccelerated;

    public static Result Fit(double[] points, int k, int seed, int maxIterations) =>
        Fit(points, Seed(points, k, new Random(seed)), maxIterations);

    /// <summary>A fit that starts from the given centres (row-major) instead of seeding its own.</summary>
    public static Result Fit(double[] points, double[] initialCentres, int maxIterations) => Fit(points, ColumnsOf(points), initialCentres, maxIterations);

    /// <summary>The points by coordinate, the layout the vector loads read, where the processor has the vectors; else null.</summary>
    public static PointColumns? ColumnsOf(double[] points) => Vectorised ? new PointColumns(points) : null;

    /// <param name="columns">
    /// The same points by coordinate (<see cref="ColumnsOf"/>): four points at a time (the same results anywhere; faster
    /// where <see cref="Vectorised"/>); null, one. Made once for the many fits of a sweep: a copy per fit cost 3.5 MB at 147k points.
    /// </param>
    /// <param name="buffers">The fit's working arrays, for <paramref name="points"/>' count (null: its own). The result's labels are then the buffers' until their next fit.</param>
    internal static Result Fit(double[] points, PointColumns? columns, double[] initialCentres, int maxIterations, FitBuffers? buffers = null)
    {
        var n = points.Length / Dim;
        var k = initialCentres.Length / Dim;
        var tolerance = RelativeTolerance * MeanVariance(points, n);
        var centres = (double[])initialCentres.Clone();
        buffers = FitBuffers.For(buffers, n);
        var (labels, upper, lower, limits) = (buffers.Labels, buffers.Upper, buffers.Lower, buffers.Limits);
        var drift = new Drift(k);
        AssignAll(points, columns, n, centres, k, labels, upper, lower, limits, drift);
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
                AssignAll(points, columns, n, centres, k, labels, upper, lower, limits, drift);
                Sum(points, n, labels, sums, counts);
                changed = true;
                continue;
            }
            // Centres that moved less than the tolerance end the fit, after this last assignment to them.
            var last = total <= tolerance;
            changed = Assign(points, columns, n, centres, k, labels, upper, lower, limits, halfGap, shift, drift, sums, counts);
            if (last) break;
        }
        return new Result(centres, labels, Inertia(points, n, centres, labels), iterations);
    }

    /// <summary>
    /// The candidates greedy k-means++ draws for each centre after the first. Seedings of every k with as many draw the
    /// same numbers from the same seed: the one for the largest such k holds the others as its first centres.
    /// </summary>
    internal static int Trials(int k) => 2 + (int)Math.Log(k);

    /// <summary>
    /// Greedy k-means++ (scikit-learn's: <see cref="Trials"/> candidates a step, the one that lowers the potential most
    /// kept). The candidates of a step are drawn first (the draws depend on the step's start alone) and measured in one
    /// pass, four to a vector: each candidate's potential is still summed in point order, the same bits as one
    /// candidate at a time.
    /// </summary>
    internal static double[] Seed(double[] points, int k, Random random) => Seed(points, new PointColumns(points), k, random);

    /// <param name="columns">The same points by coordinate: made once for the many seedings of a sweep.</param>
    /// <param name="buffers">Working arrays for the points' count (null: its own); their bounds are overwritten.</param>
    internal static double[] Seed(double[] points, PointColumns columns, int k, Random random, FitBuffers? buffers = null)
    {
        var n = columns.Count;
        var centres = new double[k * Dim];
        var trials = Trials(k);
        var first = random.Next(n);
        Array.Copy(points, first * Dim, centres, 0, Dim);
        buffers = FitBuffers.For(buffers, n);
        var (closest, cumulative) = (buffers.Upper, buffers.Lower);
        var potential = 0.0;
        for (var i = 0; i < n; i++) potential += closest[i] = SquaredDistance(points, i, centres, 0);
        var ids = new int[trials];
        var potentials = new double[trials];
        for (var c = 1; c < k; c++)
        {
            var sum = 0.0;
            for (var i = 0; i < n; i++) cumulative[i] = sum += closest[i];
            for (var t = 0; t < trials; t++) ids[t] = Math.Min(LowerBound(cumulative, random.NextDouble() * potential), n - 1);
            for (var t = 0; t < trials; t += PointColumns.Width) Potentials(columns, closest, ids, t, potentials);
            var bestId = -1;
            var bestPotential = double.PositiveInfinity;
            for (var t = 0; t < trials; t++)
            {
                if (potentials[t] < bestPotential) (bestPotential, bestId) = (potentials[t], ids[t]);
            }
            Array.Copy(points, bestId * Dim, centres, c * Dim, Dim);
            for (var i = 0; i < n; i++) closest[i] = Math.Min(closest[i], SquaredDistance(points, i, points, bestId));
            potential = bestPotential;
        }
        return centres;
    }

    /// <summary>
    /// The potentials of candidates <paramref name="from"/> to <paramref name="from"/> + 3 (as many as there are), a
    /// lane each: the sum over the points of each point's squared distance to the nearer of its closest centre and the candidate.
    /// </summary>
    private static void Potentials(PointColumns columns, double[] closest, int[] ids, int from, double[] potentials)
    {
        var lanes = Math.Min(PointColumns.Width, ids.Length - from);
        Span<int> id = stackalloc int[PointColumns.Width];
        for (var t = 0; t < PointColumns.Width; t++) id[t] = ids[from + Math.Min(t, lanes - 1)];
        var c0 = Vector256.Create(columns.X0[id[0]], columns.X0[id[1]], columns.X0[id[2]], columns.X0[id[3]]);
        var c1 = Vector256.Create(columns.X1[id[0]], columns.X1[id[1]], columns.X1[id[2]], columns.X1[id[3]]);
        var c2 = Vector256.Create(columns.X2[id[0]], columns.X2[id[1]], columns.X2[id[2]], columns.X2[id[3]]);
        var total = Vector256<double>.Zero;
        for (var i = 0; i < columns.Count; i++)
        {
            var d0 = Vector256.Create(columns.X0[i]) - c0;
            var d1 = Vector256.Create(columns.X1[i]) - c1;
            var d2 = Vector256.Create(columns.X2[i]) - c2;
            total += Vector256.Min(Vector256.Create(closest[i]), d0 * d0 + d1 * d1 + d2 * d2);
        }
        for (var t = 0; t < lanes; t++) potentials[from + t] = total[t];
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

    /// <summary>Every point against every centre: exact labels and tight bounds, measured from centres that have not moved yet.</summary>
    private static void AssignAll(double[] points, PointColumns? columns, int n, double[] centres, int k, int[] labels, double[] upper, double[] lower,
        double[] limits, Drift drift)
    {
        drift.Reset();
        // Every block looked at in the next assignment.
        Array.Clear(limits);
        var i = 0;
        if (columns is not null)
        {
            for (; i + PointColumns.Width <= n; i += PointColumns.Width)
            {
                var (label, best, second) = Nearest(columns, i, centres, k);
                StoreLabels(label, labels, i);
                Vector256.Sqrt(best).StoreUnsafe(ref upper[0], (nuint)i);
                Vector256.Sqrt(second).StoreUnsafe(ref lower[0], (nuint)i);
            }
        }
        for (; i < n; i++) Nearest(points, i, centres, k, out labels[i], out upper[i], out lower[i]);
    }

    /// <summary>
    /// Hamerly's assignment after the centres moved by <paramref name="shift"/>: each point's centre may now be
    /// farther by its shift, any other nearer by the largest other shift. A point whose upper bound is still below
    /// both its lower bound and half the gap from its centre to the nearest other cannot have a nearer centre and is
    /// not looked at. The bounds are kept as they were last measured, less the drift since (see <see cref="Drift"/>),
    /// so that a point not looked at costs no write. Returns whether a label changed; the sums and counts follow every change.
    /// </summary>
    private static bool Assign(double[] points, PointColumns? columns, int n, double[] centres, int k, int[] labels, double[] upper, double[] lower,
        double[] limits, double[] halfGap, double[] shift, Drift drift, double[] sums, int[] counts)
    {
        for (var c = 0; c < k; c++)
        {
            var min = double.PositiveInfinity;
            for (var o = 0; o < k; o++) if (o != c) min = Math.Min(min, SquaredDistance(centres, c, centres, o));
            halfGap[c] = 0.5 * Math.Sqrt(min);
        }
        drift.Add(shift);
        var (away, toward) = (drift.Away, drift.Toward);

        var changed = false;
        var i = 0;
        if (columns is not null) (i, changed) = AssignVectors(columns, n, centres, k, labels, upper, lower, limits, halfGap, drift, sums, counts);
        for (; i < n; i++)
        {
            var a = labels[i];
            var u = upper[i] + away[a];
            var l = lower[i] - toward[a];
            var bound = Math.Max(halfGap[a], l);
            if (u > bound)
            {
                u = Math.Sqrt(SquaredDistance(points, i, centres, a));
                if (u > bound)
                {
                    Nearest(points, i, centres, k, out var label, out u, out l);
                    if (label != a)
                    {
                        Move(points[i * Dim], points[i * Dim + 1], points[i * Dim + 2], i, a, label, sums, counts, labels);
                        changed = true;
                        a = label;
                    }
                    lower[i] = l + toward[a];
                }
                upper[i] = u - away[a];
            }
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

    /// <summary>
    /// <see cref="Assign"/>'s loop four points at a time, as far as whole vectors go: each point's bounds moved, then,
    /// where a bound fails, the distance to its centre, then, where that fails too, the nearest centre, every lane
    /// computed as the scalar loop computes it. Labels that change update the sums in point order. A block of four
    /// whose smallest margin (bound less upper bound) the centres cannot have used up since it was measured, each
    /// iteration taking at most twice the largest shift (<see cref="Drift.Reach"/>), is passed over whole: every lane
    /// would pass. Returns where the scalar loop goes on and whether a label changed.
    /// </summary>
    private static (int Next, bool Changed) AssignVectors(PointColumns columns, int n, double[] centres, int k, int[] labels,
        double[] upper, double[] lower, double[] limits, double[] halfGap, Drift drift, double[] sums, int[] counts)
    {
        var changed = false;
        var reach = drift.Reach;
        int i;
        ref var label0 = ref MemoryMarshal.GetArrayDataReference(labels);
        ref var away0 = ref MemoryMarshal.GetArrayDataReference(drift.Away);
        ref var toward0 = ref MemoryMarshal.GetArrayDataReference(drift.Toward);
        ref var gap0 = ref MemoryMarshal.GetArrayDataReference(halfGap);
        ref var limit0 = ref MemoryMarshal.GetArrayDataReference(limits);
        for (i = 0; i + PointColumns.Width <= n; i += PointColumns.Width)
        {
            ref var limit = ref Unsafe.Add(ref limit0, i / PointColumns.Width);
            if (reach < limit) continue;
            int a0 = Unsafe.Add(ref label0, i), a1 = Unsafe.Add(ref label0, i + 1), a2 = Unsafe.Add(ref label0, i + 2), a3 = Unsafe.Add(ref label0, i + 3);
            // In the space-filling order nine blocks in ten that are looked at lie in one cluster: one value for the four lanes.
            var one = a0 == a1 && a1 == a2 && a2 == a3;
            var away = Lanes(ref away0, a0, a1, a2, a3, one);
            var u = Vector256.LoadUnsafe(ref upper[0], (nuint)i) + away;
            var l = Vector256.LoadUnsafe(ref lower[0], (nuint)i) - Lanes(ref toward0, a0, a1, a2, a3, one);
            var bound = Vector256.Max(Lanes(ref gap0, a0, a1, a2, a3, one), l);
            var loose = Vector256.GreaterThan(u, bound);
            if (loose != Vector256<double>.Zero)
            {
                // Every lane's own distance (cheaper than asking which lanes need it), kept where the bound failed.
                var own = Vector256.Sqrt(SquaredDistance(columns, i, Coordinates(centres, a0, a1, a2, a3, one, 0),
                    Coordinates(centres, a0, a1, a2, a3, one, 1), Coordinates(centres, a0, a1, a2, a3, one, 2)));
                u = Vector256.ConditionalSelect(loose, own, u);
                var far = loose & Vector256.GreaterThan(u, bound);
                if (far != Vector256<double>.Zero)
                {
                    var (label, best, next) = Nearest(columns, i, centres, k);
                    u = Vector256.ConditionalSelect(far, Vector256.Sqrt(best), u);
                    l = Vector256.ConditionalSelect(far, Vector256.Sqrt(next), l);
                    var a = Vector256.Create(a0, a1, a2, (long)a3);
                    var moved = far.AsInt64() & ~Vector256.Equals(label, a);
                    if (moved != Vector256<long>.Zero)
                    {
                        for (var mask = moved.ExtractMostSignificantBits(); mask != 0; mask &= mask - 1)
                        {
                            var lane = System.Numerics.BitOperations.TrailingZeroCount(mask);
                            Move(columns.X0[i + lane], columns.X1[i + lane], columns.X2[i + lane], i + lane, (int)a[lane], (int)label[lane], sums, counts, labels);
                        }
                        changed = true;
                        // The far lanes' new labels, the others' unchanged: their bounds are now kept against their new centres' drift.
                        (a0, a1, a2, a3) = (Unsafe.Add(ref label0, i), Unsafe.Add(ref label0, i + 1), Unsafe.Add(ref label0, i + 2), Unsafe.Add(ref label0, i + 3));
                        away = Gather(ref away0, a0, a1, a2, a3);
                    }
                    Vector256.ConditionalSelect(far, l + Gather(ref toward0, a0, a1, a2, a3), Vector256.LoadUnsafe(ref lower[0], (nuint)i)).StoreUnsafe(ref lower[0], (nuint)i);
                    bound = Vector256.Max(Gather(ref gap0, a0, a1, a2, a3), l);
                }
                Vector256.ConditionalSelect(loose, u - away, Vector256.LoadUnsafe(ref upper[0], (nuint)i)).StoreUnsafe(ref upper[0], (nuint)i);
            }
            var margin = bound - u;
            // The smallest lane by halves: the lanes one at a time cost a store and four loads a block.
            var half = Vector128.MinNative(margin.GetLower(), margin.GetUpper());
            limit = reach + 0.5 * Math.Min(half.ToScalar(), half.GetElement(1));
        }
        return (i, changed);
    }

    /// <summary>The values of <paramref name="first"/>'s array at four indices; <paramref name="one"/>: the four are the same index.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Lanes(ref double first, int a0, int a1, int a2, int a3, bool one) =>
        one ? Vector256.Create(Unsafe.Add(ref first, a0)) : Gather(ref first, a0, a1, a2, a3);

    /// <summary>The values of <paramref name="first"/>'s array at four indices.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Gather(ref double first, int a0, int a1, int a2, int a3) =>
        Vector256.Create(Unsafe.Add(ref first, a0), Unsafe.Add(ref first, a1), Unsafe.Add(ref first, a2), Unsafe.Add(ref first, a3));

    /// <summary>The nearest and second-nearest squared distances of four points and the nearest centre, ties to the lower index.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<long> Label, Vector256<double> Best, Vector256<double> Second) Nearest(PointColumns columns, int i, double[] centres, int k)
    {
        var best = Vector256.Create(double.PositiveInfinity);
        var second = best;
        var label = Vector256<long>.Zero;
        for (var c = 0; c < k; c++)
        {
            var d = SquaredDistance(columns, i, Vector256.Create(centres[c * Dim]), Vector256.Create(centres[c * Dim + 1]), Vector256.Create(centres[c * Dim + 2]));
            var nearer = Vector256.LessThan(d, best);
            second = Vector256.ConditionalSelect(nearer, best, Vector256.ConditionalSelect(Vector256.LessThan(d, second), d, second));
            best = Vector256.ConditionalSelect(nearer, d, best);
            label = Vector256.ConditionalSelect(nearer.AsInt64(), Vector256.Create((long)c), label);
        }
        return (label, best, second);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> SquaredDistance(PointColumns columns, int i, Vector256<double> c0, Vector256<double> c1, Vector256<double> c2)
    {
        var d0 = Vector256.LoadUnsafe(ref columns.X0[0], (nuint)i) - c0;
        var d1 = Vector256.LoadUnsafe(ref columns.X1[0], (nuint)i) - c1;
        var d2 = Vector256.LoadUnsafe(ref columns.X2[0], (nuint)i) - c2;
        return d0 * d0 + d1 * d1 + d2 * d2;
    }

    /// <summary>Coordinate <paramref name="j"/> of each lane's centre; <paramref name="one"/>: the four lanes' centre is the same.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Coordinates(double[] centres, int a0, int a1, int a2, int a3, bool one, int j)
    {
        ref var first = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(centres), j);
        return Lanes(ref first, a0 * Dim, a1 * Dim, a2 * Dim, a3 * Dim, one);
    }

    private static void StoreLabels(Vector256<long> label, int[] labels, int i)
    {
        for (var lane = 0; lane < PointColumns.Width; lane++) labels[i + lane] = (int)label[lane];
    }

    /// <summary>Point <paramref name="i"/> (<paramref name="x0"/>, <paramref name="x1"/>, <paramref name="x2"/>) leaves cluster <paramref name="from"/> for <paramref name="to"/>: the sums and counts follow.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Move(double x0, double x1, double x2, int i, int from, int to, double[] sums, int[] counts, int[] labels)
    {
        sums[from * Dim] -= x0;
        sums[to * Dim] += x0;
        sums[from * Dim + 1] -= x1;
        sums[to * Dim + 1] += x1;
        sums[from * Dim + 2] -= x2;
        sums[to * Dim + 2] += x2;
        counts[from]--;
        counts[to]++;
        labels[i] = to;
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
