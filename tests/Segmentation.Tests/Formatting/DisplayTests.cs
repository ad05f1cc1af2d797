using Segmentation.Formatting;

namespace Segmentation.Tests.Formatting;

public sealed class DisplayTests
{
    [Theory]
    [InlineData(474.725, "474.73")]
    [InlineData(482.655, "482.66")]
    [InlineData(0.125, "0.13")]
    [InlineData(-2.675, "-2.68")]
    [InlineData(1234567.005, "1,234,567.01")]
    public void A_half_rounds_away_from_zero_the_same_for_a_double_and_a_decimal(double value, string expected)
    {
        // 474.725 as a double is 474.72499999..., which .NET's own formatting rounds down.
        Assert.Equal(expected, Display.Money(value));
        Assert.Equal(expected, Display.Money((decimal)value));
        Assert.Equal(expected, Display.Number(value, 2));
        Assert.Equal(double.Parse(expected, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture), Display.Round(value, 2));
    }

    [Fact]
    public void Percentages_and_whole_amounts_follow_the_same_rule()
    {
        Assert.Equal("13%", Display.Percent(0.125, 0));
        Assert.Equal("2.7%", Display.Percent(0.02675 + 1e-12, 1));
        Assert.Equal("£475", Display.Currency(474.5, "£"));
        Assert.Equal("–", Display.Number(double.NaN));
    }
}
