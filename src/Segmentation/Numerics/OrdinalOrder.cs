namespace Segmentation.Numerics;

/// <summary>
/// The ordinal order of strings (<see cref="string.CompareOrdinal(string, string)"/>, ties by position) as a
/// permutation, sorted on their first eight characters packed into two numbers: the strings themselves are read only
/// where those tie. A sort that compares the strings reads them from wherever they were made, a cache miss each time
/// for a million customer ids made in the engine's order (see HISTORY.md, ninth session).
/// </summary>
internal static class OrdinalOrder
{
    /// <summary>Whether the strings are already in ordinal order (then <see cref="Of"/> is every index in turn).</summary>
    public static bool IsOrdered(string[] keys)
    {
        for (var i = 1; i < keys.Length; i++)
        {
            if (string.CompareOrdinal(keys[i - 1], keys[i]) > 0) return false;
        }
        return true;
    }

    /// <summary>order[i] is the index in <paramref name="keys"/> of the i-th string in ordinal order.</summary>
    public static int[] Of(string[] keys)
    {
        var entries = new Entry[keys.Length];
        for (var i = 0; i < entries.Length; i++) entries[i] = new Entry(Pack(keys[i], 0), Pack(keys[i], 4), i);
        entries.AsSpan().Sort(new Comparer(keys));
        var order = new int[entries.Length];
        for (var i = 0; i < order.Length; i++) order[i] = entries[i].Index;
        return order;
    }

    private readonly record struct Entry(ulong Head, ulong Tail, int Index);

    /// <summary>
    /// Four UTF-16 code units from <paramref name="from"/>, the first in the highest bits, zeros past the end. Where two
    /// strings' packed numbers differ, they are in the strings' ordinal order; where they tie (a string that ends, a
    /// zero character, a longer common start), the strings are compared in full.
    /// </summary>
    private static ulong Pack(string s, int from)
    {
        ulong packed = 0;
        for (var j = from; j < from + 4; j++) packed = packed << 16 | (j < s.Length ? s[j] : 0u);
        return packed;
    }

    private readonly struct Comparer(string[] keys) : IComparer<Entry>
    {
        public int Compare(Entry a, Entry b)
        {
            if (a.Head != b.Head) return a.Head.CompareTo(b.Head);
            if (a.Tail != b.Tail) return a.Tail.CompareTo(b.Tail);
            var full = string.CompareOrdinal(keys[a.Index], keys[b.Index]);
            return full != 0 ? full : a.Index.CompareTo(b.Index);
        }
    }
}
