namespace Segmentation.Clustering;

/// <summary>
/// How far a k-means fit's centres have moved since its bounds were last made exact, summed over the iterations.
/// Hamerly's bounds are kept as they were measured, less this drift, so that a point not looked at is not rewritten;
/// and <see cref="Reach"/> tells a block of points whose margin it has not used up that none of them can have a nearer centre.
/// </summary>
internal sealed class Drift(int k)
{
    /// <summary>Per centre, how much farther it may now be from a point it holds: the sum of its shifts.</summary>
    public double[] Away { get; } = new double[k];

    /// <summary>Per centre, how much nearer another centre may now be to a point it holds: the sums of the largest of the other centres' shifts.</summary>
    public double[] Toward { get; } = new double[k];

    /// <summary>
    /// The sum of the largest shifts. A point's upper bound has grown and its lower bound shrunk by at most this much
    /// since, and so has half the gap between its centre and the nearest other: a margin shrinks by at most twice it.
    /// </summary>
    public double Reach { get; private set; }

    /// <summary>One iteration's shifts of the centres.</summary>
    public void Add(double[] shift)
    {
        var largest = 0;
        for (var c = 1; c < shift.Length; c++) if (shift[c] > shift[largest]) largest = c;
        var second = 0.0;
        for (var c = 0; c < shift.Length; c++) if (c != largest) second = Math.Max(second, shift[c]);
        for (var c = 0; c < shift.Length; c++)
        {
            Away[c] += shift[c];
            Toward[c] += c == largest ? second : shift[largest];
        }
        Reach += shift[largest];
    }

    /// <summary>The bounds were just made exact.</summary>
    public void Reset()
    {
        Array.Clear(Away);
        Array.Clear(Toward);
        Reach = 0;
    }
}
