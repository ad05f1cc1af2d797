using Segmentation.Features;

namespace Segmentation.Segments;

/// <summary>A customer with both labels: the cluster segment and the RFM score segment.</summary>
public sealed record CustomerSegment(CustomerRfm Rfm, RfmScore Score, int Cluster, string Segment, string Action);
