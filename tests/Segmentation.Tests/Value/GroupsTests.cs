using Segmentation.Numerics;

namespace Segmentation.Tests.Value;

/// <summary>
/// The grouping behind the purchase models' patterns and the spend model's: over several chunks it must give the groups,
/// their order and each item's group exactly as one sequential pass (a GroupBy) does, since the likelihoods are summed
/// in that order.
/// </summary>
public sealed class GroupsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(1000)]
    [InlineData(Groups<int>.Chunk)]
    public void Chunks_merge_into_the_sequential_grouping(int chunk)
    {
        var random = new Random(5);
        // Keys repeated across chunk boundaries, some met first late on.
        var items = Enumerable.Range(0, 5_000).Select(i => (X: random.Next(0, 40) + (i > 4_000 ? 100 : 0), T: random.Next(0, 3) / 2.0)).ToList();
        var groups = Groups<(int, double)>.By(items, v => v, chunk);
        var expected = items.Select((v, i) => (v, i)).GroupBy(p => p.v).ToList();
        Assert.Equal(expected.Select(g => g.Key), groups.Keys);
        Assert.Equal(expected.Select(g => g.Count()), groups.Counts);
        Assert.Equal(items.Count, groups.Items);
        for (var k = 0; k < expected.Count; k++)
        {
            foreach (var (_, i) in expected[k]) Assert.Equal(k, groups.Of(i));
        }
    }

    [Fact]
    public void No_items_no_groups()
    {
        var groups = Groups<int>.By(Array.Empty<int>(), v => v);
        Assert.Empty(groups.Keys);
        Assert.Equal(0, groups.Items);
    }
}
