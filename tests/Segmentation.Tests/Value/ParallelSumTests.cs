using Segmentation.Numerics;

namespace Segmentation.Tests.Value;

/// <summary>
/// The likelihoods' parallel sum: a fit on a real file (one chunk) must be the sequential sum to the bit, so that
/// outputs do not move; a larger one the chunks' sums in order, whatever the threads do.
/// </summary>
public sealed class ParallelSumTests
{
    // Terms of very different sizes, so that a different order of addition gives a different double.
    private static double Term(int i) => Math.Exp((i * 7919 % 61) - 30) * (i % 3 == 0 ? -1 : 1);

    private static double Sequential(int from, int to)
    {
        var sum = 0.0;
        for (var i = from; i < to; i++) sum += Term(i);
        return sum;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2_800)]
    [InlineData(ParallelSum.Chunk)]
    public void One_chunk_is_the_sequential_sum_to_the_bit(int count) =>
        Assert.Equal(BitConverter.DoubleToInt64Bits(Sequential(0, count)), BitConverter.DoubleToInt64Bits(ParallelSum.Of(count, Sequential)));

    [Fact]
    public void Many_chunks_add_their_sums_in_order_on_every_call()
    {
        const int count = 10 * ParallelSum.Chunk + 123;
        var expected = 0.0;
        for (var from = 0; from < count; from += ParallelSum.Chunk) expected += Sequential(from, Math.Min(count, from + ParallelSum.Chunk));
        for (var call = 0; call < 5; call++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(ParallelSum.Of(count, Sequential)));
        }
        Assert.NotEqual(BitConverter.DoubleToInt64Bits(Sequential(0, count)), BitConverter.DoubleToInt64Bits(expected));
    }
}
