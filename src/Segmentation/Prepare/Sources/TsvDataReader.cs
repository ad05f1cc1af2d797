using System.Collections;
using System.Data.Common;
using System.Text;

namespace Segmentation.Prepare.Sources;

/// <summary>
/// A result in ClickHouse's <c>TabSeparatedWithNames</c> format read as a data reader: the first line names the
/// columns, each further line is a row, every value text (or NULL for <c>\N</c>) with ClickHouse's escapes undone.
/// ClickHouse 18.16 cannot send the driver's typed format (RowBinaryWithNamesAndTypes), and a current server sends
/// this one too: the same path for both. Counts the bytes it reads, as they came over the wire.
/// </summary>
internal sealed class TsvDataReader : DbDataReader
{
    private readonly CountingStream _counted;
    private readonly StreamReader _text;
    private readonly IDisposable? _owner;
    private readonly string[] _names;
    private string?[] _row = [];

    public TsvDataReader(Stream stream, IDisposable? owner = null)
    {
        _counted = new CountingStream(stream);
        _text = new StreamReader(_counted, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
        _owner = owner;
        _names = _text.ReadLine() is { } header ? header.Split('\t').Select(n => Unescape(n)!).ToArray() : [];
    }

    /// <summary>The bytes read from the stream so far.</summary>
    public long BytesRead => _counted.Count;

    public override bool Read()
    {
        var line = _text.ReadLine();
        if (line is null) return false;
        var fields = line.Split('\t');
        if (fields.Length != _names.Length) throw new InvalidDataException($"a result row has {fields.Length} fields where the header names {_names.Length}");
        _row = new string?[fields.Length];
        for (var i = 0; i < fields.Length; i++) _row[i] = Unescape(fields[i]);
        return true;
    }

    /// <summary>A field as ClickHouse wrote it: <c>\N</c> is NULL; <c>\t</c>, <c>\n</c>, <c>\\</c>, <c>\'</c>... are the characters.</summary>
    internal static string? Unescape(string field)
    {
        if (field == @"\N") return null;
        if (!field.Contains('\\', StringComparison.Ordinal)) return field;
        var s = new StringBuilder(field.Length);
        for (var i = 0; i < field.Length; i++)
        {
            var c = field[i];
            if (c != '\\' || i == field.Length - 1) { s.Append(c); continue; }
            var next = field[++i];
            s.Append(next switch
            {
                'n' => '\n',
                't' => '\t',
                'r' => '\r',
                'b' => '\b',
                'f' => '\f',
                '0' => '\0',
                _ => next,
            });
        }
        return s.ToString();
    }

    public override int FieldCount => _names.Length;
    public override string GetName(int ordinal) => _names[ordinal];
    public override int GetOrdinal(string name) => Array.IndexOf(_names, name);
    public override Type GetFieldType(int ordinal) => typeof(string);
    public override string GetDataTypeName(int ordinal) => "String";
    public override bool IsDBNull(int ordinal) => _row[ordinal] is null;
    public override object GetValue(int ordinal) => _row[ordinal] ?? (object)DBNull.Value;
    public override string GetString(int ordinal) => _row[ordinal] ?? throw new InvalidCastException("the value is NULL");

    public override int GetValues(object[] values)
    {
        var n = Math.Min(values.Length, _row.Length);
        for (var i = 0; i < n; i++) values[i] = GetValue(i);
        return n;
    }

    public override object this[int ordinal] => GetValue(ordinal);
    public override object this[string name] => GetValue(GetOrdinal(name));
    public override bool HasRows => true;
    public override bool IsClosed => false;
    public override int RecordsAffected => -1;
    public override int Depth => 0;
    public override bool NextResult() => false;
    public override IEnumerator GetEnumerator() => new DbEnumerator(this);

    // Every value is text: the typed getters are not part of this reader's use.
    public override bool GetBoolean(int ordinal) => throw new NotSupportedException();
    public override byte GetByte(int ordinal) => throw new NotSupportedException();
    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) => throw new NotSupportedException();
    public override char GetChar(int ordinal) => throw new NotSupportedException();
    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) => throw new NotSupportedException();
    public override DateTime GetDateTime(int ordinal) => throw new NotSupportedException();
    public override decimal GetDecimal(int ordinal) => throw new NotSupportedException();
    public override double GetDouble(int ordinal) => throw new NotSupportedException();
    public override float GetFloat(int ordinal) => throw new NotSupportedException();
    public override Guid GetGuid(int ordinal) => throw new NotSupportedException();
    public override short GetInt16(int ordinal) => throw new NotSupportedException();
    public override int GetInt32(int ordinal) => throw new NotSupportedException();
    public override long GetInt64(int ordinal) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _text.Dispose();
            _owner?.Dispose();
        }
        base.Dispose(disposing);
    }

    private sealed class CountingStream(Stream inner) : Stream
    {
        public long Count { get; private set; }
        public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, count));
        public override int Read(Span<byte> buffer) => Counted(inner.Read(buffer));
        private int Counted(int n) { Count += n; return n; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Count; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        protected override void Dispose(bool disposing) { if (disposing) inner.Dispose(); base.Dispose(disposing); }
    }
}
