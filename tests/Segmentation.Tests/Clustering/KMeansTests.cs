using Segmentation.Clustering;

namespace Segmentation.Tests.Clustering;

/// <summary>
/// The fast paths of a k-means fit compute what the plain loops compute, to the bit: the assignments four points at
/// a time, k-means++ with its candidates measured together, and a seeding shared by every k that draws as many candidates.
/// </summary>
[Collection(RealDataCollection.Name)]
public sealed class KMeansTests(RealDataFixture data)
{
    public static TheoryData<int, int> Fits => new() { { 2, 42 }, { 3, 7 }, { 5, 43 }, { 8, 44 }, { 10, 45 }, { 14, 46 } };

    [Theory]
    [MemberData(nameof(Fits))]
    public void Vector_assignments_give_the_bits_of_the_scalar_loop(int k, int seed)
    {
        // The UCI customers (4,338: not a multiple of four, so the scalar loop finishes each pass) and a set with many
        // identical points, where distances tie.
        foreach (var points in new[] { KMeansSweep.Flatten(data.Run.Features), Repeated(1_003, seed) })
        {
            var centres = KMeans.Seed(points, k, new Random(seed));

            var vector = KMeans.Fit(points, new PointColumns(points), centres, 300);
            var scalar = KMeans.Fit(points, null, centres, 300);

            Assert.Equal(scalar.Labels, vector.Labels);
            Assert.Equal(scalar.Centres, vector.Centres);
            Assert.Equal(scalar.Iterations, vector.Iterations);
            Assert.Equal(scalar.Inertia, vector.Inertia);
        }
    }

    [Theory]
    [MemberData(nameof(Fits))]
    public void Bounded_assignments_give_the_labels_of_every_point_searched_every_iteration(int k, int seed)
    {
        // The bounds (Hamerly's, carried by the drift since they were measured, and passed over four points at a
        // time) only decide which points are looked at: a fit must end where plain Lloyd ends. The UCI customers have
        // no exact ties, where the two may keep different labels.
        var points = KMeansSweep.Flatten(data.Run.Features);
        var centres = KMeans.Seed(points, k, new Random(seed));

        var fit = KMeans.Fit(points, centres, 300);
        var (labels, iterations) = PlainLloyd(points, centres, 300);

        Assert.Equal(labels, fit.Labels);
        Assert.Equal(iterations, fit.Iterations);
    }

    [Theory]
    [InlineData(2, 42)]
    [InlineData(4, 1)]
    [InlineData(10, 45)]
    [InlineData(20, 3)]
    public void Seeding_gives_the_centres_of_one_candidate_at_a_time(int k, int seed)
    {
        var points = KMeansSweep.Flatten(data.Run.Features);

        Assert.Equal(OneCandidateAtATime(points, k, new Random(seed)), KMeans.Seed(points, k, new Random(seed)));
    }

    [Fact]
    public void A_seeding_holds_the_seedings_of_smaller_k_with_as_many_candidates()
    {
        var points = KMeansSweep.Flatten(data.Run.Features);
        var groups = Enumerable.Range(2, 19).GroupBy(KMeans.Trials).ToList();
        Assert.True(groups.Count >= 3, "k = 2..20 spans several numbers of candidates");

        foreach (var group in groups)
        {
            var largest = KMeans.Seed(points, group.Max(), new Random(11));
            foreach (var k in group) Assert.Equal(KMeans.Seed(points, k, new Random(11)), largest[..(k * KMeans.Dim)]);
        }
        // Where the number of candidates differs, so do the draws after the first centre.
        Assert.NotEqual(KMeans.Seed(points, 7, new Random(11)), KMeans.Seed(points, 8, new Random(11))[..(7 * KMeans.Dim)]);
    }

    /// <summary>Points on a coarse grid, each drawn about four times: many exact ties.</summary>
    private static double[] Repeated(int n, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, n * KMeans.Dim).Select(_ => (double)random.Next(6))];
    }

    /// <summary>
    /// Lloyd's iterations with every point measured against every centre, stopping as scikit-learn does: when the
    /// labels stop changing, or after the assignment to centres that moved less than the tolerance.
    /// </summary>
    private static (int[] Labels, int Iterations) PlainLloyd(double[] points, double[] initialCentres, int maxIterations)
    {
        const int D = KMeans.Dim;
        var n = points.Length / D;
        var k = initialCentres.Length / D;
        var variance = Enumerable.Range(0, D).Average(j =>
        {
            var column = Enumerable.Range(0, n).Select(i => points[i * D + j]).ToArray();
            var mean = column.Average();
            return column.Average(v => Square(v - mean));
        });
        var tolerance = KMeans.RelativeTolerance * variance;
        int[] Nearest(double[] centres) => [.. Enumerable.Range(0, n).Select(i => Enumerable.Range(0, k)
            .MinBy(c => Square(points[i * D] - centres[c * D]) + Square(points[i * D + 1] - centres[c * D + 1]) + Square(points[i * D + 2] - centres[c * D + 2])))];

        var centres = initialCentres;
        var labels = Nearest(centres);
        var changed = true;
        var iterations = 0;
        while (iterations < maxIterations)
        {
            iterations++;
            var next = new double[k * D];
            for (var c = 0; c < k; c++)
            {
                var members = Enumerable.Range(0, n).Where(i => labels[i] == c).ToArray();
                Assert.NotEmpty(members); // an emptied cluster is relocated, which this plain loop does not do
                for (var j = 0; j < D; j++) next[c * D + j] = members.Average(i => points[i * D + j]);
            }
            var shift = Enumerable.Range(0, k * D).Sum(x => Square(next[x] - centres[x]));
            centres = next;
            if (!changed) break;
            var moved = Nearest(centres);
            changed = !moved.SequenceEqual(labels);
            labels = moved;
            if (shift <= tolerance) break;
        }
        return (labels, iterations);
    }

    /// <summary>Greedy k-means++ as scikit-learn writes it: each candidate measured in a pass of its own.</summary>
    private static double[] OneCandidateAtATime(double[] points, int k, Random random)
    {
        const int D = KMeans.Dim;
        var n = points.Length / D;
        double Distance(int i, double[] b, int j) =>
            Square(points[i * D] - b[j * D]) + Square(points[i * D + 1] - b[j * D + 1]) + Square(points[i * D + 2] - b[j * D + 2]);
        var centres = new double[k * D];
        Array.Copy(points, random.Next(n) * D, centres, 0, D);
        var closest = Enumerable.Range(0, n).Select(i => Distance(i, centres, 0)).ToArray();
        var potential = 0.0;
        foreach (var d in closest) potential += d;
        for (var c = 1; c < k; c++)
        {
            var cumulative = new double[n];
            var sum = 0.0;
            for (var i = 0; i < n; i++) cumulative[i] = sum += closest[i];
            var (bestPotential, bestId, best) = (double.PositiveInfinity, -1, closest);
            for (var t = 0; t < KMeans.Trials(k); t++)
            {
                var draw = random.NextDouble() * potential;
                var id = Math.Min(Array.FindIndex(cumulative, v => v >= draw) is var at and >= 0 ? at : n, n - 1);
                var candidate = Enumerable.Range(0, n).Select(i => Math.Min(closest[i], Distance(i, points, id))).ToArray();
                var candidatePotential = 0.0;
                foreach (var d in candidate) candidatePotential += d;
                if (candidatePotential < bestPotential) (bestPotential, bestId, best) = (candidatePotential, id, candidate);
            }
            Array.Copy(points, bestId * D, centres, c * D, D);
            (closest, potential) = (best, bestPotential);
        }
        return centres;
    }

    private static double Square(double x) => x * x;
}
