namespace Segmentation.Prepare.Sources;

/// <summary>How to read a transactions file. The defaults read the UCI Online Retail files as they come.</summary>
public sealed record IngestOptions
{
    /// <summary>
    /// Every column, exactly; null finds them: the Online Retail and Online Retail II layouts, else each field by the
    /// names exports commonly give it (customer_id, order_id, order_date, qty, unit_price, total...), with
    /// <see cref="Columns"/> taken as named.
    /// </summary>
    public ColumnMapping? Mapping { get; init; }

    /// <summary>
    /// Headers named for some fields when <see cref="Mapping"/> is null; the others are found by name. A null header
    /// says the file has no such column (no invoice: each customer and timestamp is then one order).
    /// </summary>
    public IReadOnlyDictionary<ColumnRole, string?> Columns { get; init; } = new Dictionary<ColumnRole, string?>();

    /// <summary>Worksheet to read from a workbook; null reads the first.</summary>
    public string? Sheet { get; init; }

    /// <summary>A .NET custom date format (invariant culture) for text dates; null accepts ISO 8601 forms.</summary>
    public string? DateFormat { get; init; }

    /// <summary>Field separator of a text file.</summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>
    /// The decimal separator of numbers in text cells: '.' (no thousands separator accepted, so "2,55" is an error,
    /// not 255) or ',' (a European export: "2,55"; '.' is then read as a thousands separator), as pandas' decimal=.
    /// </summary>
    public char DecimalSeparator { get; init; } = '.';

    /// <summary>Skip rows whose values do not parse, counting them, instead of stopping at the first.</summary>
    public bool SkipBadRows { get; init; }

    public static IngestOptions Default { get; } = new();
}
