using Segmentation.Lifetime;

namespace Segmentation.Tests.Value;

/// <summary>The at-risk rule: one half, or the lowest tenth of the high-value customers when that is higher; the user's threshold as given.</summary>
public sealed class AtRiskRuleTests
{
    // Ten customers' percentile ranks 0, 10, ..., 90 and, for each case, their P(alive).
    private static readonly double[] Ranks = [.. Enumerable.Range(0, 10).Select(i => i * 10.0)];

    private static AtRiskRule Rule(double[] alive, ClvOptions? options = null) => AtRiskRule.Of(Ranks, i => alive[i], options ?? ClvOptions.Default);

    [Fact]
    public void Where_the_model_sees_little_dropout_the_least_sure_tenth_of_the_top_is_named()
    {
        // The top fifth (ranks 80 and 90) at 0.97 and 0.99: nobody below one half, the lower of the two is the cut.
        var rule = Rule([0.2, 0.3, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.99, 0.97]);
        Assert.True(rule.Relative);
        Assert.Equal(1, rule.Customers);
        Assert.True(rule.Flags(90, 0.97));
        Assert.False(rule.Flags(80, 0.99));
        // Low P(alive) outside the top fifth is not high value.
        Assert.False(rule.Flags(10, 0.3));
    }

    [Fact]
    public void Where_the_model_sees_real_dropout_one_half_names_more_and_is_kept()
    {
        var rule = Rule([0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.1, 0.3]);
        Assert.False(rule.Relative);
        Assert.Equal(0.5, rule.AliveBelow);
        Assert.Equal(2, rule.Customers);
    }

    [Fact]
    public void A_model_without_dropout_names_nobody_and_the_users_threshold_and_share_are_taken_as_given()
    {
        Assert.Equal(0, Rule([.. Enumerable.Repeat(1.0, 10)]).Customers);
        var alive = new[] { 0.1, 0.1, 0.1, 0.1, 0.1, 0.6, 0.6, 0.7, 0.8, 0.95 };
        var fixedRule = Rule(alive, ClvOptions.Default with { AtRiskAliveBelow = 0.9 });
        Assert.False(fixedRule.Relative);
        Assert.Equal(1, fixedRule.Customers);
        // The top half (ranks 50-90) below 0.75: three.
        Assert.Equal(3, Rule(alive, ClvOptions.Default with { AtRiskTopShare = 0.5, AtRiskAliveBelow = 0.75 }).Customers);
    }
}
