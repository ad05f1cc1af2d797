using Segmentation.Numerics;
using Segmentation.Prepare;

namespace Segmentation.Clustering.Segments;

/// <summary>From labels to segments: names, per-customer rows, cluster profiles and score-segment profiles.</summary>
internal static class SegmentBuilder
{
    /// <summary>Cluster means of recency, frequency and monetary in original units.</summary>
    public static double[][] Means(RfmTable rfm, int[] labels, int k)
    {
        var sums = new double[k][];
        var counts = new int[k];
        for (var c = 0; c < k; c++) sums[c] = new double[3];
        for (var i = 0; i < labels.Length; i++)
        {
            var r = rfm.Customers[i];
            sums[labels[i]][0] += r.Recency;
            sums[labels[i]][1] += r.Frequency;
            sums[labels[i]][2] += (double)r.Monetary;
            counts[labels[i]]++;
        }
        for (var c = 0; c < k; c++) for (var j = 0; j < 3; j++) sums[c][j] = counts[c] > 0 ? sums[c][j] / counts[c] : double.NaN;
        return sums;
    }

    /// <summary>Each customer with their value, by id (a customer the value does not cover keeps none).</summary>
    public static IReadOnlyList<CustomerSegment> WithValues(IReadOnlyList<CustomerSegment> customers, IReadOnlyList<Lifetime.CustomerValue> values)
    {
        var byId = values.ToDictionary(v => v.CustomerId, StringComparer.Ordinal);
        return [.. customers.Select(c => c with { Value = byId.GetValueOrDefault(c.Rfm.CustomerId) })];
    }

    /// <summary>
    /// A customer is borderline when its second-nearest segment centre is less than this fraction further away than
    /// its own: a small change in its figures would move it.
    /// </summary>
    public const double BorderlineMargin = 0.1;

    /// <param name="features">Each customer's scaled features, in the order of <paramref name="rfm"/>.</param>
    /// <param name="centroids">The segments' centres in the same scaled space.</param>
    /// <param name="probabilities">Each customer's probability of its segment (a Gaussian mixture's); null for the other methods.</param>
    public static IReadOnlyList<CustomerSegment> Customers(RfmTable rfm, int[] labels, IReadOnlyList<SegmentDefinition> names,
        double[][] features, double[][] centroids, double[]? probabilities = null)
    {
        var scores = Scores(rfm);
        var recency = Statistics.Sorted(rfm.Customers.Select(c => (double)c.Recency));
        var (lowerQuartile, upperQuartile) = (Statistics.Quantile(recency, 0.25), Statistics.Quantile(recency, 0.75));
        return rfm.Customers.Select((c, i) =>
        {
            var own = labels[i];
            var name = names[own];
            // DBSCAN's unclustered customers have no centre of their own to be near.
            var centred = own < centroids.Length && name != SegmentCatalogue.Unclustered;
            var distance = centred ? Math.Sqrt(Distances.Squared(features[i], centroids[own])) : double.NaN;
            var second = double.PositiveInfinity;
            for (var j = 0; j < centroids.Length; j++)
            {
                if (j == own || (j < names.Count && names[j] == SegmentCatalogue.Unclustered)) continue;
                second = Math.Min(second, Math.Sqrt(Distances.Squared(features[i], centroids[j])));
            }
            return new CustomerSegment(c, scores[i], own, name.Name, name.Actions)
            {
                SegmentSince = rfm.Snapshot.Date,
                Probability = probabilities?[i],
                DistanceToCentre = distance,
                Borderline = centred && double.IsFinite(second) && second - distance < BorderlineMargin * second,
                RecencyContradictsName = ContradictsName(name, c.Recency, lowerQuartile, upperQuartile),
            };
        }).ToArray();
    }

    /// <summary>
    /// A name that says "recent" (Champions, New Customers...) given to a customer whose recency is in the longest
    /// quarter of all customers', or a name that says "long ago" (Lost, Hibernating...) given to one in the shortest:
    /// its clustering placed it by frequency and spend, and its own recency says otherwise.
    /// </summary>
    public static bool ContradictsName(SegmentDefinition name, int recency, double lowerQuartile, double upperQuartile) =>
        (name.Recent >= SegmentNamer.Clear && recency > upperQuartile) || (name.Recent <= -SegmentNamer.Clear && recency < lowerQuartile);

    /// <summary><see cref="ContradictsName"/> as SQL over a customer's recency, for the database that scores its customers.</summary>
    public static string ContradictsNameSql(SegmentDefinition name, string recency, double lowerQuartile, double upperQuartile) =>
        name.Recent >= SegmentNamer.Clear ? $"{recency} > {Model.ModelSql.Exact(upperQuartile)}"
        : name.Recent <= -SegmentNamer.Clear ? $"{recency} < {Model.ModelSql.Exact(lowerQuartile)}"
        : "0";

    /// <summary><see cref="CustomerSegment.Borderline"/>'s rule as SQL over the distances to the customer's centre and to the nearest other.</summary>
    public static string BorderlineSql(string distance, string second) =>
        $"isFinite({second}) AND {second} - {distance} < {Model.ModelSql.Exact(BorderlineMargin)} * {second}";

    /// <summary>R, F and M quintile scores of every customer, relative to this population.</summary>
    public static RfmScore[] Scores(RfmTable rfm)
    {
        var r = QuintileScorer.Score(rfm.RecencyColumn(), higherIsBetter: false);
        var f = QuintileScorer.Score(rfm.FrequencyColumn());
        var m = QuintileScorer.Score(rfm.MonetaryColumn());
        return r.Select((_, i) => new RfmScore(r[i], f[i], m[i])).ToArray();
    }

    public static IReadOnlyList<SegmentProfile> Profiles(IReadOnlyList<CustomerSegment> customers, IReadOnlyList<SegmentDefinition> names, double[][] centroidsOriginal)
    {
        var total = customers.Count;
        var revenue = customers.Sum(c => c.Rfm.Monetary);
        var valued = customers.Count > 0 && customers.All(c => c.Value is not null);
        var allValue = valued ? customers.Sum(c => c.Value!.Clv) : 0;
        var allRecency = Statistics.Mean(customers.Select(c => (double)c.Rfm.Recency));
        var allFrequency = Statistics.Mean(customers.Select(c => (double)c.Rfm.Frequency));
        var allMonetary = Statistics.Mean(customers.Select(c => (double)c.Rfm.Monetary));
        // Each segment's customers in one pass, in the customers' order (the sums below add in that order, as before).
        var byCluster = names.Select(_ => new List<CustomerSegment>()).ToArray();
        foreach (var c in customers) byCluster[c.Cluster].Add(c);
        return names.Select((d, cluster) =>
        {
            var assigned = byCluster[cluster];
            var members = assigned.Select(c => c.Rfm).ToList();
            var probabilities = assigned.Where(c => c.Probability is not null).Select(c => c.Probability!.Value).ToList();
            var seg = members.Sum(m => m.Monetary);
            var (recency, frequency, monetary) = (Statistics.Mean(members.Select(m => (double)m.Recency)),
                Statistics.Mean(members.Select(m => (double)m.Frequency)), Statistics.Mean(members.Select(m => (double)m.Monetary)));
            var description = d == SegmentCatalogue.Unclustered
                ? d.Description
                : SegmentDescriber.Describe(recency, frequency, monetary, allRecency, allFrequency, allMonetary);
            return new SegmentProfile
            {
                Cluster = cluster,
                Segment = d.Name,
                Description = description,
                Actions = d.Actions,
                Priority = d.Priority,
                Customers = members.Count,
                Share = total == 0 ? 0 : members.Count / (double)total,
                MeanRecency = recency,
                MedianRecency = Statistics.Median(members.Select(m => (double)m.Recency)),
                MeanFrequency = frequency,
                MedianFrequency = Statistics.Median(members.Select(m => (double)m.Frequency)),
                MeanMonetary = monetary,
                MedianMonetary = Statistics.Median(members.Select(m => (double)m.Monetary)),
                Revenue = seg,
                RevenueShare = revenue == 0 ? 0 : (double)(seg / revenue),
                Centroid = centroidsOriginal[cluster],
                TopCountries = TopCountries(members),
                ConfidentShare = probabilities.Count == 0 ? null : probabilities.Count(p => p >= SegmentProfile.ConfidentProbability) / (double)probabilities.Count,
                MeanProbability = probabilities.Count == 0 ? null : probabilities.Average(),
                MeanClv = valued ? Statistics.Mean(assigned.Select(c => c.Value!.Clv)) : null,
                ClvShare = valued ? (allValue > 0 ? assigned.Sum(c => c.Value!.Clv) / allValue : 0) : null,
                AtRisk = valued ? assigned.Count(c => c.Value!.AtRiskOfLeaving) : null,
                Borderline = assigned.Count(c => c.Borderline),
                RecencyContradictsName = assigned.Count(c => c.RecencyContradictsName),
            };
        }).ToArray();
    }

    /// <summary>The three countries with the most of <paramref name="members"/>, ties by name.</summary>
    private static CountryCount[] TopCountries(IEnumerable<CustomerRfm> members)
    {
        // Counted in place: grouping gathered every member into a list per country first (0.45 s at 949k customers).
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var m in members) System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, m.Country ?? "(unknown)", out _)++;
        return [.. counts.Select(c => new CountryCount(c.Key, c.Value))
            .OrderByDescending(c => c.Customers).ThenBy(c => c.Country, StringComparer.Ordinal)
            .Take(3)];
    }

    public static IReadOnlyList<ScoreSegmentProfile> ScoreProfiles(IReadOnlyList<CustomerSegment> customers)
    {
        var total = customers.Count;
        var revenue = 0m;
        // One pass: each customer's score segment looked up once, not once per segment.
        var bySegment = new Dictionary<string, (int Customers, decimal Revenue)>(StringComparer.Ordinal);
        foreach (var c in customers)
        {
            ref var segment = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(bySegment, c.Score.Segment, out _);
            segment = (segment.Customers + 1, segment.Revenue + c.Rfm.Monetary);
            revenue += c.Rfm.Monetary;
        }
        return RfmScoreSegments.Codes.Keys.Select(name =>
        {
            var (members, seg) = bySegment.GetValueOrDefault(name);
            return new ScoreSegmentProfile(name, members, total == 0 ? 0 : members / (double)total, seg, revenue == 0 ? 0 : (double)(seg / revenue));
        }).ToArray();
    }
}
