using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;

namespace Segmentation.Prepare.Sources;

/// <summary>
/// .NET's GZipStream ends quietly at the end of a truncated file, which would silently lose rows. This
/// stream checks the decompressed bytes against the gzip trailer (CRC-32 and length) when they end, and
/// throws <see cref="InvalidDataException"/> if they disagree. Only the last member's trailer is known,
/// so a multi-member gzip is checked as a single member (rare outside bioinformatics' bgzip).
/// </summary>
internal sealed class GzipTruncationGuard : Stream
{
    private readonly GZipStream _inner;
    private readonly uint? _expectedCrc;
    private readonly uint? _expectedLength;
    private readonly Crc32 _crc = new();
    private ulong _length;
    private bool _verified;

    private GzipTruncationGuard(GZipStream inner, uint? expectedCrc, uint? expectedLength)
    {
        _inner = inner;
        _expectedCrc = expectedCrc;
        _expectedLength = expectedLength;
    }

    public static Stream Decompress(Stream compressed)
    {
        uint? crc = null, length = null;
        if (compressed.CanSeek && compressed.Length >= 18)
        {
            Span<byte> trailer = stackalloc byte[8];
            compressed.Seek(-8, SeekOrigin.End);
            compressed.ReadExactly(trailer);
            compressed.Position = 0;
            crc = BinaryPrimitives.ReadUInt32LittleEndian(trailer);
            length = BinaryPrimitives.ReadUInt32LittleEndian(trailer[4..]);
        }
        return new GzipTruncationGuard(new GZipStream(compressed, CompressionMode.Decompress), crc, length);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = _inner.Read(buffer);
        if (n > 0)
        {
            _crc.Append(buffer[..n]);
            _length += (ulong)n;
        }
        else if (buffer.Length > 0)
        {
            Verify();
        }
        return n;
    }

    private void Verify()
    {
        if (_verified || _expectedCrc is null) return;
        _verified = true;
        if (_crc.GetCurrentHashAsUInt32() != _expectedCrc || (uint)_length != _expectedLength)
        {
            throw new InvalidDataException(
                $"the data ends after {_length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} bytes but the gzip trailer does not match them; the file is probably incomplete");
        }
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => (long)_length; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _inner.Dispose();
        base.Dispose(disposing);
    }
}
