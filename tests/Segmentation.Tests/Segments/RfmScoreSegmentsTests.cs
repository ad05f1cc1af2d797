using Segmentation.Clustering.Segments;

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

    /// <summary>The table of ../shared/reference/rfm_segments.md, transcribed here by hand: an oracle independent of the code.</summary>
    private static readonly Dictionary<string, string> Reference = new()
    {
        ["Champions"] = "555 554 544 545 454 455 445",
        ["Loyal"] = "543 444 435 355 354 345 344 335",
        ["Potential Loyalist"] = "553 551 552 541 542 533 532 531 452 451 442 441 431 453 433 432 423 353 352 351 342 341 333 323",
        ["New Customers"] = "512 511 422 421 412 411 311",
        ["Promising"] = "525 524 523 522 521 515 514 513 425 424 413 414 415 315 314 313",
        ["Need Attention"] = "535 534 443 434 343 334 325 324",
        ["About To Sleep"] = "331 321 312 221 213 231 241 251",
        ["At Risk"] = "255 254 245 244 253 252 243 242 235 234 225 224 153 152 145 143 142 135 134 133 125 124",
        ["Can't Lose Them"] = "155 154 144 214 215 115 114 113",
        ["Hibernating"] = "332 322 233 232 223 222 132 123 122 212 211",
        ["Lost"] = "111 112 121 131 141 151",
    };

    [Fact]
    public void Every_code_names_the_segment_of_the_reference_table()
    {
        foreach (var (segment, codes) in Reference)
        {
            foreach (var code in codes.Split(' '))
            {
                Assert.Equal(segment, RfmScoreSegments.Of(code[0] - '0', code[1] - '0', code[2] - '0'));
            }
        }
        Assert.Equal(125, Reference.Values.Sum(v => v.Split(' ').Length));
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
[Trait(Tier.Name, Tier.Full)]
public sealed class RealDataScoreSegmentTests(RealDataFixture data)
{
    [Fact]
    public void On_the_real_data_every_score_is_used_for_r_f_and_m()
    {
        var scores = data.Run.Customers.Select(c => c.Score).ToList();

        Assert.Equal([1, 2, 3, 4, 5], scores.Select(s => s.R).Distinct().Order());
        Assert.Equal([1, 2, 3, 4, 5], scores.Select(s => s.F).Distinct().Order());
        Assert.Equal([1, 2, 3, 4, 5], scores.Select(s => s.M).Distinct().Order());
    }

    [Theory]
    // 12346: one order of 77,183.60, 325 days ago: worst recency, fewest orders, highest spend.
    [InlineData("12346", "115", "Can't Lose Them")]
    // 12347: 7 orders worth 4,310.00, the last 2 days before the snapshot.
    [InlineData("12347", "555", "Champions")]
    public void Known_customers_get_the_scores_and_segment_their_figures_imply(string customer, string code, string segment)
    {
        var c = data.Run.Customers.Single(x => x.Rfm.CustomerId == customer);

        Assert.Equal(code, c.Score.Code);
        Assert.Equal(segment, c.Score.Segment);
    }
}
