using Segmentation.Clustering.Segments;
using Segmentation.Numerics;

namespace Segmentation.Tests.Segments;

/// <summary>Whole numbers in a narrow range are ordered by counting: the same results as a comparison sort, bit for bit.</summary>
public sealed class WholeNumbersTests
{
    private static double[] Draw(int n, int low, int high, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(_ => (double)random.Next(low, high))];
    }

    private static double[] ComparisonSorted(double[] values)
    {
        var copy = (double[])values.Clone();
        Array.Sort(copy);
        return copy;
    }

    [Fact]
    public void Whole_numbers_are_counted_into_the_order_a_sort_gives()
    {
        var values = Draw(5_000, -30, 400, seed: 1);

        Assert.NotNull(WholeNumbers.Histogram(values));
        Assert.Equal(ComparisonSorted(values), Statistics.Sorted(values));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(-0.0)]
    [InlineData(1e9)]
    public void A_value_that_is_not_a_whole_number_in_range_leaves_the_values_to_the_sort(double odd)
    {
        double[] values = [.. Draw(1_000, 0, 50, seed: 2), odd];

        Assert.Null(WholeNumbers.Histogram(values));
        var sorted = Statistics.Sorted(values);
        Assert.Equal(ComparisonSorted(values).Select(BitConverter.DoubleToInt64Bits), sorted.Select(BitConverter.DoubleToInt64Bits));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Counted_scores_are_the_sorted_scores(bool higherIsBetter)
    {
        // Frequency-like: most customers bought once or twice, a few very often.
        var random = new Random(3);
        var counted = Enumerable.Range(0, 20_000).Select(_ => Math.Floor(1 / (0.02 + random.NextDouble()))).ToArray();
        // Shifted off the whole numbers, the same order and ties go through the sort.
        var shifted = counted.Select(v => v + 0.25).ToArray();
        Assert.NotNull(WholeNumbers.Histogram(counted));
        Assert.Null(WholeNumbers.Histogram(shifted));

        var scores = QuintileScorer.Score(counted, higherIsBetter);

        Assert.Equal(QuintileScorer.Score(shifted, higherIsBetter), scores);
        Assert.Equal(5, scores.Distinct().Count());
    }
}
