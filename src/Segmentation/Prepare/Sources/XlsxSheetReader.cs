using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace Segmentation.Prepare.Sources;

/// <summary>
/// A forward-only reader of one worksheet of an .xlsx: the shared strings and the date styles are loaded,
/// then the sheet's XML is streamed row by row, scanned as bytes. It gives cells the types ExcelDataReader
/// gives them (string, double, DateTime for date-formatted numbers, bool); ExcelDataReader stays the reader
/// of .xls and of encrypted workbooks, and the reference this one is tested against cell by cell.
/// </summary>
internal sealed class XlsxSheetReader : IDisposable
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static readonly XmlReaderSettings Settings = new() { IgnoreWhitespace = false, IgnoreComments = true, DtdProcessing = DtdProcessing.Prohibit, CloseInput = true };

    private readonly ZipArchive _zip;
    private readonly Stream _sheet;
    private byte[] _buffer = new byte[1 << 20];
    private int _start;
    private int _end;
    private bool _eof;
    private readonly string[] _strings;
    private readonly bool[] _dateStyles;
    private object?[] _cells = [];

    private XlsxSheetReader(ZipArchive zip, Stream sheet, string name, string[] strings, bool[] dateStyles)
    {
        _zip = zip;
        _sheet = sheet;
        Name = name;
        _strings = strings;
        _dateStyles = dateStyles;
    }

    public string Name { get; }
    public int FieldCount { get; private set; }
    public object? GetValue(int i) => i < _cells.Length ? _cells[i] : null;

    /// <summary>Opens the named sheet, or the first; null when the workbook has no sheet of that name (the names are returned for the message).</summary>
    public static XlsxSheetReader? Open(Stream stream, string? sheetName, out IReadOnlyList<string> sheets)
    {
        var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: false);
        try
        {
            var workbook = Load(zip, "xl/workbook.xml");
            var rels = Load(zip, "xl/_rels/workbook.xml.rels");
            var targets = rels.GetElementsByTagName("Relationship").Cast<XmlElement>().ToDictionary(e => e.GetAttribute("Id"), e => e.GetAttribute("Target"));
            var all = workbook.GetElementsByTagName("sheet", Main).Cast<XmlElement>()
                .Select(e => (Name: e.GetAttribute("name"), Target: targets[e.GetAttribute("id", "http://schemas.openxmlformats.org/officeDocument/2006/relationships")]))
                .ToList();
            sheets = all.Select(s => s.Name).ToArray();
            var chosen = sheetName is null ? all.FirstOrDefault() : all.FirstOrDefault(s => string.Equals(s.Name, sheetName, StringComparison.OrdinalIgnoreCase));
            if (chosen.Name is null)
            {
                zip.Dispose();
                return null;
            }
            var path = chosen.Target.StartsWith('/') ? chosen.Target[1..] : "xl/" + chosen.Target;
            var entry = zip.GetEntry(path) ?? throw new InvalidDataException($"the workbook has no part {path}");
            return new XlsxSheetReader(zip, entry.Open(), chosen.Name, SharedStrings(zip), DateStyles(zip));
        }
        catch
        {
            zip.Dispose();
            throw;
        }
    }

    /// <summary>Moves to the next row; rows the sheet skips come back empty, so row numbers stay as the sheet shows them.</summary>
    public bool Read()
    {
        if (_pendingEmpty > 0)
        {
            _pendingEmpty--;
            _cells = [];
            return true;
        }
        if (_deferred is not null)
        {
            _cells = _deferred;
            _deferred = null;
            return true;
        }
        if (!NextRow(out var number, out var cells)) return false;
        var gap = number - _row - 1;
        _row = number;
        if (gap > 0)
        {
            // Blank rows between: return them first, then this one.
            _pendingEmpty = gap - 1;
            _deferred = cells;
            _cells = [];
            return true;
        }
        _cells = cells;
        return true;
    }

    private int _row;
    private int _pendingEmpty;
    private object?[]? _deferred;

    // The sheet's XML is scanned as UTF-8 bytes rather than through XmlReader, which spent about 2.7 s on the
    // 153 MB sheet of the UCI workbook on attribute strings alone. A worksheet's sheetData is a flat, regular
    // grammar (row, c with r/s/t attributes, v or is/t), so a byte scanner reads it exactly.
    private bool NextRow(out int number, out object?[] cells)
    {
        number = 0;
        cells = [];
        while (true)
        {
            var span = _buffer.AsSpan(_start, _end - _start);
            var open = span.IndexOf("<row"u8);
            if (open >= 0)
            {
                var rowSpan = span[open..];
                var tagEnd = rowSpan.IndexOf((byte)'>');
                if (tagEnd >= 0)
                {
                    var selfClosing = rowSpan[tagEnd - 1] == (byte)'/';
                    var close = selfClosing ? tagEnd + 1 : rowSpan.IndexOf("</row>"u8);
                    if (close >= 0)
                    {
                        var tag = rowSpan[..tagEnd];
                        number = Attribute(tag, "r"u8) is { Length: > 0 } r ? ParseInt(r) : _row + 1;
                        cells = selfClosing ? [] : ParseCells(rowSpan[(tagEnd + 1)..close]);
                        _start += open + close + (selfClosing ? 0 : 6);
                        return true;
                    }
                }
            }
            else if (span.IndexOf("</sheetData>"u8) >= 0)
            {
                return false;
            }
            if (_eof) return false;
            Fill();
        }
    }

    private void Fill()
    {
        // Keep what is not consumed, grow when one row does not fit, read more.
        var remaining = _end - _start;
        if (remaining > _buffer.Length / 2) Array.Resize(ref _buffer, _buffer.Length * 2);
        Buffer.BlockCopy(_buffer, _start, _buffer, 0, remaining);
        _start = 0;
        _end = remaining;
        // ReadAtLeast fills the buffer unless the stream ends first.
        _end += _sheet.ReadAtLeast(_buffer.AsSpan(_end), _buffer.Length - _end, throwOnEndOfStream: false);
        _eof = _end < _buffer.Length;
    }

    private object?[] ParseCells(ReadOnlySpan<byte> row)
    {
        var cells = new List<object?>(Math.Max(FieldCount, 8));
        while (true)
        {
            var at = row.IndexOf("<c"u8);
            if (at < 0) break;
            row = row[at..];
            if (row.Length > 2 && row[2] != (byte)' ' && row[2] != (byte)'>' && row[2] != (byte)'/')
            {
                row = row[2..];
                continue;
            }
            var tagEnd = row.IndexOf((byte)'>');
            var tag = row[..tagEnd];
            var selfClosing = tag[^1] == (byte)'/';
            var reference = Attribute(tag, "r"u8);
            var column = reference.IsEmpty ? cells.Count : Column(reference);
            var type = Attribute(tag, "t"u8);
            var style = Attribute(tag, "s"u8) is { Length: > 0 } st ? ParseInt(st) : 0;
            ReadOnlySpan<byte> raw = default;
            var hasValue = false;
            if (selfClosing)
            {
                row = row[(tagEnd + 1)..];
            }
            else
            {
                var body = row[(tagEnd + 1)..];
                var end = body.IndexOf("</c>"u8);
                var content = body[..end];
                if (Element(content, "v"u8, out raw) || Element(content, "t"u8, out raw)) hasValue = true;
                row = body[(end + 4)..];
            }
            while (cells.Count <= column) cells.Add(null);
            cells[column] = hasValue ? Value(type, style, raw) : null;
        }
        if (cells.Count > FieldCount) FieldCount = cells.Count;
        return cells.ToArray();
    }

    private object? Value(ReadOnlySpan<byte> type, int style, ReadOnlySpan<byte> raw)
    {
        if (type.SequenceEqual("s"u8)) return _strings[ParseInt(raw)];
        if (type.SequenceEqual("str"u8) || type.SequenceEqual("inlineStr"u8) || type.SequenceEqual("e"u8)) return Unescape(raw);
        if (type.SequenceEqual("b"u8)) return raw.SequenceEqual("1"u8);
        var number = double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture);
        return style < _dateStyles.Length && _dateStyles[style] ? DateTime.FromOADate(number) : number;
    }

    /// <summary>The value of attribute <paramref name="name"/> in a start tag (the attribute must follow a space).</summary>
    private static ReadOnlySpan<byte> Attribute(ReadOnlySpan<byte> tag, ReadOnlySpan<byte> name)
    {
        var i = 0;
        while (true)
        {
            var at = tag[i..].IndexOf(name);
            if (at < 0) return default;
            at += i;
            var after = at + name.Length;
            if (at > 0 && tag[at - 1] == (byte)' ' && after + 1 < tag.Length && tag[after] == (byte)'=' && tag[after + 1] is (byte)'"' or (byte)'\'')
            {
                var quote = tag[after + 1];
                var value = tag[(after + 2)..];
                return value[..value.IndexOf(quote)];
            }
            i = after;
        }
    }

    /// <summary>The text of the first element <paramref name="name"/> (with or without attributes) in <paramref name="content"/>.</summary>
    private static bool Element(ReadOnlySpan<byte> content, ReadOnlySpan<byte> name, out ReadOnlySpan<byte> text)
    {
        text = default;
        var i = 0;
        while (true)
        {
            var at = content[i..].IndexOf((byte)'<');
            if (at < 0) return false;
            at += i;
            var rest = content[(at + 1)..];
            if (rest.StartsWith(name) && rest.Length > name.Length && rest[name.Length] is (byte)'>' or (byte)' ' or (byte)'/')
            {
                var tagEnd = rest.IndexOf((byte)'>');
                if (rest[tagEnd - 1] == (byte)'/') return true;
                var body = rest[(tagEnd + 1)..];
                var close = body.IndexOf("</"u8);
                text = body[..close];
                return true;
            }
            i = at + 1;
        }
    }

    private static string Unescape(ReadOnlySpan<byte> raw)
    {
        var text = System.Text.Encoding.UTF8.GetString(raw);
        return text.Contains('&', StringComparison.Ordinal) ? System.Net.WebUtility.HtmlDecode(text) : text;
    }

    private static int ParseInt(ReadOnlySpan<byte> digits) => int.Parse(digits, NumberStyles.Integer, CultureInfo.InvariantCulture);

    private static int Column(ReadOnlySpan<byte> reference)
    {
        var c = 0;
        foreach (var ch in reference)
        {
            if (ch is < (byte)'A' or > (byte)'Z') break;
            c = c * 26 + (ch - 'A' + 1);
        }
        return c - 1;
    }

    private static string[] SharedStrings(ZipArchive zip)
    {
        var entry = zip.GetEntry("xl/sharedStrings.xml");
        if (entry is null) return [];
        var strings = new List<string>();
        using var reader = XmlReader.Create(entry.Open(), Settings);
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "si") continue;
            // A rich-text string is several runs (<r><t>..</t></r>); phonetic runs (<rPh>) are not part of the text.
            var text = new System.Text.StringBuilder();
            var depth = reader.Depth;
            var skip = 0;
            while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "rPh" && !reader.IsEmptyElement) skip++;
                else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "rPh") skip--;
                else if (skip == 0 && reader.NodeType == XmlNodeType.Element && reader.LocalName == "t") text.Append(reader.ReadElementContentAsString());
                if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth) break;
            }
            strings.Add(text.ToString());
        }
        return strings.ToArray();
    }

    /// <summary>For each cell style, whether its number format shows a date (Excel's built-in 14-22 and 45-47, or a custom format with date parts).</summary>
    private static bool[] DateStyles(ZipArchive zip)
    {
        if (zip.GetEntry("xl/styles.xml") is null) return [];
        var styles = Load(zip, "xl/styles.xml");
        var custom = styles.GetElementsByTagName("numFmt", Main).Cast<XmlElement>()
            .ToDictionary(e => int.Parse(e.GetAttribute("numFmtId"), CultureInfo.InvariantCulture), e => e.GetAttribute("formatCode"));
        var cellXfs = styles.GetElementsByTagName("cellXfs", Main).Cast<XmlElement>().FirstOrDefault();
        if (cellXfs is null) return [];
        return cellXfs.GetElementsByTagName("xf", Main).Cast<XmlElement>().Select(xf =>
        {
            var id = int.Parse(xf.GetAttribute("numFmtId") is { Length: > 0 } v ? v : "0", CultureInfo.InvariantCulture);
            return id is >= 14 and <= 22 or >= 45 and <= 47 || (custom.TryGetValue(id, out var code) && IsDateFormat(code));
        }).ToArray();
    }

    private static bool IsDateFormat(string code)
    {
        // Text in quotes or brackets (colours, conditions, literal text) does not count.
        var inQuote = false;
        var inBracket = false;
        foreach (var ch in code)
        {
            if (ch == '"') inQuote = !inQuote;
            else if (!inQuote && ch == '[') inBracket = true;
            else if (!inQuote && ch == ']') inBracket = false;
            else if (!inQuote && !inBracket && "dmyhsDMYHS".Contains(ch, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    private static XmlDocument Load(ZipArchive zip, string path)
    {
        var entry = zip.GetEntry(path) ?? throw new InvalidDataException($"the workbook has no part {path}");
        var document = new XmlDocument { XmlResolver = null };
        using var reader = XmlReader.Create(entry.Open(), Settings);
        document.Load(reader);
        return document;
    }

    public void Dispose()
    {
        _sheet.Dispose();
        _zip.Dispose();
    }
}
