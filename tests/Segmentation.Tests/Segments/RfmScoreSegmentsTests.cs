using Segmentation.Segments;

namespace Segmentation.Tests.Segments;

public sealed class RfmScoreSegmentsTests
{
    [Fact]
    public void The_mapping_covers_all_125_codes_exactly_once_with_the_11_segments()
    {
        var codes = RfmScoreSegments.Codes.SelectMany(kv => kv.Value).ToList();
        var all = from r in Enumerable.Range(1, 5) from f in Enumerable.Range(1, 5) from m in Enumerable.Range(1, 5) select $"{r}{f}{m}";

        Assert.Equal(125, codes.Count);
        Assert.Equal(all.Order(StringComparer.Ordinal), codes.Order(StringComparer.Ordinal));
        Assert.Equal(11, RfmScoreSegments.Codes.Count);
        Assert.All(RfmScoreSegments.Codes.Keys, name => SegmentCatalogue.Get(name));
    }

    [Fact]
    public void Every_segment_of_the_mapping_is_reachable()
    {
        var reached = from r in Enumerable.Range(1, 5) from f in Enumerable.Range(1, 5) from m in Enumerable.Range(1, 5) select RfmScoreSegments.Of(r, f, m);

        Assert.Equal(RfmScoreSegments.Codes.Keys.Order(StringComparer.Ordinal), reached.Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Ties_share_a_score_and_no_score_is_left_empty_by_ties()
    {
        // Like Frequency: half the customers bought once.
        double[] values = [.. Enumerable.Repeat(1.0, 50), .. Enumerable.Repeat(2.0, 15), 3, 3, 3, 4, 4, 5, 6, 7, 8, 9, 10, 12, 15, 20, 25, 30, 40, 50, 60, 70, 80, 90, 100, 150, 200, 250, 300, 400, 500, 600, 700, 800, 900, 1000, 2000];

        var scores = QuintileScorer.Score(values);

        Assert.Equal([1, 2, 3, 4, 5], scores.Distinct().Order());
        Assert.Single(values.Zip(scores).Where(t => t.First == 1.0).Select(t => t.Second).Distinct());
        var pairs = values.Zip(scores).ToList();
        Assert.All(pairs, a => Assert.All(pairs, b =>
        {
            if (a.First < b.First) Assert.True(a.Second <= b.Second, "a higher value never gets a lower score");
            if (a.First == b.First) Assert.Equal(a.Second, b.Second);
        }));
    }

    [Fact]
    public void Evenly_spread_values_fall_into_five_equal_bins_and_recency_is_reversed()
    {
        var values = Enumerable.Range(1, 100).Select(i => (double)i).ToArray();

        var up = QuintileScorer.Score(values);
        var down = QuintileScorer.Score(values, higherIsBetter: false);

        Assert.All(Enumerable.Range(1, 5), s => Assert.Equal(20, up.Count(x => x == s)));
        Assert.Equal(5, down[0]);
        Assert.Equal(1, down[^1]);
    }
}

[Collection(RealDataCollection.Name)]
public sealed class RealDataScoreSegmentTests(RealDataFixture data)
{
    [Fact]
    public void On_the_real_data_every_score_is_used_for_r_f_and_m()
    {
        var scores = data.Run.Customers.Select(c => c.Score).ToList();

        Assert.Equal([1, 2, 3, 4, 5], scores.Select(s => s.R).Distinct().Order());
        Assert.Equal([1, 2, 3, 4, 5], scores.Select(s => s.F).Distinct().Order());
        Assert.Equal([1, 2, 3, 4, 5], scores.Select(s => s.M).Distinct().Order());
        Assert.All(data.Run.Customers, c => Assert.Equal(RfmScoreSegments.Of(c.Score.R, c.Score.F, c.Score.M), c.Score.Segment));
    }
}
