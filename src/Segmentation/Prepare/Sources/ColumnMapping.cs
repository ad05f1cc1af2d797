namespace Segmentation.Prepare.Sources;

/// <summary>
/// Which header names hold which field. Null means "not in this file". Either <see cref="Quantity"/> and
/// <see cref="UnitPrice"/>, or <see cref="Amount"/>, must be named; without <see cref="Invoice"/> every
/// distinct customer and timestamp counts as one order.
/// </summary>
public sealed record ColumnMapping
{
    public string Customer { get; init; } = "CustomerID";
    public string? Invoice { get; init; } = "InvoiceNo";
    public string Date { get; init; } = "InvoiceDate";
    public string? Quantity { get; init; } = "Quantity";
    public string? UnitPrice { get; init; } = "UnitPrice";
    public string? Amount { get; init; }
    public string? StockCode { get; init; } = "StockCode";
    public string? Description { get; init; } = "Description";
    public string? Country { get; init; } = "Country";

    /// <summary>The UCI Online Retail layout (2010-2011).</summary>
    public static ColumnMapping OnlineRetail { get; } = new();

    /// <summary>The UCI Online Retail II export (2009-2011).</summary>
    public static ColumnMapping OnlineRetailII { get; } = new()
    {
        Customer = "Customer ID",
        Invoice = "Invoice",
        UnitPrice = "Price",
    };

    /// <summary>The layouts recognised without any option, in the order they are tried.</summary>
    public static IReadOnlyList<ColumnMapping> KnownLayouts { get; } = [OnlineRetail, OnlineRetailII];

    /// <summary>Picks the known layout whose required columns are all in <paramref name="header"/>, if any.</summary>
    public static ColumnMapping? Recognise(IReadOnlyList<string> header)
    {
        foreach (var layout in KnownLayouts)
        {
            if (layout.RequiredColumns().All(c => IndexOf(header, c) >= 0)) return layout;
        }
        return null;
    }

    /// <summary>The columns a row cannot do without under this mapping.</summary>
    public IEnumerable<string> RequiredColumns()
    {
        yield return Customer;
        if (Invoice is not null) yield return Invoice;
        yield return Date;
        if (Amount is not null)
        {
            yield return Amount;
        }
        else
        {
            if (Quantity is not null) yield return Quantity;
            if (UnitPrice is not null) yield return UnitPrice;
        }
    }

    /// <summary>Header names compare without case and surrounding blanks: exports vary in both.</summary>
    internal static int IndexOf(IReadOnlyList<string> header, string name)
    {
        for (var i = 0; i < header.Count; i++)
        {
            if (string.Equals(header[i].Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase)) return i;
        }
        return -1;
    }
}
