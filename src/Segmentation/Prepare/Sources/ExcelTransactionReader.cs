using System.Text;
using ExcelDataReader;
using ExcelDataReader.Exceptions;

namespace Segmentation.Prepare.Sources;

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

    private sealed class ExcelDataReaderSheet(IExcelDataReader reader) : TypedRowReader.ISheet
    {
        public string Name => $"the worksheet '{reader.Name}'";
        public int FieldCount => reader.FieldCount;
        public bool Read() => reader.Read();
        public object? GetValue(int i) => reader.GetValue(i);
        public void Dispose() => reader.Dispose();
    }

    private sealed class FastSheet(XlsxSheetReader reader) : TypedRowReader.ISheet
    {
        public string Name => $"the worksheet '{reader.Name}'";
        public int FieldCount => reader.FieldCount;
        public bool Read() => reader.Read();
        public object? GetValue(int i) => reader.GetValue(i);
        public void Dispose() => reader.Dispose();
    }

    /// <summary>Opens .xlsx (a zip) with <see cref="XlsxSheetReader"/>, anything else (.xls, encrypted) with ExcelDataReader.</summary>
    internal static TypedRowReader.ISheet OpenSheet(Stream stream, string file, string? sheetName, bool preferFast = true)
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
        TypedRowReader.ISheet reader;
        try
        {
            reader = OpenSheet(stream, file, options.Sheet);
        }
        catch (Exception e)
        {
            stream.Dispose();
            throw Describe(file, e);
        }

        return TypedRowReader.Open(reader, file, options, InputFormat.Excel, stream.Dispose, Describe);
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

    internal static InputException Describe(string file, Exception e, long? row = null) => e switch
    {
        InputException input => input,
        InvalidPasswordException => new InputException(file, "the workbook is password-protected; save an unprotected copy and read that", inner: e),
        HeaderException or InvalidDataException or ExcelReaderException or System.Xml.XmlException or FormatException or KeyNotFoundException => new InputException(file,
            $"the file is not a readable Excel workbook, or it is damaged ({Clean(e.Message)})", row, inner: e),
        _ => new InputException(file, $"the workbook cannot be read ({e.GetType().Name}: {Clean(e.Message)})", row, inner: e),
    };

    private static string Clean(string message) => message.ReplaceLineEndings(" ").Trim();
}
