using System.Runtime.Intrinsics;

namespace Segmentation.Clustering;

/// <summary>
/// Points as three columns, the layout <see cref="Vector256{T}"/> lanes of consecutive points load from (EM of a
/// Gaussian mixture, k-means' assignments and seeding), padded to a whole number of vectors with copies of the last
/// point: the E-step gives padding no responsibility, so it weighs nothing in the M-step; k-means reads no further
/// than <see cref="Count"/>.
/// </summary>
internal sealed class PointColumns
{
    public static readonly int Width = Vector256<double>.Count;

    public PointColumns(double[] points)
    {
        if (KMeans.Dim != 3) throw new InvalidOperationException("the vector code is written for three features");
        Count = points.Length / KMeans.Dim;
        if (Count == 0) throw new ArgumentException("no points", nameof(points));
        Padded = (Count + Width - 1) / Width * Width;
        X0 = new double[Padded];
        X1 = new double[Padded];
        X2 = new double[Padded];
        for (var i = 0; i < Padded; i++)
        {
            var from = Math.Min(i, Count - 1) * KMeans.Dim;
            (X0[i], X1[i], X2[i]) = (points[from], points[from + 1], points[from + 2]);
        }
    }

    /// <summary>The points, without the padding.</summary>
    public int Count { get; }

    /// <summary>The columns' length: <see cref="Count"/> rounded up to a multiple of <see cref="Width"/>.</summary>
    public int Padded { get; }

    public double[] X0 { get; }
    public double[] X1 { get; }
    public double[] X2 { get; }
}
