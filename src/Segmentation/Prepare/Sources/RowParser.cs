namespace Segmentation.Prepare.Sources;

/// <summary>
/// Builds a <see cref="Transaction"/> from one row's cells, whatever the file format. A reader hands it
/// each cell either as text or as the typed value a workbook stores.
/// </summary>
internal sealed class RowParser(string file, ResolvedColumns columns, IngestOptions options)
{
    public ResolvedColumns Columns => columns;

    public InputException Error(long row, int column, string reason, string? option = null) =>
        new(file, reason, row, column >= 0 ? columns.NameOf(column) : null, option: option);

    public DateTime Date(long row, ReadOnlySpan<char> text)
    {
        if (text.Trim().IsEmpty) throw Error(row, columns.Date, "the date is empty");
        if (CellParser.TryDate(text, options.DateFormat, out var date)) return date;
        var expected = options.DateFormat is null
            ? "an ISO date such as 2011-12-09 12:50:00; give the date format for other forms"
            : $"a date in the format '{options.DateFormat}'";
        throw Error(row, columns.Date, $"'{text.ToString()}' is not {expected}", OptionNames.DateFormat);
    }

    public decimal Number(long row, int column, ReadOnlySpan<char> text)
    {
        if (CellParser.TryDecimal(text, out var value, options.DecimalSeparator)) return value;
        var shown = text.Trim().IsEmpty ? "an empty cell" : $"'{text.ToString()}'";
        // A comma the options do not explain: a decimal comma, or a thousands separator; never guessed.
        if (options.DecimalSeparator == '.' && text.Contains(','))
        {
            throw Error(row, column, $"{shown} is not a number: a comma is neither a decimal point nor a thousands separator here; give the decimal separator for decimal commas", OptionNames.DecimalSeparator);
        }
        throw Error(row, column, $"{shown} is not a number");
    }

    public Transaction Build(long row, string? customer, string? invoice, DateTime date,
        decimal? quantity, decimal? unitPrice, decimal? amount, string? stockCode, string? description, string? country)
    {
        var lineAmount = amount ?? quantity!.Value * unitPrice!.Value;
        return new Transaction(row, customer, invoice, date, quantity, unitPrice, lineAmount, stockCode, description, country);
    }
}
