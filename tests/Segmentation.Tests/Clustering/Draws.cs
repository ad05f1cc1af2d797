namespace Segmentation.Tests.Clustering;

/// <summary>Seeded draws for the made-up data the clustering tests know the answer for.</summary>
internal static class Draws
{
    /// <summary>A standard normal draw (Box-Muller).</summary>
    public static double Gaussian(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());
}
