namespace Segmentation;

/// <summary>
/// A problem with the user's input that the user can fix: a missing file, a column that is not there,
/// a value that does not parse. Carries where it happened so that the message can point at the cell.
/// </summary>
public class InputException : Exception
{
    public InputException(string file, string reason, long? row = null, string? column = null, Exception? inner = null, string? option = null)
        : base(Compose(file, reason, row, column), inner)
    {
        File = file;
        Reason = reason;
        Row = row;
        Column = column;
        Option = option;
    }

    /// <summary>The option that would fix it, when there is one (see <see cref="OptionNames"/>); each door names it its own way.</summary>
    public string? Option { get; }

    /// <summary>The file's header, when the problem is a column the mapping names and the file lacks: what a door offers to map from.</summary>
    public IReadOnlyList<string>? Header { get; init; }

    /// <summary>The file as the user named it.</summary>
    public string File { get; }

    /// <summary>The sentence that says what is wrong, without the location.</summary>
    public string Reason { get; }

    /// <summary>1-based row as a spreadsheet shows it (the header is row 1), when the problem is in a row.</summary>
    public long? Row { get; }

    /// <summary>The column's header name, when the problem is in a column.</summary>
    public string? Column { get; }

    /// <summary>The same problem told about <paramref name="file"/> (an upload kept under a private name is told by the name the user gave it).</summary>
    public virtual InputException For(string file) => new(file, Reason, Row, Column, this, Option) { Header = Header };

    private static string Compose(string file, string reason, long? row, string? column)
    {
        var where = file;
        if (row is { } r) where += $", row {r.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        if (column is not null) where += $", column '{column}'";
        return $"{where}: {reason}";
    }
}
