using nietras.SeparatedValues;

namespace Segmentation.Prepare.Sources;

/// <summary>Reads delimited text (optionally gzip-compressed) with Sep: quoted fields may hold separators, quotes and newlines.</summary>
internal static class CsvTransactionReader
{
    /// <param name="format">What the file is: text, or text that <paramref name="stream"/> decompresses.</param>
    public static TransactionStream Open(Stream stream, string file, IngestOptions options, InputFormat format = InputFormat.Csv)
    {
        SepReader reader;
        try
        {
            reader = Sep.New(options.Delimiter)
                // Unescaped quoted fields; rows may be ragged (a short row is told by its row and column, not by Sep).
                .Reader(o => o with { Unescape = true, HasHeader = true, DisableColCountCheck = true})
                .From(stream);
        }
        catch (Exception e) when (e is not InputException)
        {
            stream.Dispose();
            throw TransactionReader.Unreadable(file, e);
        }

        var header = reader.Header.ColNames.ToArray();
        if (header.Length == 0 || header.All(string.IsNullOrWhiteSpace))
        {
            reader.Dispose();
            stream.Dispose();
            throw new InputException(file, "the file is empty: it has no header row");
        }
        ResolvedColumns columns;
        try
        {
            columns = ResolvedColumns.Resolve(file, header, options);
        }
        catch
        {
            reader.Dispose();
            stream.Dispose();
            throw;
        }
        var parser = new RowParser(file, columns, options);
        var bad = new BadRowLog(options.SkipBadRows);
        return new TransactionStream(file, format, columns, bad,
            Rows(reader, stream, file, parser, bad), () => { reader.Dispose(); stream.Dispose(); });
    }

    private static IEnumerable<Transaction> Rows(SepReader reader, Stream stream, string file, RowParser parser, BadRowLog bad)
    {
        // The header is spreadsheet row 1; a quoted field spanning lines is still one spreadsheet row.
        long row = 1;
        var repeats = new RepeatCache();
        try
        {
            while (true)
            {
                Transaction? transaction = null;
                try
                {
                    if (!reader.MoveNext()) break;
                    row++;
                    transaction = Parse(reader.Current, row, parser, repeats);
                }
                catch (InputException e)
                {
                    bad.Add(e);
                }
                catch (Exception e) when (e is InvalidDataException or IOException or EndOfStreamException)
                {
                    throw TransactionReader.Unreadable(file, e, row + 1);
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

    /// <summary>
    /// What the reader remembers between rows: the last row's customer, invoice, date and country (an invoice's
    /// lines come together, so these usually repeat and comparing a few characters is cheaper than a look-up or a
    /// parse), and the pools of product codes and descriptions (which repeat across the file, not row to row).
    /// </summary>
    private sealed class RepeatCache
    {
        public string? Customer;
        public string? Invoice;
        public string? Country;
        public readonly StringPool StockCodes = new();
        public readonly StringPool Descriptions = new();
        public readonly char[] DateText = new char[32];
        public int DateLength = -1;
        public DateTime Date;
    }

    private static Transaction? Parse(SepReader.Row cells, long row, RowParser parser, RepeatCache repeats)
    {
        var c = parser.Columns;
        // A blank line (a trailing one, as many exporters write, or one between rows) is no transaction: skipped, as pandas does.
        if (cells.ColCount == 1 && c.Header.Count > 1 && cells[0].Span.Trim().IsEmpty) return null;
        if (cells.ColCount != c.Header.Count)
        {
            throw parser.Error(row, -1, $"the row does not fit the header: it has {cells.ColCount} fields, the header has {c.Header.Count}");
        }
        static ReadOnlySpan<char> Cell(SepReader.Row r, int i) => i < 0 ? [] : r[i].Span;
        var customer = Repeat(cells, c.Customer, ref repeats.Customer) ?? (repeats.Customer = Key(cells, c.Customer));
        var invoice = c.Invoice < 0 ? null : Repeat(cells, c.Invoice, ref repeats.Invoice) ?? (repeats.Invoice = Key(cells, c.Invoice));
        var date = Date(cells[c.Date].Span, row, parser, repeats);
        decimal? quantity = c.Quantity < 0 ? null : parser.Number(row, c.Quantity, Cell(cells, c.Quantity));
        decimal? price = c.UnitPrice < 0 ? null : parser.Number(row, c.UnitPrice, Cell(cells, c.UnitPrice));
        decimal? amount = c.Amount < 0 ? null : parser.Number(row, c.Amount, Cell(cells, c.Amount));
        return parser.Build(row, customer, invoice, date, quantity, price, amount,
            c.StockCode < 0 ? null : Pooled(cells, c.StockCode, repeats.StockCodes, Key),
            c.Description < 0 ? null : Pooled(cells, c.Description, repeats.Descriptions, Text),
            c.Country < 0 ? null : Repeat(cells, c.Country, ref repeats.Country) ?? (repeats.Country = Text(cells, c.Country)));
    }

    /// <summary>
    /// A product's code or description, one string per distinct text: no allocation per row for values that repeat.
    /// </summary>
    private static string? Pooled(SepReader.Row cells, int i, StringPool pool, Func<SepReader.Row, int, string?> convert) =>
        pool.TryGet(cells[i].Span) ?? pool.Add(cells[i].Span, convert(cells, i));

    /// <summary>The previous row's value when this cell holds exactly its text (a key or text already in final form).</summary>
    private static string? Repeat(SepReader.Row cells, int i, ref string? last) =>
        last is not null && cells[i].Span.SequenceEqual(last) ? last : null;

    private static DateTime Date(ReadOnlySpan<char> text, long row, RowParser parser, RepeatCache repeats)
    {
        if (repeats.DateLength >= 0 && text.SequenceEqual(repeats.DateText.AsSpan(0, repeats.DateLength))) return repeats.Date;
        var date = parser.Date(row, text);
        if (text.Length <= repeats.DateText.Length)
        {
            text.CopyTo(repeats.DateText);
            repeats.DateLength = text.Length;
            repeats.Date = date;
        }
        return date;
    }

    /// <summary>A key through Sep's string pool when the cell is already in its final form (the usual case).</summary>
    private static string? Key(SepReader.Row cells, int i)
    {
        var span = cells[i].Span;
        if (span.IsEmpty) return null;
        return CellParser.IsCanonicalKey(span) ? cells[i].ToString() : CellParser.Key(span);
    }

    private static string? Text(SepReader.Row cells, int i)
    {
        var span = cells[i].Span;
        if (span.IsEmpty) return null;
        return span.Trim().Length == span.Length ? cells[i].ToString() : CellParser.Text(span);
    }
}
