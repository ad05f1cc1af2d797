using Segmentation.Lifetime;
using Segmentation.Prepare;

namespace Segmentation.Clustering.Segments;

/// <summary>A customer with both labels: the cluster segment and the RFM score segment.</summary>
public sealed record CustomerSegment(CustomerRfm Rfm, RfmScore Score, int Cluster, string Segment, string Action)
{
    /// <summary>The customer's segment in the previous run of a refresh; null in a first run, or for a customer new since.</summary>
    public string? PreviousSegment { get; init; }

    /// <summary>
    /// The snapshot date of the run at which the customer entered this segment (as a CRM's "last changed"): the
    /// run's own snapshot in a first run or on a change, carried over from the previous run while it stays.
    /// </summary>
    public DateTime SegmentSince { get; init; }

    /// <summary>How sure the assignment is: the probability of this segment under a Gaussian mixture; null for k-means and DBSCAN.</summary>
    public double? Probability { get; init; }

    /// <summary>Distance from the customer to its segment's centre in the scaled space; NaN for DBSCAN's unclustered.</summary>
    public double DistanceToCentre { get; init; }

    /// <summary>The second-nearest centre is almost as near as the own one (see <c>SegmentBuilder.BorderlineMargin</c>).</summary>
    public bool Borderline { get; init; }

    /// <summary>
    /// The segment's name says "recent" and the customer's recency is in the longest quarter of all customers', or
    /// the name says "long ago" and it is in the shortest quarter.
    /// </summary>
    public bool RecencyContradictsName { get; init; }

    /// <summary>What the lifetime-value models say of the customer, when the run estimated it; null otherwise.</summary>
    public CustomerValue? Value { get; init; }
}
