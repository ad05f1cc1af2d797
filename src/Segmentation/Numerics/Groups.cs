namespace Segmentation.Numerics;

/// <summary>
/// Items grouped by a key: the distinct keys in the order a sequential pass first meets them, how many items have each,
/// and each item's group. Built in parallel over fixed chunks (a dictionary per chunk, merged in chunk order), so the
/// groups and their order are those of the sequential pass on any number of threads.
/// </summary>
internal sealed class Groups<TKey> where TKey : notnull
{
    /// <summary>Items per chunk: a real file's customers are one chunk, the plain sequential pass.</summary>
    public const int Chunk = 1 << 20;

    private Groups(TKey[] keys, int[] counts, int[] of) => (Keys, Counts, _of) = (keys, counts, of);

    private readonly int[] _of;

    public TKey[] Keys { get; }

    public int[] Counts { get; }

    public int Items => _of.Length;

    /// <summary>The group of the item at <paramref name="item"/>.</summary>
    public int Of(int item) => _of[item];

    /// <param name="chunk">Items per chunk; tests make it small to check the merge.</param>
    public static Groups<TKey> By<T>(IReadOnlyList<T> items, Func<T, TKey> key, int chunk = Chunk)
    {
        var of = new int[items.Count];
        var chunks = Math.Max(1, (items.Count + chunk - 1) / chunk);
        var local = new (List<TKey> Keys, List<int> Counts)[chunks];
        Parallel.For(0, chunks, c =>
        {
            var index = new Dictionary<TKey, int>();
            var (keys, counts) = (new List<TKey>(), new List<int>());
            for (int i = c * chunk, end = Math.Min(items.Count, (c + 1) * chunk); i < end; i++)
            {
                var k = key(items[i]);
                if (!index.TryGetValue(k, out var g))
                {
                    index[k] = g = keys.Count;
                    keys.Add(k);
                    counts.Add(0);
                }
                counts[g]++;
                of[i] = g;
            }
            local[c] = (keys, counts);
        });
        if (chunks == 1) return new Groups<TKey>([.. local[0].Keys], [.. local[0].Counts], of);
        var global = new Dictionary<TKey, int>();
        var (allKeys, allCounts) = (new List<TKey>(), new List<int>());
        var toGlobal = new int[chunks][];
        for (var c = 0; c < chunks; c++)
        {
            var (keys, counts) = local[c];
            toGlobal[c] = new int[keys.Count];
            for (var j = 0; j < keys.Count; j++)
            {
                if (!global.TryGetValue(keys[j], out var g))
                {
                    global[keys[j]] = g = allKeys.Count;
                    allKeys.Add(keys[j]);
                    allCounts.Add(0);
                }
                allCounts[g] += counts[j];
                toGlobal[c][j] = g;
            }
        }
        Parallel.For(0, chunks, c =>
        {
            for (int i = c * chunk, end = Math.Min(items.Count, (c + 1) * chunk); i < end; i++) of[i] = toGlobal[c][of[i]];
        });
        return new Groups<TKey>([.. allKeys], [.. allCounts], of);
    }
}
