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

    /// <remarks>
    /// One pass over the customers gathers every segment's figures: at 949k customers the LINQ queries per segment
    /// (each following every customer's references again) took 0.7-0.8 s, most of it waiting on memory. Every sum
    /// still adds in the customers' order, as the queries did, so the profiles are the same to the last bit.
    /// </remarks>
    public static IReadOnlyList<SegmentProfile> Profiles(IReadOnlyList<CustomerSegment> customers, IReadOnlyList<SegmentDefinition> names, double[][] centroidsOriginal)
    {
        var total = customers.Count;
        var k = names.Count;
        var sizes = new int[k];
        foreach (var c in customers) sizes[c.Cluster]++;
        var (recency, frequency, monetary) = (new double[k][], new double[k][], new double[k][]);
        var countries = new Dictionary<string, int>[k];
        for (var s = 0; s < k; s++) (recency[s], frequency[s], monetary[s], countries[s]) = (new double[sizes[s]], new double[sizes[s]], new double[sizes[s]], new(StringComparer.Ordinal));
        var (filled, revenues) = (new int[k], new decimal[k]);
        var (recencySums, frequencySums, monetarySums) = (new double[k], new double[k], new double[k]);
        var (probabilityCounts, probabilitySums, confident) = (new int[k], new double[k], new int[k]);
        var (clvSums, atRisk, borderline, contradicting) = (new double[k], new int[k], new int[k], new int[k]);
        var (revenue, allValue, allRecency, allFrequency, allMonetary) = (0m, 0.0, 0.0, 0.0, 0.0);
        var valued = total > 0;
        foreach (var c in customers)
        {
            var (rfm, s) = (c.Rfm, c.Cluster);
            var (r, f, m) = ((double)rfm.Recency, (double)rfm.Frequency, (double)rfm.Monetary);
            var i = filled[s]++;
            (recency[s][i], frequency[s][i], monetary[s][i]) = (r, f, m);
            (recencySums[s], frequencySums[s], monetarySums[s]) = (recencySums[s] + r, frequencySums[s] + f, monetarySums[s] + m);
            (allRecency, allFrequency, allMonetary) = (allRecency + r, allFrequency + f, allMonetary + m);
            revenues[s] += rfm.Monetary;
            revenue += rfm.Monetary;
            System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(countries[s], rfm.Country ?? SalesSummary.UnknownCountry, out _)++;
            if (c.Probability is { } p)
            {
                probabilityCounts[s]++;
                probabilitySums[s] += p;
                if (p >= SegmentProfile.ConfidentProbability) confident[s]++;
            }
            if (c.Value is { } value)
            {
                clvSums[s] += value.Clv;
                allValue += value.Clv;
                if (value.AtRiskOfLeaving) atRisk[s]++;
            }
            else valued = false;
            if (c.Borderline) borderline[s]++;
            if (c.RecencyContradictsName) contradicting[s]++;
        }
        (allRecency, allFrequency, allMonetary) = total == 0 ? (double.NaN, double.NaN, double.NaN) : (allRecency / total, allFrequency / total, allMonetary / total);
        return names.Select((d, cluster) =>
        {
            var size = sizes[cluster];
            var (meanRecency, meanFrequency, meanMonetary) = size == 0
                ? (double.NaN, double.NaN, double.NaN)
                : (recencySums[cluster] / size, frequencySums[cluster] / size, monetarySums[cluster] / size);
            var description = d == SegmentCatalogue.Unclustered
                ? d.Description
                : SegmentDescriber.Describe(meanRecency, meanFrequency, meanMonetary, allRecency, allFrequency, allMonetary);
            var probabilities = probabilityCounts[cluster];
            return new SegmentProfile
            {
                Cluster = cluster,
                Segment = d.Name,
                Description = description,
                Actions = d.Actions,
                Priority = d.Priority,
                Customers = size,
                Share = total == 0 ? 0 : size / (double)total,
                MeanRecency = meanRecency,
                MedianRecency = Statistics.Median(recency[cluster]),
                MeanFrequency = meanFrequency,
                MedianFrequency = Statistics.Median(frequency[cluster]),
                MeanMonetary = meanMonetary,
                MedianMonetary = Statistics.Median(monetary[cluster]),
                Revenue = revenues[cluster],
                RevenueShare = revenue == 0 ? 0 : (double)(revenues[cluster] / revenue),
                Centroid = centroidsOriginal[cluster],
                TopCountries = TopCountries(countries[cluster]),
                ConfidentShare = probabilities == 0 ? null : confident[cluster] / (double)probabilities,
                MeanProbability = probabilities == 0 ? null : probabilitySums[cluster] / probabilities,
                MeanClv = valued ? (size == 0 ? double.NaN : clvSums[cluster] / size) : null,
                ClvShare = valued ? (allValue > 0 ? clvSums[cluster] / allValue : 0) : null,
                AtRisk = valued ? atRisk[cluster] : null,
                Borderline = borderline[cluster],
                RecencyContradictsName = contradicting[cluster],
            };
        }).ToArray();
    }

    /// <summary>The three countries with the most customers of a segment, ties by name.</summary>
    private static CountryCount[] TopCountries(Dictionary<string, int> counts) =>
        [.. counts.Select(c => new CountryCount(c.Key, c.Value))
            .OrderByDescending(c => c.Customers).ThenBy(c => c.Country, StringComparer.Ordinal)
            .Take(3)];

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
