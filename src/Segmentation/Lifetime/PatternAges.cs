using Segmentation.Numerics;

namespace Segmentation.Lifetime;

/// <summary>
/// The distinct (x, t_x, T) patterns laid out by (x, T): the patterns that share one lie side by side, so that a purchase
/// model computes their shared part once (see <see cref="PurchaseModelFit.ExpectedPurchases(ReadOnlySpan{double}, int, ReadOnlySpan{double}, double, Span{double})"/>).
/// </summary>
/// <param name="Keys">The distinct (x, T), in the order the patterns first meet them.</param>
/// <param name="Start">Where each (x, T)'s patterns start in the layout, and the layout's length last.</param>
/// <param name="Recencies">Each pattern's t_x, in the layout's order.</param>
/// <param name="Position">Each pattern's place in the layout, by its index among the distinct patterns.</param>
internal sealed record PatternAges((int X, double T)[] Keys, int[] Start, double[] Recencies, int[] Position)
{
    public static PatternAges Of(Groups<(int X, double Tx, double T)> patterns)
    {
        var distinct = patterns.Keys;
        var ages = Groups<(int X, double T)>.By(distinct, p => (p.X, p.T));
        var start = new int[ages.Keys.Length + 1];
        for (var g = 0; g < ages.Keys.Length; g++) start[g + 1] = start[g] + ages.Counts[g];
        var next = start[..^1];
        var (recencies, position) = (new double[distinct.Length], new int[distinct.Length]);
        for (var k = 0; k < distinct.Length; k++)
        {
            var at = next[ages.Of(k)]++;
            position[k] = at;
            recencies[at] = distinct[k].Tx;
        }
        return new PatternAges(ages.Keys, start, recencies, position);
    }
}
