namespace Segmentation.Prepare.Sources;

internal enum InputFormat
{
    Csv,
    CsvGzip,
    Excel,
    Parquet,

    /// <summary>A table or query of a database (see <see cref="DatabaseInput"/>).</summary>
    Database,
}

internal static class InputFormats
{
    /// <summary>The file names a door offers to take (an upload keeps its extension, and <see cref="FromPath"/> reads it).</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".csv.gz", ".csv", ".txt", ".tsv", ".xlsx", ".xls", ".parquet"];

    /// <summary>Decides the format from the file name; the content is checked again when it is opened.</summary>
    public static InputFormat FromPath(string path)
    {
        var name = Path.GetFileName(path).ToLowerInvariant();
        if (name.EndsWith(".gz", StringComparison.Ordinal)) return InputFormat.CsvGzip;
        if (name.EndsWith(".parquet", StringComparison.Ordinal)) return InputFormat.Parquet;
        if (name.EndsWith(".xlsx", StringComparison.Ordinal) || name.EndsWith(".xls", StringComparison.Ordinal)
            || name.EndsWith(".xlsm", StringComparison.Ordinal)) return InputFormat.Excel;
        return InputFormat.Csv;
    }
}
