namespace Segmentation.Clustering.Segments;

/// <summary>
/// Scores values 1..5 by rank, so that the five bins are as even as ties allow. Equal values always get the
/// same score; the four cuts are placed between distinct values, each as close as possible to its ideal
/// quantile (20%, 40%, ...), while leaving every later bin at least one distinct value. So with five or more
/// distinct values no score is left empty merely by ties (a pandas qcut on Frequency, mostly 1s, fails or
/// merges bins). With fewer than five distinct values the scores are spread over 1..5.
/// </summary>
internal static class QuintileScorer
{
    public static int[] Score(IReadOnlyList<double> values, bool higherIsBetter = true)
    {
        var n = values.Count;
        var scores = new int[n];
        if (n == 0) return scores;
        var copy = values.ToArray();
        int Of(int bin) => higherIsBetter ? bin : 6 - bin;
        if (Numerics.WholeNumbers.Histogram(copy) is var (min, histogram))
        {
            // Whole numbers in a narrow range (days, orders): each value present is a group, in ascending order, unsorted.
            var bins = Bins([.. histogram.Where(c => c > 0).Select(c => (long)c)]);
            var scoreOf = new int[histogram.Length];
            for (int v = 0, group = 0; v < histogram.Length; v++)
            {
                if (histogram[v] > 0) scoreOf[v] = Of(bins[group++]);
            }
            for (var i = 0; i < n; i++) scores[i] = scoreOf[(long)copy[i] - min];
            return scores;
        }
        // One sort of the values with their positions: the distinct values' counts from the sorted run, then each
        // position's bin from the same run (a binary search per value took as long as the sort at 316k customers).
        var sorted = copy;
        var position = new int[n];
        for (var i = 0; i < n; i++) position[i] = i;
        Array.Sort(sorted, position);
        var counts = new List<long>();
        for (var p = 0; p < n; p++)
        {
            if (p > 0 && sorted[p - 1].Equals(sorted[p])) counts[^1]++;
            else counts.Add(1);
        }
        var binOfGroup = Bins(counts);
        // The groups lie one after the other in the sorted run, each as long as its count.
        for (int group = 0, p = 0; group < counts.Count; group++)
        {
            var s = Of(binOfGroup[group]);
            for (var end = p + counts[group]; p < end; p++) scores[position[p]] = s;
        }
        return scores;
    }

    /// <summary>
    /// The bin (1..5, lowest values first) of each distinct value, given how many values each distinct value has,
    /// in ascending order of value: from a population in memory or from a database's histogram alike.
    /// </summary>
    public static int[] Bins(IReadOnlyList<long> counts)
    {
        var d = counts.Count;
        var n = counts.Sum();
        var binOfGroup = new int[d];
        if (d < 5)
        {
            for (var g = 0; g < d; g++) binOfGroup[g] = d == 1 ? 3 : 1 + (int)Math.Round(4.0 * g / (d - 1));
            return binOfGroup;
        }
        // cumulative[j] = values in the first j groups; cut b lies after group cut[b] - 1.
        var cumulative = new long[d + 1];
        for (var g = 0; g < d; g++) cumulative[g + 1] = cumulative[g] + counts[g];
        var cuts = new int[6];
        cuts[5] = d;
        for (var b = 1; b <= 4; b++)
        {
            var target = n * b / 5.0;
            int lo = cuts[b - 1] + 1, hi = d - (5 - b);
            var best = lo;
            for (var j = lo; j <= hi; j++)
            {
                if (Math.Abs(cumulative[j] - target) < Math.Abs(cumulative[best] - target)) best = j;
                if (cumulative[j] > target) break;
            }
            cuts[b] = best;
        }
        for (var b = 1; b <= 5; b++) for (var g = cuts[b - 1]; g < cuts[b]; g++) binOfGroup[g] = b;
        return binOfGroup;
    }
}
