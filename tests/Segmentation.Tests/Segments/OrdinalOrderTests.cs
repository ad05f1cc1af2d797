using Segmentation.Numerics;

namespace Segmentation.Tests.Segments;

public sealed class OrdinalOrderTests
{
    [Fact]
    public void Strings_that_tie_on_their_packed_start_are_ordered_in_full()
    {
        // Prefixes, a zero character, a shared start longer than eight characters, the empty string, a surrogate pair
        // (ordinal order is by UTF-16 unit: U+1F600 sorts before U+FF01) and repeats, which keep their positions.
        string[] keys =
        [
            "a", "a\0", "a\0b", "ab", "", "12345678", "123456789", "123456780", "12345678\0", "1234567", "17850", "17850",
            "\U0001F600", "\uFF01", "\uFFFF", "A", "z", "customer-000001", "customer-000010", "customer-00001",
        ];
        var expected = Enumerable.Range(0, keys.Length).OrderBy(i => keys[i], StringComparer.Ordinal).ToArray();
        Assert.Equal(expected, OrdinalOrder.Of(keys));
    }

    [Fact]
    public void Random_ids_come_out_in_the_order_an_ordinal_sort_gives()
    {
        var random = new Random(11);
        var alphabet = "0123456789ABab-\0\uD83D\uDE00\uFF01";
        var keys = Enumerable.Range(0, 20_000)
            .Select(_ => new string(Enumerable.Range(0, random.Next(0, 14)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray()))
            .ToArray();
        var expected = Enumerable.Range(0, keys.Length).OrderBy(i => keys[i], StringComparer.Ordinal).ToArray();
        Assert.Equal(expected, OrdinalOrder.Of(keys));
    }

    [Fact]
    public void Strings_in_code_point_order_are_not_taken_as_ordinal_where_a_surrogate_pair_tells_them_apart()
    {
        // An engine sorting UTF-8 bytes puts U+FF01 before U+1F600; ordinal order, by UTF-16 unit, puts it after.
        string[] engine = ["17850", "\uFF01", "\U0001F600"];
        string[] sorted = ["17850", "17850", "\U0001F600", "\uFF01"];

        Assert.False(OrdinalOrder.IsOrdered(engine));
        Assert.Equal([0, 2, 1], OrdinalOrder.Of(engine));
        Assert.True(OrdinalOrder.IsOrdered(sorted));
        Assert.True(OrdinalOrder.IsOrdered([]));
    }
}
