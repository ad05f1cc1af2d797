namespace Segmentation.Prepare.Sources;

/// <summary>
/// The input lacks columns the mapping needs: which fields, the headers nearest to each, and the mapping to offer.
/// Each door names its own way to map them (the CLI's flags to paste, the web page's form filled in).
/// </summary>
public sealed class MissingColumnsException : InputException
{
    public MissingColumnsException(string file, string reason, IReadOnlyList<string> header, IReadOnlyList<MissingColumn> missing,
        IReadOnlyDictionary<ColumnRole, string> suggested, Exception? inner = null)
        : base(file, reason, row: 1, inner: inner)
    {
        Header = header;
        MissingColumns = missing;
        Suggested = suggested;
    }

    /// <summary>The fields no column was found for.</summary>
    public IReadOnlyList<MissingColumn> MissingColumns { get; }

    /// <summary>The header each field was found under, and for each missing one its closest header: the mapping to confirm.</summary>
    public IReadOnlyDictionary<ColumnRole, string> Suggested { get; }

    public override InputException For(string file) => new MissingColumnsException(file, Reason, Header!, MissingColumns, Suggested, this);
}
