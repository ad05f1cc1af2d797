namespace Segmentation.Numerics;

/// <summary>
/// A sum of many terms in parallel that is the same on any number of threads: fixed chunks, each summed in order from
/// zero, then the chunks' sums in order. A sum of at most one chunk is the plain sequential sum, to the bit.
/// </summary>
internal static class ParallelSum
{
    /// <summary>Terms per chunk: large enough that a likelihood of a few thousand patterns (any real file's) is one chunk.</summary>
    public const int Chunk = 16_384;

    /// <summary>Σ over [0, <paramref name="count"/>) of what <paramref name="range"/> sums over each [from, to) in order.</summary>
    public static double Of(int count, Func<int, int, double> range)
    {
        if (count <= Chunk) return 0.0 + range(0, count);
        var chunks = (count + Chunk - 1) / Chunk;
        var sums = new double[chunks];
        Parallel.For(0, chunks, c => sums[c] = range(c * Chunk, Math.Min(count, (c + 1) * Chunk)));
        var sum = 0.0;
        foreach (var s in sums) sum += s;
        return sum;
    }
}
