using Segmentation.Numerics;
using Segmentation.Prepare;

namespace Segmentation.Clustering.Model;

/// <summary>
/// What a model was fitted on, kept with it so that new data can be checked against it: the window its RFM was
/// measured over and how recency, frequency and monetary were spread (deciles and the share of customers in each).
/// </summary>
/// <param name="WindowDays">Days from the first kept purchase to the snapshot: how long frequency and spend were counted over.</param>
public sealed record TrainingProfile(DateTime FirstDate, DateTime Snapshot, int WindowDays, int Customers, IReadOnlyList<FeatureBins> Features)
{
    internal static TrainingProfile Of(RfmTable rfm, DateTime firstDate) => new(
        firstDate.Date,
        rfm.Snapshot,
        (rfm.Snapshot.Date - firstDate.Date).Days,
        rfm.Count,
        [
            PopulationStability.Bins("Recency", rfm.RecencyColumn()),
            PopulationStability.Bins("Frequency", rfm.FrequencyColumn()),
            PopulationStability.Bins("Monetary", rfm.MonetaryColumn()),
        ]);

    /// <summary>
    /// How far customers given by their recency, frequency and monetary have moved from the training customers;
    /// empty below <see cref="PopulationStability.MinimumCustomers"/>, where the index is too noisy to read.
    /// </summary>
    internal IReadOnlyList<FeatureDrift> DriftOf(double[] recency, double[] frequency, double[] monetary) =>
        recency.Length < PopulationStability.MinimumCustomers
            ? []
            :
            [
                PopulationStability.Drift(Features[0], recency),
                PopulationStability.Drift(Features[1], frequency),
                PopulationStability.Drift(Features[2], monetary),
            ];
}

/// <summary>A feature's training distribution: the upper edges of its bins (the last bin is open) and each bin's share of customers.</summary>
public sealed record FeatureBins(string Feature, double[] Edges, double[] Shares);

/// <summary>How far one feature of new customers has moved from the model's training customers.</summary>
/// <param name="Psi">Population stability index: the sum over bins of (new share - training share) x ln(new / training).</param>
public sealed record FeatureDrift(string Feature, double Psi, string Reading)
{
    /// <summary>Moved enough (PSI above 0.25) that a model fitted on the training customers misleads on these.</summary>
    public bool Misleads => Psi > PopulationStability.Major;
}

/// <summary>
/// The population stability index of credit scoring: under 0.1 the population has not moved, 0.1 to 0.25 it has
/// moved somewhat, above 0.25 it has moved enough that a model fitted on the old one misleads.
/// </summary>
internal static class PopulationStability
{
    public const double Moderate = 0.1;
    public const double Major = 0.25;

    /// <summary>Below this many customers the index is too noisy to warn about.</summary>
    public const int MinimumCustomers = 100;

    /// <summary>An empty bin would make the index infinite; it counts as this share instead (as is usual).</summary>
    private const double Floor = 1e-4;

    public static FeatureBins Bins(string feature, double[] values)
    {
        var sorted = Statistics.Sorted(values);
        // Deciles, without repeats: frequency is mostly 1, 2 or 3, so several deciles are the same number.
        var edges = Enumerable.Range(1, 9).Select(i => Statistics.Quantile(sorted, i / 10.0)).Distinct().ToArray();
        return new FeatureBins(feature, edges, Shares(edges, values));
    }

    public static FeatureDrift Drift(FeatureBins training, double[] values)
    {
        var shares = Shares(training.Edges, values);
        var psi = 0.0;
        for (var i = 0; i < shares.Length; i++)
        {
            var (actual, expected) = (Math.Max(shares[i], Floor), Math.Max(training.Shares[i], Floor));
            psi += (actual - expected) * Math.Log(actual / expected);
        }
        var reading = psi > Major ? "moved: the model misleads on these customers" : psi > Moderate ? "moved somewhat" : "stable";
        return new FeatureDrift(training.Feature, psi, reading);
    }

    /// <summary>Share of values in each bin: at or below the first edge, between edges, above the last.</summary>
    private static double[] Shares(double[] edges, double[] values)
    {
        var counts = new double[edges.Length + 1];
        foreach (var v in values)
        {
            var bin = Array.BinarySearch(edges, v);
            // An exact edge belongs to the bin it closes; otherwise the complement is the first edge above v.
            counts[bin >= 0 ? bin : ~bin]++;
        }
        return counts.Select(c => values.Length == 0 ? 0 : c / values.Length).ToArray();
    }
}
