namespace Segmentation.Clustering;

/// <summary>
/// The per-point working arrays of one k-means fit (labels, Hamerly's two bounds, the blocks' limits), lent to the
/// fits of a sweep one after another (<see cref="PointOrder"/>); a seeding borrows the two bounds. A fit that
/// allocated its own took 3 MB of fresh memory at 147k points, and this host pays dearly for first touching a page:
/// 90 serial fits took 3.1-4.3 s with their own arrays against 2.3-3.3 s with lent ones, alternating (#28).
/// </summary>
internal sealed class FitBuffers
{
    public FitBuffers(int count)
    {
        Labels = new int[count];
        Upper = new double[count];
        Lower = new double[count];
        Limits = new double[count / PointColumns.Width];
    }

    /// <summary>The given buffers, which must be for <paramref name="count"/> points (a search or a result over their whole length would run past them); new ones when none are given.</summary>
    public static FitBuffers For(FitBuffers? buffers, int count) => buffers switch
    {
        null => new FitBuffers(count),
        _ when buffers.Labels.Length == count => buffers,
        _ => throw new ArgumentException($"buffers for {buffers.Labels.Length} points lent to a fit of {count}", nameof(buffers)),
    };

    public int[] Labels { get; }
    public double[] Upper { get; }
    public double[] Lower { get; }

    /// <summary>Per block of <see cref="PointColumns.Width"/> points, how far the centres may move before the block must be looked at again.</summary>
    public double[] Limits { get; }
}
