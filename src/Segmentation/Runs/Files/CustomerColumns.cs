using Segmentation.Clustering.Segments;
using Segmentation.Lifetime;
using Segmentation.Prepare.Sources;

namespace Segmentation.Runs.Files;

/// <summary>
/// A customer's row of results, column by column: the one list behind customer_segments.csv, scored_segments.csv and
/// the write-back table. A mixture's run adds each customer's probability, a run with lifetime value its value figures.
/// </summary>
internal static class CustomerColumns
{
    public sealed record Column(TableColumn Table, Func<CustomerSegment, object?> Value)
    {
        public string Name => Table.Name;
    }

    private static Column Of(string name, ColumnType type, Func<CustomerSegment, object?> value) => new(new TableColumn(name, type), value);

    public const string ProbabilityColumn = "Probability";

    private static readonly Column[] Always =
    [
        Of("CustomerID", ColumnType.Text, c => c.Rfm.CustomerId),
        Of("Recency", ColumnType.Integer, c => c.Rfm.Recency),
        Of("Frequency", ColumnType.Integer, c => c.Rfm.Frequency),
        Of("Monetary", ColumnType.Decimal, c => c.Rfm.Monetary),
        Of("R", ColumnType.Integer, c => c.Score.R),
        Of("F", ColumnType.Integer, c => c.Score.F),
        Of("M", ColumnType.Integer, c => c.Score.M),
        Of("ScoreSegment", ColumnType.Text, c => c.Score.Segment),
        Of("Cluster", ColumnType.Integer, c => c.Cluster),
        Of("ClusterSegment", ColumnType.Text, c => c.Segment),
        Of("Action", ColumnType.Text, c => c.Action),
        Of("PreviousSegment", ColumnType.Text, c => c.PreviousSegment),
        Of("SegmentSince", ColumnType.Day, c => c.SegmentSince),
        Of("DistanceToCentre", ColumnType.Real, c => Math.Round(c.DistanceToCentre, 4)),
        Of("Borderline", ColumnType.Flag, c => c.Borderline),
        Of("RecencyContradictsName", ColumnType.Flag, c => c.RecencyContradictsName),
    ];

    private static readonly Column Probability = Of(ProbabilityColumn, ColumnType.Real, c => Math.Round(c.Probability ?? 0, 6));

    private static readonly Column[] Value =
    [
        Of("PAlive", ColumnType.Real, c => c.Value is { } v ? Math.Round(v.ProbabilityAlive, 6) : null),
        Of("ExpectedPurchases", ColumnType.Real, c => c.Value is { } v ? Math.Round(v.ExpectedPurchases, 6) : null),
        Of(NextPurchase.DateColumn, ColumnType.Day, c => c.Value?.ExpectedNextPurchase),
        .. NextPurchase.WithinDays.Select((days, i) =>
            Of(NextPurchase.WithinColumn(days), ColumnType.Real, c => c.Value is { } v ? Math.Round(v.PurchaseWithin[i], 6) : null)),
        Of("CLV", ColumnType.Real, c => c.Value is { } v ? Math.Round(v.Clv, 2) : null),
        Of("CLVPercentile", ColumnType.Real, c => c.Value is { } v ? Math.Round(v.ClvPercentile, 2) : null),
        Of("AtRiskOfLeaving", ColumnType.Flag, c => c.Value?.AtRiskOfLeaving),
    ];

    /// <summary>The header every customer file starts with (without the method's and the value's columns).</summary>
    public static string Header => string.Join(',', Always.Select(c => c.Name));

    /// <summary>The value columns' names, comma-separated.</summary>
    public static string ValueHeader => string.Join(',', Value.Select(c => c.Name));

    /// <summary>
    /// The columns for these customers: a mixture's customers all have a probability, the other methods' none, so the
    /// column is there exactly when it means something; the value columns when the run computed lifetime value.
    /// </summary>
    public static IReadOnlyList<Column> For(IReadOnlyList<CustomerSegment> customers) =>
        For(withProbability: customers.Count > 0 && customers[0].Probability is not null, withValue: customers.Count > 0 && customers[0].Value is not null);

    public static IReadOnlyList<Column> For(bool withProbability, bool withValue) =>
        [.. Always, .. withProbability ? [Probability] : Array.Empty<Column>(), .. withValue ? Value : []];
}
