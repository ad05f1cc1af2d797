using System.Collections.Concurrent;

namespace Segmentation.Clustering;

/// <summary>
/// The restarts of a sweep that may still be kept, k by k, as their fits finish in any order: the lowest inertia, and
/// of the restarts within <see cref="SameInertia"/> of it (the same partition, told apart by rounding alone, which the
/// order of a sum can change) the first, as scikit-learn keeps the first restart of a clustering. A fit that can no
/// longer be kept gives its labels back for the next fit to write into: at 1.3M customers every fit's own labels
/// were 90 fresh arrays of 5 MB, all alive to the end of the sweep.
/// </summary>
internal sealed class KeptFits(int points)
{
    /// <summary>Inertias within this relative difference are the same partition, told apart by rounding only.</summary>
    private const double SameInertia = 1e-9;

    private readonly ConcurrentBag<int[]> _free = [];
    private readonly Dictionary<int, List<(int Restart, KMeans.Result Result)>> _candidates = [];

    /// <summary>An array for a fit's labels: one given back, or a new one.</summary>
    public int[] Labels() => _free.TryTake(out var labels) ? labels : new int[points];

    /// <summary>A finished fit of <paramref name="k"/> clusters: kept while it may still be the best, else its labels go back.</summary>
    public void Offer(int k, int restart, KMeans.Result result)
    {
        lock (_candidates)
        {
            if (!_candidates.TryGetValue(k, out var candidates)) _candidates[k] = candidates = [];
            candidates.Add((restart, result));
            var limit = candidates.Min(c => c.Result.Inertia) * (1 + SameInertia);
            foreach (var dropped in candidates.Where(c => c.Result.Inertia > limit)) _free.Add(dropped.Result.Labels);
            candidates.RemoveAll(c => c.Result.Inertia > limit);
        }
    }

    /// <summary>The kept restart of <paramref name="k"/> clusters, once all its fits are offered.</summary>
    public (int Restart, KMeans.Result Result) Best(int k)
    {
        lock (_candidates)
        {
            return _candidates[k].MinBy(c => c.Restart);
        }
    }
}
