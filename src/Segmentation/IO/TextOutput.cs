using System.IO.Compression;

namespace Segmentation.IO;

/// <summary>The one way text files are written: UTF-8 without BOM, LF line ends, gzip when the name ends in .gz.</summary>
internal static class TextOutput
{
    public static void Write(string path, Action<TextWriter> write) => AtomicFile.Write(path, stream =>
    {
        // Fastest: these files are read back (samples, exports), not archived.
        using var compressed = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(stream, CompressionLevel.Fastest, leaveOpen: true) : null;
        using var writer = new StreamWriter(compressed ?? stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        write(writer);
    });
}
