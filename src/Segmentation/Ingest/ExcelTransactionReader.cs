using System.Globalization;
using System.Text;
using ExcelDataReader;
using ExcelDataReader.Exceptions;

namespace Segmentation.Ingest;

/// <summary>
/// Reads the first (or the named) worksheet of an .xlsx or .xls workbook through ExcelDataReader. A column
/// may hold numbers in some rows and text in others; keys come out the same as from the CSV.
/// </summary>
internal static class ExcelTransactionReader
{
    static ExcelTransactionReader()
    {
        // ExcelDataReader asks for code page 1252 even for .xlsx; .NET Core has it only through this provider.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>The few operations the row loop needs, served by the fast .xlsx reader or by ExcelDataReader.</summary>
    internal interface ISheet : IDisposable
    {
        string Name { get; }
        int FieldCount { get; }
        bool Read();
        object? GetValue(int i);
    }

    private sealed class ExcelDataReaderSheet(IExcelDataReader reader) : ISheet
    {
        public string Name => reader.Name;
        public int FieldCount => reader.FieldCount;
        public bool Read() => reader.Read();
        public object? GetValue(int i) => reader.GetValue(i);
        public void Dispose() => reader.Dispose();
    }

    private sealed class FastSheet(XlsxSheetReader reader) : ISheet
    {
        public string Name => reader.Name;
        public int FieldCount => reader.FieldCount;
        public bool Read() => reader.Read();
        public object? GetValue(int i) => reader.GetValue(i);
        public void Dispose() => reader.Dispose();
    }

    /// <summary>Opens .xlsx (a zip) with <see cref="XlsxSheetReader"/>, anything else (.xls, encrypted) with ExcelDataReader.</summary>
    internal static ISheet OpenSheet(Stream stream, string file, string? sheetName, bool preferFast = true)
    {
        if (preferFast && TransactionReader.IsZip(TransactionReader.Peek(stream)))
        {
            var fast = XlsxSheetReader.Open(stream, sheetName, out var names)
                ?? throw new InputException(file, $"there is no worksheet '{sheetName}'; the workbook has: {string.Join(", ", names.Select(s => $"'{s}'"))}");
            return new FastSheet(fast);
        }
        var reader = ExcelReaderFactory.CreateReader(stream);
        try
        {
            SelectSheet(reader, file, sheetName);
        }
        catch
        {
            reader.Dispose();
            throw;
        }
        return new ExcelDataReaderSheet(reader);
    }

    public static TransactionStream Open(Stream stream, string file, IngestOptions options)
    {
        ISheet reader;
        try
        {
            reader = OpenSheet(stream, file, options.Sheet);
        }
        catch (Exception e)
        {
            stream.Dispose();
            throw Describe(file, e);
        }

        try
        {
            if (!reader.Read()) throw new InputException(file, $"the worksheet '{reader.Name}' is empty: it has no header row");
            var header = Enumerable.Range(0, reader.FieldCount)
                .Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)?.Trim() ?? "")
                .ToArray();
            if (header.All(string.IsNullOrEmpty)) throw new InputException(file, $"the worksheet '{reader.Name}' has an empty first row; the header must be there", 1);
            var columns = ResolvedColumns.Resolve(file, header, options.Mapping);
            var parser = new RowParser(file, columns, options);
            var bad = new BadRowLog(options.SkipBadRows);
            return new TransactionStream(file, InputFormat.Excel, columns.Mapping, header, bad,
                Rows(reader, stream, file, parser, bad), () => { reader.Dispose(); stream.Dispose(); });
        }
        catch (Exception e)
        {
            reader.Dispose();
            stream.Dispose();
            throw Describe(file, e);
        }
    }

    private static void SelectSheet(IExcelDataReader reader, string file, string? sheet)
    {
        if (sheet is null) return;
        var seen = new List<string>();
        do
        {
            if (string.Equals(reader.Name, sheet, StringComparison.OrdinalIgnoreCase)) return;
            seen.Add(reader.Name);
        }
        while (reader.NextResult());
        throw new InputException(file, $"there is no worksheet '{sheet}'; the workbook has: {string.Join(", ", seen.Select(s => $"'{s}'"))}");
    }

    private static IEnumerable<Transaction> Rows(ISheet reader, Stream stream, string file, RowParser parser, BadRowLog bad)
    {
        long row = 1;
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
                    throw Describe(file, e, row + 1);
                }
                if (transaction is { } t) yield return t;
            }
        }
        finally
        {
            reader.Dispose();
            stream.Dispose();
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
        DateTime => throw parser.Error(row, column, "a date cell is not a number"),
        IConvertible n => Convert.ToDecimal(n, CultureInfo.InvariantCulture),
        _ => throw parser.Error(row, column, $"'{value}' is not a number"),
    };

    private static DateTime Date(object? value, long row, RowParser parser) => value switch
    {
        DateTime d => d,
        // A serial number in a cell that lost its date format.
        double d when d is > 0 and < 2958466 => DateTime.FromOADate(d),
        string s => parser.Date(row, s),
        null => parser.Date(row, ""),
        _ => throw parser.Error(row, parser.Columns.Date, $"'{Convert.ToString(value, CultureInfo.InvariantCulture)}' is not a date"),
    };

    private static bool IsInteger(IConvertible n) => n.GetTypeCode() is TypeCode.Int16 or TypeCode.Int32 or TypeCode.Int64
        or TypeCode.UInt16 or TypeCode.UInt32 or TypeCode.UInt64 or TypeCode.Byte or TypeCode.SByte;

    private static InputException Describe(string file, Exception e, long? row = null) => e switch
    {
        InputException input => input,
        InvalidPasswordException => new InputException(file, "the workbook is password-protected; save an unprotected copy and read that", inner: e),
        HeaderException or InvalidDataException or ExcelReaderException or System.Xml.XmlException or FormatException or KeyNotFoundException => new InputException(file,
            $"the file is not a readable Excel workbook, or it is damaged ({Clean(e.Message)})", row, inner: e),
        _ => new InputException(file, $"the workbook cannot be read ({e.GetType().Name}: {Clean(e.Message)})", row, inner: e),
    };

    private static string Clean(string message) => message.ReplaceLineEndings(" ").Trim();
}
