using Segmentation.Clustering;

namespace Segmentation.Tests.Clustering;

/// <summary>
/// The k-d tree's answers are the brute-force ones, bit for bit: on points with many exact ties (coordinates on a
/// coarse grid, as customers share an order count), including duplicates, points at exactly the radius and ties for
/// the nearest, which must go to the lowest index.
/// </summary>
public sealed class KdTreeTests
{
    private static double[] Points(int n, int seed)
    {
        var random = new Random(seed);
        // A quarter of the points on one plane (z = 0), the rest on a grid of step 0.25 over [-2, 2]^3.
        return [.. Enumerable.Range(0, n).SelectMany(i => new[] { random.Next(-8, 9) * 0.25, random.Next(-8, 9) * 0.25, i % 4 == 0 ? 0 : random.Next(-8, 9) * 0.25 })];
    }

    private static double Squared(double[] p, int j, double x, double y, double z)
    {
        double a = p[j * 3] - x, b = p[j * 3 + 1] - y, c = p[j * 3 + 2] - z;
        return a * a + b * b + c * c;
    }

    [Theory]
    [InlineData(1, 3000)]
    [InlineData(2, 40)]
    [InlineData(3, 1)]
    public void Every_query_equals_brute_force(int seed, int n)
    {
        var points = Points(n, seed);
        var tree = new KdTree(points, n);
        var random = new Random(seed + 100);
        for (var q = 0; q < 200; q++)
        {
            // Half the queries at a point (distance 0 to it), half between grid nodes.
            var (x, y, z) = q % 2 == 0 ? (points[q % n * 3], points[q % n * 3 + 1], points[q % n * 3 + 2]) : (random.Next(-9, 10) * 0.25, random.Next(-9, 10) * 0.25, random.Next(-9, 10) * 0.125);
            var distances = Enumerable.Range(0, n).Select(j => Squared(points, j, x, y, z)).ToArray();
            var sorted = distances.Order().ToArray();

            var k = Math.Min(10, n);
            var nearest = new double[k];
            tree.Nearest(x, y, z, nearest);
            Assert.Equal(sorted[..k], nearest);

            // 0.0625 is 0.25^2: grid neighbours lie exactly at the radius and count.
            foreach (var radius in new[] { 0.0625, 0.3, 1.0 })
            {
                var within = Enumerable.Range(0, n).Where(j => distances[j] <= radius).ToArray();
                var found = new List<int>();
                tree.Within(x, y, z, radius, found);
                Assert.Equal(within, found.Order());
                Assert.Equal(Math.Min(within.Length, 5), tree.CountWithin(x, y, z, radius, 5));
                Assert.Equal(within.Length, tree.CountWithin(x, y, z, radius, int.MaxValue));
                var best = within.Length == 0 ? -1 : within.MinBy(j => (distances[j], j));
                Assert.Equal(best, tree.NearestWithin(x, y, z, radius));
            }
        }
    }
}
