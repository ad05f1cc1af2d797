namespace Segmentation.Prepare.Sources;

/// <summary>A mapping bound to one file's header: the index of every field, -1 where the file has none.</summary>
internal sealed record ResolvedColumns(
    ColumnMapping Mapping,
    IReadOnlyList<string> Header,
    int Customer,
    int Invoice,
    int Date,
    int Quantity,
    int UnitPrice,
    int Amount,
    int StockCode,
    int Description,
    int Country)
{
    public static ResolvedColumns Resolve(string file, IReadOnlyList<string> header, IngestOptions options) =>
        Resolve(file, header, options.Mapping ?? ColumnRecogniser.Find(file, header, options.Columns, options.Delimiter));

    public static ResolvedColumns Resolve(string file, IReadOnlyList<string> header, ColumnMapping mapping)
    {
        if (mapping.Amount is null && (mapping.Quantity is null || mapping.UnitPrice is null))
        {
            throw new InputException(file, "the column mapping names neither a line-amount column nor both a quantity and a unit-price column") { Header = header };
        }
        foreach (var required in mapping.RequiredColumns())
        {
            if (ColumnMapping.IndexOf(header, required) < 0)
            {
                throw new InputException(file,
                    $"required column '{required}' is missing; the header has: {string.Join(", ", header.Select(h => $"'{h}'"))}",
                    row: 1, column: required) { Header = header };
            }
        }
        int Optional(string? name) => name is null ? -1 : ColumnMapping.IndexOf(header, name);
        var amount = Optional(mapping.Amount);
        return new ResolvedColumns(
            mapping,
            header,
            Customer: Optional(mapping.Customer),
            Invoice: Optional(mapping.Invoice),
            Date: Optional(mapping.Date),
            // With a line-amount column, quantity and price are descriptive only.
            Quantity: amount >= 0 ? -1 : Optional(mapping.Quantity),
            UnitPrice: amount >= 0 ? -1 : Optional(mapping.UnitPrice),
            Amount: amount,
            StockCode: Optional(mapping.StockCode),
            Description: Optional(mapping.Description),
            Country: Optional(mapping.Country));
    }

    public string NameOf(int index) => Header[index];

    public IReadOnlyList<ColumnUse> Uses() => ColumnRecogniser.Uses(Mapping, Header);
}
