namespace Segmentation.Clustering;

/// <summary>The data cannot be split into the asked number of groups: too few customers differ in R, F and M.</summary>
internal sealed class TooFewDistinctCustomersException(int customers, int distinct, int? k = null) : Exception(
    k is { } asked
        ? $"{asked} segments were asked for, but only {distinct} of the {customers} customers differ in recency, frequency and monetary"
        : $"only {distinct} of the {customers} customers differ in recency, frequency and monetary; at least 2 are needed to form segments")
{
    public int Customers { get; } = customers;
    public int Distinct { get; } = distinct;
}
