using System.Globalization;
using Segmentation.Lifetime;

namespace Segmentation.Tests.Value;

/// <summary>
/// BG/BB on the donations data (11,104 supporters, 6 yearly opportunities) against Fader, Hardie and Shang's 2010
/// fit and their table 6, P(alive in 2002) by frequency and recency.
/// </summary>
public sealed class BgBbPublishedFiguresTests
{
    private static readonly Lazy<(int X, int Tx, int N, double Weight)[]> Donations = new(() =>
        [.. File.ReadAllLines(TestPaths.RealFile("donations_summary.csv")).Skip(1).Select(line => line.Split(','))
            .Select(c => (int.Parse(c[0], CultureInfo.InvariantCulture), int.Parse(c[1], CultureInfo.InvariantCulture),
                int.Parse(c[2], CultureInfo.InvariantCulture), double.Parse(c[3], CultureInfo.InvariantCulture)))]);

    private static readonly Lazy<BgBbFit> Fit = new(() => BgBb.Fit(Donations.Value));

    [Fact]
    public void Gives_the_published_parameters_and_log_likelihood()
    {
        var fit = Fit.Value;
        Assert.Equal(11_104, fit.Diagnostics.Customers);
        Assert.InRange(fit.Alpha, 1.204 - 0.0005, 1.204 + 0.0005);
        Assert.InRange(fit.Beta, 0.750 - 0.0005, 0.750 + 0.0005);
        Assert.InRange(fit.Gamma!.Value, 0.657 - 0.0005, 0.657 + 0.0005);
        Assert.InRange(fit.Delta!.Value, 2.783 - 0.0005, 2.783 + 0.0005);
        Assert.InRange(fit.Diagnostics.LogLikelihood, -33225.58 - 0.005, -33225.58 + 0.005);
        Assert.False(fit.Diagnostics.OnBoundary);
    }

    [Theory]
    [InlineData(0, 0, 0.11)]
    [InlineData(2, 4, 0.59)]
    [InlineData(6, 6, 0.93)]
    public void Gives_the_published_chance_of_being_alive_next_year(int x, int tx, double published)
    {
        Assert.InRange(Fit.Value.ProbabilityAlive(1, x, tx, 6), published - 0.005, published + 0.005);
    }
}
