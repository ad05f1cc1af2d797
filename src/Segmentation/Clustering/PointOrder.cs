using System.Collections.Concurrent;

namespace Segmentation.Clustering;

/// <summary>
/// The points of a k-means fit in a space-filling order (a Morton code over a 1024-cell grid of the bounding box per
/// axis), so that neighbours in the array are neighbours in space. Lloyd's iterations then take the same branches for
/// runs of points, and the processor predicts them: on 147,156 customers the 90 fits of a sweep take 35% less time
/// (same iterations, same inertia). Seeding still draws from the points in their own order, so a seed picks the same
/// centres as before, and the labels are given back in that order.
/// </summary>
internal sealed class PointOrder
{
    private const int Bits = 10;

    private readonly PointColumns _seedColumns;
    private readonly PointColumns? _orderedColumns;

    // The working arrays of the fits and seedings that run at one time, each lent to one of them (see FitBuffers).
    private readonly ConcurrentBag<FitBuffers> _buffers = [];

    private PointOrder(double[] points, double[] ordered, int[] order)
    {
        Points = points;
        Ordered = ordered;
        Order = order;
        // Both layouts by coordinate as well, once for every seeding and fit (see KMeans.Fit).
        _seedColumns = new PointColumns(points);
        _orderedColumns = KMeans.ColumnsOf(ordered);
    }

    /// <summary>The points in their own order (row-major), which seeding draws from.</summary>
    public double[] Points { get; }

    /// <summary>The same points in the space-filling order, which the iterations run over.</summary>
    public double[] Ordered { get; }

    /// <summary>Order[i] is the index in <see cref="Points"/> of the i-th point of <see cref="Ordered"/>.</summary>
    public int[] Order { get; }

    public static PointOrder Of(double[] points)
    {
        var n = points.Length / KMeans.Dim;
        var codes = Codes(points, n);
        // Each code (30 bits) with its index below it: one sort of numbers, ties by index, so that the order, and so
        // every fit, is a pure function of the points (with a comparison delegate the whole order took 85 ms at 147k
        // points, so 55-70 ms).
        var keys = new ulong[n];
        for (var i = 0; i < n; i++) keys[i] = codes[i] << 32 | (uint)i;
        Array.Sort(keys);
        var order = new int[n];
        for (var i = 0; i < n; i++) order[i] = (int)(uint)keys[i];
        return new PointOrder(points, KMeansSweep.Gather(points, order), order);
    }

    /// <summary>Each point's Morton code: its grid cell's coordinates with their bits interleaved.</summary>
    public static ulong[] Codes(double[] points, int n)
    {
        var min = new double[KMeans.Dim];
        var scale = new double[KMeans.Dim];
        for (var j = 0; j < KMeans.Dim; j++)
        {
            var (lo, hi) = (double.PositiveInfinity, double.NegativeInfinity);
            for (var i = 0; i < n; i++) (lo, hi) = (Math.Min(lo, points[i * KMeans.Dim + j]), Math.Max(hi, points[i * KMeans.Dim + j]));
            min[j] = lo;
            scale[j] = hi > lo ? (1 << Bits) / (hi - lo) : 0;
        }
        var codes = new ulong[n];
        Span<ulong> cells = stackalloc ulong[KMeans.Dim];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < KMeans.Dim; j++) cells[j] = (ulong)Math.Min((1 << Bits) - 1, (points[i * KMeans.Dim + j] - min[j]) * scale[j]);
            ulong code = 0;
            for (var b = Bits - 1; b >= 0; b--)
            {
                for (var j = 0; j < KMeans.Dim; j++) code = (code << 1) | ((cells[j] >> b) & 1);
            }
            codes[i] = code;
        }
        return codes;
    }

    /// <summary>One seeded fit: k-means++ on the points in their own order, Lloyd on the ordered ones, labels in the points' order.</summary>
    public KMeans.Result Fit(int k, int seed, int maxIterations) => Fit(Seed(k, seed), maxIterations);

    /// <summary>The k-means++ centres (row-major) a fit of <paramref name="k"/> clusters with <paramref name="seed"/> starts from.</summary>
    public double[] Seed(int k, int seed) => WithBuffers(buffers => KMeans.Seed(Points, _seedColumns, k, new Random(seed), buffers));

    /// <summary>A fit from the given centres (row-major), labels in the points' order.</summary>
    /// <param name="labels">The array to write the labels into, one per point (null: a new one).</param>
    public KMeans.Result Fit(double[] initialCentres, int maxIterations, int[]? labels = null) => WithBuffers(buffers =>
    {
        var result = KMeans.Fit(Ordered, _orderedColumns, initialCentres, maxIterations, buffers);
        // The result's labels are the buffers': copied out, in the points' order, before the buffers go back.
        labels ??= new int[Order.Length];
        if (labels.Length != Order.Length) throw new ArgumentException($"labels for {labels.Length} points lent to a fit of {Order.Length}", nameof(labels));
        for (var i = 0; i < labels.Length; i++) labels[Order[i]] = result.Labels[i];
        return result with { Labels = labels };
    });

    /// <summary>Lends a seeding or fit working arrays of this order's size: a free set if there is one, else new ones, given back after.</summary>
    private T WithBuffers<T>(Func<FitBuffers, T> use)
    {
        var buffers = _buffers.TryTake(out var free) ? free : new FitBuffers(Order.Length);
        try { return use(buffers); }
        finally { _buffers.Add(buffers); }
    }
}
