using System.Globalization;
using nietras.SeparatedValues;
using Segmentation.Model;
using Segmentation.Output;
using Segmentation.Segments;

namespace Segmentation.Refresh;

/// <summary>A previous run as a refresh needs it: its model and its customers' segments and RFM.</summary>
public sealed record PreviousRun(string Folder, SegmentationModel Model, IReadOnlyList<PreviousCustomer> Customers)
{
    public static PreviousRun Load(string folder)
    {
        if (!Directory.Exists(folder)) throw new InputException(folder, "the previous run folder does not exist");
        var files = new RunFiles(folder);
        var model = ModelFile.Load(files.Model);
        if (!File.Exists(files.CustomerSegments)) throw new InputException(files.CustomerSegments, "the previous run has no customer_segments.csv");
        var customers = new List<PreviousCustomer>();
        using var reader = Sep.Reader(o => o with { Unescape = true }).FromFile(files.CustomerSegments);
        foreach (var row in reader)
        {
            try
            {
                customers.Add(new PreviousCustomer(
                    new SegmentMigration.Labelled(row["CustomerID"].ToString(), int.Parse(row["Cluster"].Span, CultureInfo.InvariantCulture), row["Segment"].ToString(),
                        decimal.Parse(row["Monetary"].Span, CultureInfo.InvariantCulture)),
                    double.Parse(row["Recency"].Span, CultureInfo.InvariantCulture),
                    double.Parse(row["Frequency"].Span, CultureInfo.InvariantCulture)));
            }
            catch (Exception e) when (e is FormatException or KeyNotFoundException or ArgumentException)
            {
                throw new InputException(files.CustomerSegments, $"the file is not a customer_segments.csv written by run ({e.Message})", row.RowIndex + 1);
            }
        }
        return new PreviousRun(folder, model, customers);
    }
}

/// <summary>One customer of the previous run.</summary>
public sealed record PreviousCustomer(SegmentMigration.Labelled Label, double Recency, double Frequency)
{
    public double Monetary => (double)Label.Monetary;
}
