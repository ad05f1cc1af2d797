namespace Segmentation.Prepare.Sources;

/// <summary>
/// An opened transactions file: its header is read and checked, its rows are read once, forward only,
/// so that memory does not grow with the file.
/// </summary>
internal sealed class TransactionStream : IDisposable
{
    private readonly Action _dispose;
    private bool _enumerated;

    internal TransactionStream(string file, InputFormat format, ResolvedColumns columns, BadRowLog badRows, IEnumerable<Transaction> rows, Action dispose)
    {
        File = file;
        Format = format;
        Columns = columns;
        BadRows = badRows;
        _rows = rows;
        _dispose = dispose;
    }

    private readonly IEnumerable<Transaction> _rows;

    public string File { get; }
    public InputFormat Format { get; }

    /// <summary>The columns, resolved once against the header: every later step reads them from here.</summary>
    public ResolvedColumns Columns { get; }

    /// <summary>The mapping in force: the one asked for, or the layout recognised from the header.</summary>
    public ColumnMapping Mapping => Columns.Mapping;

    public IReadOnlyList<string> Header => Columns.Header;

    /// <summary>Rows skipped because a value did not parse (only with <see cref="IngestOptions.SkipBadRows"/>).</summary>
    public BadRowLog BadRows { get; }

    /// <summary>The rows, in file order. They can be read once.</summary>
    public IEnumerable<Transaction> Rows
    {
        get
        {
            if (_enumerated) throw new InvalidOperationException("The rows of a transaction stream can be read once.");
            _enumerated = true;
            return _rows;
        }
    }

    public void Dispose() => _dispose();
}
