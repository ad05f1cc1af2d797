namespace Segmentation.Clustering.Model;

/// <summary>One customer's RFM as a program sends it to be scored: days since the last order, orders, money spent.</summary>
public sealed record RfmValues(string CustomerId, double Recency, double Frequency, double Monetary);

/// <summary>A customer put into a model's segment; <see cref="Probability"/> is the mixture's, null for other methods.</summary>
public sealed record ScoredCustomer(string CustomerId, int Cluster, string Segment, string Action, double? Probability);
