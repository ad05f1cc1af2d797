using Segmentation.Prepare;

namespace Segmentation.Clustering.Segments;

/// <summary>
/// Names clusters from their centroids. Each cluster is placed by two coordinates of its centroid in the
/// scaled space: how recent (-recency z-score) and how valuable (mean of the frequency and monetary
/// z-scores). Names are then matched one to one to clusters by the optimal assignment (Hungarian algorithm)
/// that minimises the squared distance between each cluster and its name's prototype, so the same
/// centroids always get the same names and no name is used twice. Two names are earned outright:
/// Champions only by a cluster with the lowest mean recency and the highest mean frequency and monetary of
/// all, Lost only by one with the highest mean recency and the lowest mean frequency and monetary. A name
/// that contradicts the side of the average a cluster is on is never given (<see cref="Contradiction"/>): a
/// cluster that no free name agrees with is a numbered group, which says so, rather than a name its figures deny.
/// </summary>
internal static class SegmentNamer
{
    private const double Forbidden = 1e6;
    // A generic name costs more than any agreeing catalogue name and less than a contradicting one.
    private const double Generic = 1e3;
    private const double GenericSpread = 100;

    /// <param name="centroids">Cluster centroids in the scaled space (recency, frequency, monetary).</param>
    /// <param name="means">Cluster mean recency, frequency and monetary in original units.</param>
    public static IReadOnlyList<SegmentDefinition> Name(double[][] centroids, double[][] means)
    {
        var k = centroids.Length;
        var catalogue = SegmentCatalogue.All;
        var columns = catalogue.Count + k;
        var cost = new double[k, columns];
        for (var c = 0; c < k; c++)
        {
            var (recent, value) = Position(centroids[c]);
            for (var s = 0; s < columns; s++)
            {
                // The further a cluster is from the average customer, the dearer a generic name: when one cluster
                // must go without a catalogue name, it is the least distinctive one, never the best or the worst.
                if (s >= catalogue.Count) { cost[c, s] = Generic + GenericSpread * (recent * recent + value * value); continue; }
                var d = catalogue[s];
                var dr = recent - d.Recent;
                var dv = value - d.Value;
                cost[c, s] = dr * dr + dv * dv + Contradiction(d, recent, value);
                if (d.Name == SegmentCatalogue.Champions && !Dominates(c, means)) cost[c, s] += Forbidden;
                if (d.Name == SegmentCatalogue.Lost && !IsDominated(c, means)) cost[c, s] += Forbidden;
            }
        }
        var assignment = Hungarian.Solve(cost);
        return assignment.Select((s, c) => s < catalogue.Count
            ? catalogue[s]
            : new SegmentDefinition($"Group {c + 1}", "A further group that none of the standard segments describes.", "Study this group before acting on it.", "Low", 0, 0))
            .ToArray();
    }

    /// <summary>
    /// A name that is clearly on one side of an axis (|prototype| >= <see cref="Clear"/>) contradicts a cluster
    /// on the other side of the average: a "long ago" name for a recent cluster, a "high value" name for a
    /// low-value one. Such a pairing costs more than a generic name, so it is never chosen.
    /// </summary>
    public static double Contradiction(SegmentDefinition name, double recent, double value) =>
        (Math.Abs(name.Recent) >= Clear && Math.Sign(name.Recent) != Math.Sign(recent) ? ContradictionCost : 0) +
        (Math.Abs(name.Value) >= Clear && Math.Sign(name.Value) != Math.Sign(value) ? ContradictionCost : 0);

    public const double Clear = 0.5;
    private const double ContradictionCost = 1e4;

    /// <summary>Where a centroid sits: (recent, value), both positive for the better side.</summary>
    public static (double Recent, double Value) Position(ReadOnlySpan<double> centroid) =>
        (-centroid[0], (centroid[1] + centroid[2]) / 2);

    /// <summary>Lowest mean recency and highest mean frequency and monetary of all clusters.</summary>
    public static bool Dominates(int c, double[][] means) => means.Select((m, i) => (m, i)).Where(t => t.i != c)
        .All(t => means[c][0] < t.m[0] && means[c][1] > t.m[1] && means[c][2] > t.m[2]);

    /// <summary>Highest mean recency and lowest mean frequency and monetary of all clusters.</summary>
    public static bool IsDominated(int c, double[][] means) => means.Select((m, i) => (m, i)).Where(t => t.i != c)
        .All(t => means[c][0] > t.m[0] && means[c][1] < t.m[1] && means[c][2] < t.m[2]);

    /// <summary>The names of any fit of the sweep (the notebooks and tests look at every k).</summary>
    public static IReadOnlyList<SegmentDefinition> Name(RfmTable rfm, ClusterFit fit)
    {
        var means = SegmentBuilder.Means(rfm, fit.Labels, fit.K);
        if (fit.Density is not { } density) return Name(fit.Centroids, means);
        // DBSCAN's customers in no cluster are not a segment to name by its centre: they are kept apart as such.
        var clusters = density.NoiseCluster;
        return [.. Name(fit.Centroids[..clusters], means[..clusters]), SegmentCatalogue.Unclustered];
    }
}
