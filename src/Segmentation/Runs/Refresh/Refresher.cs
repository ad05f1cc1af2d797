using Segmentation.Clustering;
using Segmentation.Clustering.Methods;
using Segmentation.Clustering.Model;
using Segmentation.Clustering.Segments;
using Segmentation.Formatting;
using Segmentation.Numerics;
using Segmentation.Prepare;

namespace Segmentation.Runs.Refresh;

/// <summary>
/// Re-segments a new period against a previous run. With a refit, the new clusters are matched one to one to
/// the previous segments by their centroids (Hungarian algorithm, in the previous run's scaled space, so that
/// both are measured with the same ruler); a match within <see cref="RefreshOptions.MaxMatchDistance"/> keeps the
/// previous segment's name and id, a new cluster without one is a new segment, a previous one without one is gone.
/// </summary>
internal static class Refresher
{
    public static RefreshResult Run(PreviousRun previous, PreparedData current, SegmentationOptions segmentation, RefreshOptions? options = null)
    {
        options ??= RefreshOptions.Default;
        var old = previous.Model;
        SegmentationRun run;
        int[] oldLabels;
        var matches = new List<SegmentMatch>();

        if (options.Refit)
        {
            oldLabels = old.Assign(current.Rfm);
            // The previous method (and DBSCAN's parameters), and the previous k unless the caller asks for another:
            // identities are easiest to keep with the same method at the same k.
            var clustering = ClusteringMethods.Of(old.Method).Adopt(segmentation.Clustering with
            {
                Eps = old.Density?.Eps ?? segmentation.Clustering.Eps,
                MinSamples = old.Density?.MinSamples ?? segmentation.Clustering.MinSamples,
            });
            var refit = SegmentationPipeline.Segment(current, segmentation with { Clustering = clustering }, keptK: old.K);
            var fit = refit.Sweep.Fit(refit.Choice.K);
            var inOldSpace = fit.Centroids.Select(c => Transform(old, refit.Scaler.Inverse(c))).ToArray();
            var identity = Match(old, inOldSpace, refit.Model.Segments, refit.Model.Density?.NoiseCluster, options.MaxMatchDistance, matches);
            // Every file of the folder is written from this one relabelled run: the kept ids and names everywhere.
            run = Relabel(refit, identity);
        }
        else
        {
            // Scoring is the previous model's assignment: the run's labels are the ones drift compares against.
            run = ScoredRun.Of(old, current, segmentation);
            oldLabels = run.Customers.Select(c => c.Cluster).ToArray();
            matches.AddRange(old.Segments.Select((s, c) => new SegmentMatch(s.Name, "kept", c, c, 0, null)));
        }

        run = run with { Customers = WithHistory(run.Customers, previous, current.Rfm.Snapshot.Date) };
        var customers = run.Customers;
        var withShift = Shifts(old, current, customers, matches);
        var migration = SegmentMigration.Between(previous.Customers.Select(c => c.Label).ToArray(), customers.Select(SegmentMigration.Labelled.Of).ToArray());
        var drift = Drift(previous, current, customers, oldLabels, withShift, options);
        return new RefreshResult(run, migration, drift, migration.Biggest(5), previous.Folder, options);
    }

    /// <summary>
    /// The refit with its clusters renumbered to their identities: model, centroids, labels, names and profiles
    /// all move together, so that cluster 0 means the same segment in every file and in the next refresh.
    /// </summary>
    private static SegmentationRun Relabel(SegmentationRun run, Identity[] identity)
    {
        var fit = run.Sweep.Fit(run.Choice.K);
        var k = fit.K;
        var centroids = new double[k][];
        var definitions = new SegmentDefinition[k];
        for (var c = 0; c < k; c++)
        {
            centroids[identity[c].Cluster] = fit.Centroids[c];
            definitions[identity[c].Cluster] = identity[c].Definition;
        }
        var labels = fit.Labels.Select(l => identity[l].Cluster).ToArray();
        var mixture = fit.Mixture is { } m ? new Clustering.MixtureParameters(Permute(m.Weights, identity), Permute(m.Means, identity), Permute(m.Covariances, identity)) : null;
        var density = fit.Density is { } d
            ? d with { NoiseCluster = identity[d.NoiseCluster].Cluster, CoreLabels = d.CoreLabels.Select(l => identity[l].Cluster).ToArray() }
            : null;
        var relabelled = fit with { Centroids = centroids, Labels = labels, Mixture = mixture, Density = density };
        // The refit's ML.NET model serves as it is: only the map from its cluster numbers to the ids moves.
        var model = run.Model with
        {
            MlNetToCanonical = run.Model.MlNetToCanonical.Select(c => identity[c].Cluster).ToArray(),
            Centroids = centroids,
            Segments = definitions,
            Mixture = mixture,
            Density = density,
        };
        // Only the cluster and its name change: RFM scores and score-segment profiles do not depend on the clusters.
        var customers = run.Customers.Select((c, i) => c with { Cluster = labels[i], Segment = definitions[labels[i]].Name, Action = definitions[labels[i]].Actions }).ToArray();
        return run with
        {
            Sweep = run.Sweep with { Fits = run.Sweep.Fits.Select(f => f.K == k ? relabelled : f).ToArray() },
            Model = model,
            Customers = customers,
            Profiles = model.Profiles(customers),
        };
    }

    /// <summary>Per-cluster values moved to their identities' ids.</summary>
    private static T[] Permute<T>(T[] values, Identity[] identity)
    {
        var moved = new T[values.Length];
        for (var c = 0; c < values.Length; c++) moved[identity[c].Cluster] = values[c];
        return moved;
    }

    /// <summary>Each customer's segment in the previous run, and since when it has been in its current one.</summary>
    private static IReadOnlyList<CustomerSegment> WithHistory(IReadOnlyList<CustomerSegment> customers, PreviousRun previous, DateTime snapshot)
    {
        var before = previous.Customers.ToDictionary(c => c.Label.CustomerId, StringComparer.Ordinal);
        return customers.Select(c =>
        {
            if (!before.TryGetValue(c.Rfm.CustomerId, out var b)) return c with { PreviousSegment = null, SegmentSince = snapshot };
            var unchanged = b.Label.Segment == c.Segment;
            return c with { PreviousSegment = b.Label.Segment, SegmentSince = unchanged ? b.SegmentSince ?? previous.Snapshot : snapshot };
        }).ToArray();
    }

    private sealed record Identity(int Cluster, SegmentDefinition Definition);

    /// <param name="noise">DBSCAN: the refit's group of unclustered customers, matched to the previous run's and to nothing else.</param>
    private static Identity[] Match(SegmentationModel old, double[][] centroids, IReadOnlyList<SegmentDefinition> ownNames, int? noise, double maxDistance, List<SegmentMatch> matches)
    {
        int k = centroids.Length, p = old.K;
        var oldNoise = old.Density?.NoiseCluster;
        // Columns: the previous segments, then one "no match" column per new cluster at the threshold's cost.
        var cost = new double[k, p + k];
        for (var c = 0; c < k; c++)
        {
            for (var j = 0; j < p; j++)
            {
                var d2 = Clustering.Distances.Squared(centroids[c], old.Centroids[j]);
                cost[c, j] = d2 <= maxDistance * maxDistance ? d2 : 1e6;
                // The unclustered are the unclustered wherever their mean lies: never a segment, never matched to one.
                if ((c == noise) != (j == oldNoise)) cost[c, j] = 1e6;
                else if (c == noise) cost[c, j] = 0;
            }
            for (var j = p; j < p + k; j++) cost[c, j] = maxDistance * maxDistance;
        }
        var assignment = Hungarian.Solve(cost);
        var identity = new Identity[k];
        var used = new HashSet<string>(StringComparer.Ordinal);
        for (var c = 0; c < k; c++)
        {
            if (assignment[c] < p)
            {
                identity[c] = new Identity(assignment[c], old.Segments[assignment[c]]);
                used.Add(old.Segments[assignment[c]].Name);
            }
        }
        // Ids stay dense (0..k-1): a kept segment keeps its id when it fits, a new one takes the lowest free id.
        var taken = new HashSet<int>(identity.Where(i => i is not null && i.Cluster < k).Select(i => i.Cluster));
        var free = new Queue<int>(Enumerable.Range(0, k).Where(id => !taken.Contains(id)));
        var keptAt = new int?[k];
        for (var c = 0; c < k; c++)
        {
            if (identity[c] is null) continue;
            keptAt[c] = identity[c].Cluster;
            if (identity[c].Cluster >= k) identity[c] = identity[c] with { Cluster = free.Dequeue() };
        }
        for (var c = 0; c < k; c++)
        {
            if (identity[c] is not null) continue;
            // A new segment: its own name unless a kept segment has it, else the nearest free name of the catalogue.
            var (recent, value) = SegmentNamer.Position(centroids[c]);
            var definition = !used.Contains(ownNames[c].Name) ? ownNames[c]
                : SegmentCatalogue.All.Where(d => !used.Contains(d.Name)).OrderBy(d => Math.Pow(d.Recent - recent, 2) + Math.Pow(d.Value - value, 2)).First();
            used.Add(definition.Name);
            identity[c] = new Identity(free.Dequeue(), definition);
        }
        for (var c = 0; c < k; c++)
        {
            var kept = keptAt[c] is not null;
            matches.Add(new SegmentMatch(identity[c].Definition.Name, kept ? "kept" : "new", keptAt[c], identity[c].Cluster,
                kept ? Math.Sqrt(Clustering.Distances.Squared(centroids[c], old.Centroids[keptAt[c]!.Value])) : null, null));
        }
        foreach (var j in Enumerable.Range(0, p).Where(j => keptAt.All(i => i != j)))
        {
            matches.Add(new SegmentMatch(old.Segments[j].Name, "gone", j, null, null, null));
        }
        return identity;
    }

    /// <summary>Each kept segment's centre now against before: distance in the previous scaled space, shift in original units.</summary>
    private static IReadOnlyList<SegmentMatch> Shifts(SegmentationModel old, PreparedData current, IReadOnlyList<CustomerSegment> customers, List<SegmentMatch> matches)
    {
        var scaled = FeatureScaler.Apply(old.Scaler, current.Rfm);
        return matches.Select(m =>
        {
            if (m.Status != "kept" || m.PreviousCluster is not { } prev) return m;
            var members = customers.Select((c, i) => (c, i)).Where(t => t.c.Cluster == m.Cluster).Select(t => scaled[t.i]).ToArray();
            if (members.Length == 0) return m;
            var centre = Enumerable.Range(0, 3).Select(j => members.Average(x => x[j])).ToArray();
            var before = old.Scaler.Inverse(old.Centroids[prev]);
            var now = old.Scaler.Inverse(centre);
            return m with
            {
                Distance = Math.Sqrt(Clustering.Distances.Squared(centre, old.Centroids[prev])),
                Shift = [now[0] - before[0], now[1] - before[1], now[2] - before[2]],
            };
        }).ToArray();
    }

    private static DriftReport Drift(PreviousRun previous, PreparedData current, IReadOnlyList<CustomerSegment> customers, int[] oldLabels,
        IReadOnlyList<SegmentMatch> matches, RefreshOptions options)
    {
        var before = previous.Customers;
        var now = current.Rfm.Customers;
        var psiR = DriftMeasures.PsiOfValues(before.Select(c => c.Recency).ToArray(), now.Select(c => (double)c.Recency).ToArray());
        var psiF = DriftMeasures.PsiOfValues(before.Select(c => c.Frequency).ToArray(), now.Select(c => (double)c.Frequency).ToArray());
        var psiM = DriftMeasures.PsiOfValues(before.Select(c => c.Monetary).ToArray(), now.Select(c => (double)c.Monetary).ToArray());
        var names = before.Select(c => c.Label.Segment).Concat(customers.Select(c => c.Segment)).Distinct().Order(StringComparer.Ordinal).ToArray();
        double Share(IEnumerable<string> segments, string name, int total) => segments.Count(s => s == name) / (double)total;
        var psiS = DriftMeasures.PsiOfShares(
            names.Select(n => Share(before.Select(c => c.Label.Segment), n, before.Count)).ToArray(),
            names.Select(n => Share(customers.Select(c => c.Segment), n, customers.Count)).ToArray());
        var ari = AdjustedRand.Index(oldLabels, customers.Select(c => c.Cluster).ToArray());

        var reasons = new List<string>();
        void Check(string what, double psi)
        {
            if (psi > options.PsiThreshold) reasons.Add($"{what} drifted: PSI {Display.Number(psi, 3)} > {Display.Number(options.PsiThreshold, 2)}");
        }
        Check("Recency", psiR);
        Check("Frequency", psiF);
        Check("Monetary", psiM);
        Check("Segment shares", psiS);
        if (ari < options.AriThreshold) reasons.Add($"the previous model and a refit disagree on who belongs together: adjusted Rand index {Display.Number(ari, 3)} < {Display.Number(options.AriThreshold, 2)}");
        foreach (var m in matches.Where(m => m.Status == "kept" && m.Distance > options.CentroidShiftThreshold))
        {
            reasons.Add($"{m.Segment} moved {Display.Number(m.Distance!.Value, 2)} standard deviations (> {Display.Number(options.CentroidShiftThreshold, 2)})");
        }
        foreach (var m in matches.Where(m => m.Status != "kept")) reasons.Add($"{m.Segment} is {m.Status}");
        return new DriftReport(psiR, psiF, psiM, psiS, ari, matches, reasons.Count > 0, reasons);
    }

    private static double[] Transform(SegmentationModel model, double[] original) => model.Scaler.Transform(original[0], original[1], original[2]);
}
