using Segmentation.Prepare;
using Segmentation.Prepare.Sources;

namespace Segmentation.Tests;

/// <summary>The CDNOW sample the BG/NBD and Gamma-Gamma models were published on, and how it is read.</summary>
internal static class CdnowFile
{
    public static string Path => TestPaths.RealFile("cdnow_sample.csv");

    /// <summary>Its columns, no invoice (a purchase is a customer's date), and zero-value purchases kept.</summary>
    public static readonly PrepareOptions Options = PrepareOptions.Default with
    {
        // Eight CDNOW customers' first purchase has a value of 0.00: a purchase all the same, as the published summary counts it.
        Cleaning = CleaningOptions.Default with { DropNonPositivePrice = false },
        Ingest = IngestOptions.Default with
        {
            Mapping = new ColumnMapping
            {
                Customer = "customer_id", Date = "date", Amount = "dollar_value",
                Invoice = null, Quantity = null, UnitPrice = null, StockCode = null, Description = null, Country = null,
            },
        },
    };
}
