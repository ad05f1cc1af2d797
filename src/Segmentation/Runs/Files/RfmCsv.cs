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
            Csv.Write(writer, c.Recency); writer.Write(',');
            Csv.Write(writer, c.Frequency); writer.Write(',');
            Csv.Write(writer, c.Monetary); writer.Write(',');
            Csv.WriteDate(writer, c.FirstPurchase); writer.Write(',');
            Csv.WriteDate(writer, c.LastPurchase); writer.Write(',');
            Csv.Write(writer, c.Lines); writer.Write(',');
            writer.WriteLine(Csv.Field(c.Country));
        }
    }
}
