using Segmentation.Clustering.Model;
using Segmentation.Clustering.Segments;

namespace Segmentation.Runs.Refresh;

/// <summary>A previous run as a refresh needs it: its model, its snapshot and its customers' segments and RFM.</summary>
public sealed record PreviousRun(string Folder, SegmentationModel Model, IReadOnlyList<PreviousCustomer> Customers, DateTime Snapshot);

/// <summary>One customer of the previous run.</summary>
public sealed record PreviousCustomer(SegmentMigration.Labelled Label, double Recency, double Frequency, DateTime? SegmentSince)
{
    public double Monetary => (double)Label.Monetary;
}
