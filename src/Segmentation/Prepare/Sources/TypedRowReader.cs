using System.Globalization;

namespace Segmentation.Prepare.Sources;

/// <summary>
/// The row loop of sources whose cells come typed (a workbook's numbers, text and dates; a Parquet file's columns):
/// the header row, then one <see cref="Transaction"/> per row, keys normalised as from a CSV.
/// </summary>
internal static class TypedRowReader
{
    /// <summary>The few operations the row loop needs, served by the fast .xlsx reader or by ExcelDataReader.</summary>
    internal interface ISheet : IDisposable
    {
        string Name { get; }
        int FieldCount { get; }
        bool Read();
        object? GetValue(int i);
    }

    /// <param name="describe">Turns a failure of the source into its one-line message (file, reason, row).</param>
    /// <param name="headerIsRow">
    /// Whether the header counts as row 1, as a spreadsheet shows it (a file); a database's rows are numbered from 1
    /// in the order the query returns them, its column names being no row.
    /// </param>
    public static TransactionStream Open(ISheet reader, string file, IngestOptions options, InputFormat format, Action dispose,
        Func<string, Exception, long?, InputException> describe, bool headerIsRow = true)
    {
        try
        {
            if (!reader.Read()) throw new InputException(file, $"{reader.Name} is empty: it has no header row");
            var header = Enumerable.Range(0, reader.FieldCount)
                .Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)?.Trim() ?? "")
                .ToArray();
            if (header.All(string.IsNullOrEmpty)) throw new InputException(file, $"{reader.Name} has an empty first row; the header must be there", 1);
            var columns = ResolvedColumns.Resolve(file, header, options);
            var parser = new RowParser(file, columns, options);
            var bad = new BadRowLog(options.SkipBadRows);
            return new TransactionStream(file, format, columns, bad,
                Rows(reader, dispose, file, parser, bad, describe, headerIsRow ? 1 : 0), () => { reader.Dispose(); dispose(); });
        }
        catch (Exception e)
        {
            reader.Dispose();
            dispose();
            throw describe(file, e, null);
        }
    }

    private static IEnumerable<Transaction> Rows(ISheet reader, Action dispose, string file, RowParser parser, BadRowLog bad,
        Func<string, Exception, long?, InputException> describe, long row)
    {
        try
        {
            while (true)
            {
                Transaction? transaction = null;
                try
                {
                    if (!reader.Read()) break;
                    row++;
                    transaction = Parse(reader, row, parser);
                }
                catch (InputException e)
                {
                    bad.Add(e);
                }
                catch (Exception e)
                {
                    throw describe(file, e, row + 1);
                }
                if (transaction is { } t) yield return t;
            }
        }
        finally
        {
            reader.Dispose();
            dispose();
        }
    }

    private static Transaction? Parse(ISheet cells, long row, RowParser parser)
    {
        var c = parser.Columns;
        object? Cell(int i) => i < 0 || i >= cells.FieldCount ? null : cells.GetValue(i);
        if (IsBlank(cells)) return null;

        var customer = Key(Cell(c.Customer));
        var invoice = c.Invoice < 0 ? null : Key(Cell(c.Invoice));
        var date = Date(Cell(c.Date), row, parser);
        decimal? quantity = c.Quantity < 0 ? null : Number(Cell(c.Quantity), row, c.Quantity, parser);
        decimal? price = c.UnitPrice < 0 ? null : Number(Cell(c.UnitPrice), row, c.UnitPrice, parser);
        decimal? amount = c.Amount < 0 ? null : Number(Cell(c.Amount), row, c.Amount, parser);
        return parser.Build(row, customer, invoice, date, quantity, price, amount,
            c.StockCode < 0 ? null : Key(Cell(c.StockCode)),
            c.Description < 0 ? null : Text(Cell(c.Description)),
            c.Country < 0 ? null : Text(Cell(c.Country)));
    }

    /// <summary>A row with no value at all is a blank line in the sheet, not a transaction.</summary>
    private static bool IsBlank(ISheet cells)
    {
        for (var i = 0; i < cells.FieldCount; i++)
        {
            var v = cells.GetValue(i);
            if (v is not null && !(v is string s && string.IsNullOrWhiteSpace(s))) return false;
        }
        return true;
    }

    private static string? Key(object? value) => value switch
    {
        null => null,
        double d => CellParser.Key(d),
        string s => CellParser.Key(s),
        IConvertible n when IsInteger(n) => Convert.ToInt64(n, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        _ => CellParser.Key(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => CellParser.Text(s),
        _ => Key(value),
    };

    private static decimal Number(object? value, long row, int column, RowParser parser) => value switch
    {
        double d => CellParser.Decimal(d),
        string s => parser.Number(row, column, s),
        null => parser.Number(row, column, ""),
        bool => throw parser.Error(row, column, "a TRUE/FALSE cell is not a number"),
        DateTime or DateOnly or DateTimeOffset => throw parser.Error(row, column, "a date cell is not a number"),
        decimal m => m,
        IConvertible n => Convert.ToDecimal(n, CultureInfo.InvariantCulture),
        _ => throw parser.Error(row, column, $"'{value}' is not a number"),
    };

    private static DateTime Date(object? value, long row, RowParser parser) => value switch
    {
        DateTime d => d,
        DateOnly d => d.ToDateTime(TimeOnly.MinValue),
        // Kept as wall-clock time, as every other source's dates are.
        DateTimeOffset d => d.DateTime,
        // A serial number in a cell that lost its date format.
        double d when d is > 0 and < 2958466 => DateTime.FromOADate(d),
        string s => parser.Date(row, s),
        null => parser.Date(row, ""),
        _ => throw parser.Error(row, parser.Columns.Date, $"'{Convert.ToString(value, CultureInfo.InvariantCulture)}' is not a date"),
    };

    private static bool IsInteger(IConvertible n) => n.GetTypeCode() is TypeCode.Int16 or TypeCode.Int32 or TypeCode.Int64
        or TypeCode.UInt16 or TypeCode.UInt32 or TypeCode.UInt64 or TypeCode.Byte or TypeCode.SByte;
}
