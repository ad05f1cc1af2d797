using Segmentation.Numerics;
using Segmentation.Features;

namespace Segmentation.Segments;

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

    /// <param name="probabilities">Each customer's probability of its segment (a Gaussian mixture's); null for the other methods.</param>
    public static IReadOnlyList<CustomerSegment> Customers(RfmTable rfm, int[] labels, IReadOnlyList<SegmentDefinition> names, double[]? probabilities = null)
    {
        var scores = Scores(rfm);
        return rfm.Customers.Select((c, i) => new CustomerSegment(c, scores[i], labels[i], names[labels[i]].Name, names[labels[i]].Actions)
        {
            SegmentSince = rfm.Snapshot.Date,
            Probability = probabilities?[i],
        }).ToArray();
    }

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
        return names.Select((d, cluster) =>
        {
            var assigned = customers.Where(c => c.Cluster == cluster).ToList();
            var members = assigned.Select(c => c.Rfm).ToList();
            var probabilities = assigned.Where(c => c.Probability is not null).Select(c => c.Probability!.Value).ToList();
            var seg = members.Sum(m => m.Monetary);
            return new SegmentProfile(
                cluster, d.Name, d.Description, d.Actions, d.Priority,
                members.Count,
                total == 0 ? 0 : members.Count / (double)total,
                Statistics.Mean(members.Select(m => (double)m.Recency)), Statistics.Median(members.Select(m => (double)m.Recency)),
                Statistics.Mean(members.Select(m => (double)m.Frequency)), Statistics.Median(members.Select(m => (double)m.Frequency)),
                Statistics.Mean(members.Select(m => (double)m.Monetary)), Statistics.Median(members.Select(m => (double)m.Monetary)),
                seg,
                revenue == 0 ? 0 : (double)(seg / revenue),
                centroidsOriginal[cluster],
                members.GroupBy(m => m.Country ?? "(unknown)")
                    .Select(g => new CountryCount(g.Key, g.Count()))
                    .OrderByDescending(g => g.Customers).ThenBy(g => g.Country, StringComparer.Ordinal)
                    .Take(3).ToArray())
            {
                ConfidentShare = probabilities.Count == 0 ? null : probabilities.Count(p => p >= SegmentProfile.ConfidentProbability) / (double)probabilities.Count,
                MeanProbability = probabilities.Count == 0 ? null : probabilities.Average(),
                MeanClv = valued ? Statistics.Mean(assigned.Select(c => c.Value!.Clv)) : null,
                ClvShare = valued ? (allValue > 0 ? assigned.Sum(c => c.Value!.Clv) / allValue : 0) : null,
                AtRisk = valued ? assigned.Count(c => c.Value!.AtRiskOfLeaving) : null,
            };
        }).ToArray();
    }

    public static IReadOnlyList<ScoreSegmentProfile> ScoreProfiles(IReadOnlyList<CustomerSegment> customers)
    {
        var total = customers.Count;
        var revenue = customers.Sum(c => c.Rfm.Monetary);
        return RfmScoreSegments.Codes.Keys.Select(name =>
        {
            var members = customers.Where(c => c.Score.Segment == name).ToList();
            var seg = members.Sum(m => m.Rfm.Monetary);
            return new ScoreSegmentProfile(name, members.Count, total == 0 ? 0 : members.Count / (double)total, seg, revenue == 0 ? 0 : (double)(seg / revenue));
        }).ToArray();
    }
}
