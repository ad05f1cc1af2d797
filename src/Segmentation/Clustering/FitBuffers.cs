namespace Segmentation.Clustering;

/// <summary>
/// The per-point working arrays of one k-means fit (labels, Hamerly's two bounds and the blocks' limits), lent to the fits of a sweep one
/// after another (<see cref="PointOrder"/>); a fit's seeding borrows the two bounds. A fit that allocated its own took 3 MB of fresh large-object memory at 147k points, and this
/// machine pays a page fault for every 4 KB of it: on 90 serial fits a third of their time (4.5 s against 3.0 s
/// with the memory kept, #28).
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

    public int[] Labels { get; }
    public double[] Upper { get; }
    public double[] Lower { get; }

    /// <summary>Per block of <see cref="PointColumns.Width"/> points, how far the centres may move before the block must be looked at again.</summary>
    public double[] Limits { get; }
}
