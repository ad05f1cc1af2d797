using Segmentation.IO;
using Segmentation.Prepare;

namespace Segmentation.Runs.Files;

/// <summary>The RFM table as CSV: one row per customer, in the table's order.</summary>
internal static class RfmCsv
{
    public const string Header = "CustomerID,Recency,Frequency,Monetary,FirstPurchase,LastPurchase,Lines,Country";

    public static void Write(string path, RfmTable table) => AtomicFile.WriteText(path, w => Write(w, table));

    public static void Write(TextWriter writer, RfmTable table)
    {
        writer.WriteLine(Header);
        foreach (var c in table.Customers)
        {
            writer.Write(Csv.Field(c.CustomerId)); writer.Write(',');
            writer.Write(Csv.Number(c.Recency)); writer.Write(',');
            writer.Write(Csv.Number(c.Frequency)); writer.Write(',');
            writer.Write(Csv.Number(c.Monetary)); writer.Write(',');
            writer.Write(Csv.Date(c.FirstPurchase)); writer.Write(',');
            writer.Write(Csv.Date(c.LastPurchase)); writer.Write(',');
            writer.Write(Csv.Number(c.Lines)); writer.Write(',');
            writer.WriteLine(Csv.Field(c.Country));
        }
    }
}
