using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Segmentation.Prepare;

/// <summary>The value the history records to tell whether two runs read the same data.</summary>
internal static class InputFingerprint
{
    /// <summary>The file's SHA-256.</summary>
    public static string OfFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>
    /// A SHA-256 of what was read from a source that cannot be hashed as a file (a database's table or query): the
    /// rows in, the rows each rule removed, the rows kept and each customer's orders, spend, lines and purchase
    /// dates (spend without trailing zeros, which engines write differently). The same rows under the same options give the same value; a change that moves any customer's RFM or
    /// any count changes it. A change that moves none of them (a description renamed) does not.
    /// </summary>
    public static string Of(PreparedData prepared)
    {
        var q = prepared.Quality;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"rows {q.RowsIn} kept {q.RowsOut} repeats {q.DuplicateRowsFound}\n");
        foreach (var rule in q.Removed) text.Append(CultureInfo.InvariantCulture, $"{rule.Rule} {rule.Rows}\n");
        foreach (var c in prepared.Rfm.Customers)
        {
            text.Append(CultureInfo.InvariantCulture, $"{c.CustomerId}\t{c.Frequency}\t{c.Monetary.ToString("0.##########", CultureInfo.InvariantCulture)}\t{c.Lines}\t{c.FirstPurchase:O}\t{c.LastPurchase:O}\n");
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
