using Segmentation.Numerics;

namespace Segmentation.Prepare;

/// <summary>RFM for every customer, sorted by customer ID (ordinal), as of <see cref="Snapshot"/>.</summary>
public sealed record RfmTable(DateTime Snapshot, IReadOnlyList<CustomerRfm> Customers)
{
    public int Count => Customers.Count;

    /// <summary>The three features as columns, for the clustering stage.</summary>
    public double[] RecencyColumn() => Customers.Select(c => (double)c.Recency).ToArray();
    public double[] FrequencyColumn() => Customers.Select(c => (double)c.Frequency).ToArray();
    public double[] MonetaryColumn() => Customers.Select(c => (double)c.Monetary).ToArray();

    /// <summary>The medians of all customers, the yardstick segment profiles are read against (summary, report).</summary>
    public (double Recency, double Frequency, double Monetary) Medians() =>
        (Statistics.Median(RecencyColumn()), Statistics.Median(FrequencyColumn()), Statistics.Median(MonetaryColumn()));
}
