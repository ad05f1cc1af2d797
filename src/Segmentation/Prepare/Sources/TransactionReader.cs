
namespace Segmentation.Prepare.Sources;

/// <summary>The entry point of ingest: opens a CSV, CSV.gz, Excel or Parquet file and checks its header.</summary>
internal static class TransactionReader
{
    /// <summary>Opens <paramref name="path"/>; the format follows the file name, and is checked against the content.</summary>
    public static TransactionStream Open(string path, IngestOptions? options = null)
    {
        options ??= IngestOptions.Default;
        if (Directory.Exists(path)) throw new InputException(path, "this is a folder, not a transactions file");
        if (!System.IO.File.Exists(path)) throw new InputException(path, "the file does not exist");
        FileStream file;
        try
        {
            // Read-only and shared: the input is never modified, and may be open in Excel meanwhile.
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(path, $"the file cannot be opened: {e.Message}");
        }
        if (file.Length == 0)
        {
            file.Dispose();
            throw new InputException(path, "the file is empty");
        }
        var format = InputFormats.FromPath(path);
        if (format == InputFormat.Parquet)
        {
            var isParquet = Peek(file) is [(byte)'P', (byte)'A', (byte)'R', (byte)'1', ..];
            file.Dispose();
            if (!isParquet) throw new InputException(path, "the file is named .parquet but is not a Parquet file");
            return ParquetTransactionReader.Open(path, options);
        }
        return Open(file, path, format, options);
    }

    /// <summary>Opens a stream already in hand (a generated sample, a download); <paramref name="name"/> is used in messages.</summary>
    public static TransactionStream Open(Stream stream, string name, InputFormat format, IngestOptions? options = null)
    {
        options ??= IngestOptions.Default;
        var magic = Peek(stream);
        if (format == InputFormat.CsvGzip || IsGzip(magic))
        {
            if (!IsGzip(magic))
            {
                stream.Dispose();
                throw new InputException(name, "the file is named .gz but is not gzip-compressed");
            }
            return CsvTransactionReader.Open(GzipTruncationGuard.Decompress(stream), name, options, InputFormat.CsvGzip);
        }
        if (format == InputFormat.Excel) return ExcelTransactionReader.Open(stream, name, options);
        if (IsZip(magic) || IsCompoundFile(magic))
        {
            return ExcelTransactionReader.Open(stream, name, options);
        }
        return CsvTransactionReader.Open(stream, name, options);
    }

    internal static InputException Unreadable(string file, Exception e, long? row = null) => e switch
    {
        InputException input => input,
        InvalidDataException or EndOfStreamException => new InputException(file,
            $"the compressed data is damaged or truncated ({e.Message.ReplaceLineEndings(" ").Trim()})", row, inner: e),
        _ => new InputException(file, $"the file cannot be read: {e.Message.ReplaceLineEndings(" ").Trim()}", row, inner: e),
    };

    internal static byte[] Peek(Stream stream)
    {
        if (!stream.CanSeek) return [];
        var buffer = new byte[8];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        return buffer[..read];
    }

    private static bool IsGzip(byte[] m) => m.Length >= 2 && m[0] == 0x1F && m[1] == 0x8B;
    internal static bool IsZip(byte[] m) => m.Length >= 4 && m[0] == (byte)'P' && m[1] == (byte)'K' && m[2] == 3 && m[3] == 4;
    private static bool IsCompoundFile(byte[] m) => m.Length >= 4 && m[0] == 0xD0 && m[1] == 0xCF && m[2] == 0x11 && m[3] == 0xE0;
}
