using System.Collections;

namespace Segmentation.Prepare.Sources;

/// <summary>
/// The in-memory path: every row of a file, read once and held, so that cleaning and RFM can be re-run with
/// other options (another as-of date, other cleaning rules) without reading the file again, as a notebook
/// does. Memory grows with the rows (about 130 bytes each, text shared), which the streaming path avoids;
/// both give the same result, row for row (a test holds them to it on a million rows).
/// </summary>
internal sealed class TransactionTable : IReadOnlyList<Transaction>
{
    // Chunks rather than one array: no copy of the whole table as it grows, and no single huge allocation.
    private const int ChunkSize = 1 << 16;
    private readonly List<Transaction[]> _chunks = [];

    private TransactionTable(string file, InputFormat format, ResolvedColumns columns, BadRowLog badRows)
    {
        File = file;
        Format = format;
        Columns = columns;
        BadRows = badRows;
    }

    public string File { get; }
    public InputFormat Format { get; }
    public ResolvedColumns Columns { get; }
    public ColumnMapping Mapping => Columns.Mapping;
    public IReadOnlyList<string> Header => Columns.Header;

    /// <summary>Rows skipped while loading (only with <see cref="IngestOptions.SkipBadRows"/>); every replay reports them.</summary>
    public BadRowLog BadRows { get; }

    public int Count { get; private set; }

    public Transaction this[int index] =>
        (uint)index < (uint)Count ? _chunks[index / ChunkSize][index % ChunkSize] : throw new ArgumentOutOfRangeException(nameof(index));

    public static TransactionTable Load(string path, IngestOptions? options = null)
    {
        using var stream = TransactionReader.Open(path, options);
        return Load(stream);
    }

    /// <summary>Reads every row of <paramref name="stream"/> into memory.</summary>
    public static TransactionTable Load(TransactionStream stream)
    {
        var table = new TransactionTable(stream.File, stream.Format, stream.Columns, stream.BadRows);
        // Equal texts share one string: a description or a country is held once, not once per row.
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        string? Share(string? s)
        {
            if (s is null) return null;
            if (strings.TryGetValue(s, out var shared)) return shared;
            strings.Add(s, s);
            return s;
        }
        foreach (var row in stream.Rows)
        {
            table.Add(row with
            {
                CustomerId = Share(row.CustomerId),
                InvoiceNo = Share(row.InvoiceNo),
                StockCode = Share(row.StockCode),
                Description = Share(row.Description),
                Country = Share(row.Country),
            });
        }
        return table;
    }

    /// <summary>The rows as a stream, for <see cref="Segmentation.Prepare.Preparation"/> or the whole pipeline; open it as often as needed.</summary>
    public TransactionStream Open() =>
        new(File, Format, Columns, BadRows, this, static () => { });

    public IEnumerator<Transaction> GetEnumerator()
    {
        for (var i = 0; i < Count; i++) yield return _chunks[i / ChunkSize][i % ChunkSize];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private void Add(in Transaction row)
    {
        if (Count % ChunkSize == 0) _chunks.Add(new Transaction[ChunkSize]);
        _chunks[^1][Count % ChunkSize] = row;
        Count++;
    }
}
