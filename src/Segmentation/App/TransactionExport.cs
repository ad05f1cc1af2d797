using System.Globalization;
using Segmentation.Ingest;
using Segmentation.IO;

namespace Segmentation.App;

/// <summary>
/// <c>export</c>: the rows of any readable source (a workbook, another layout through a column mapping) written
/// as a plain CSV or CSV.gz in the UCI Online Retail layout, every row as read, before cleaning. Text fields are
/// always quoted and written as they are (no spreadsheet formula guard): the file is data to be read back.
/// </summary>
internal static class TransactionExport
{
    public const string Header = "\"InvoiceNo\",\"StockCode\",\"Description\",\"Quantity\",\"InvoiceDate\",\"UnitPrice\",\"CustomerID\",\"Country\"";

    /// <returns>The number of rows written.</returns>
    public static long Write(TransactionSource source, string path, IngestOptions? ingest = null)
    {
        ingest ??= IngestOptions.Default;
        OptionsValidator.Validate(ingest);
        long rows = 0;
        using var stream = source.Open(ingest);
        TextOutput.Write(path, w =>
        {
            w.WriteLine(Header);
            foreach (var t in stream.Rows)
            {
                w.Write(Quoted(t.InvoiceNo)); w.Write(',');
                w.Write(Quoted(t.StockCode)); w.Write(',');
                w.Write(Quoted(t.Description)); w.Write(',');
                w.Write(Number(t.Quantity)); w.Write(',');
                w.Write(Quoted(t.Date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))); w.Write(',');
                w.Write(Number(t.UnitPrice)); w.Write(',');
                w.Write(t.CustomerId ?? ""); w.Write(',');
                w.WriteLine(Quoted(t.Country));
                rows++;
            }
        });
        return rows;
    }

    private static string Quoted(string? value) => value is null ? "" : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}
