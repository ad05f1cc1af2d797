using System.Runtime.InteropServices;
using Segmentation.Prepare.Engine;

namespace Segmentation.Tests.Pipeline;

public sealed class FileReadPositionTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private string File(int bytes)
    {
        var path = _dir.File("input.csv");
        System.IO.File.WriteAllBytes(path, new byte[bytes]);
        return path;
    }

    /// <summary>A file opened for reads that move its descriptor's position, as the engine's are (.NET's own read at an offset, which leaves it).</summary>
    private sealed class SequentialReader(string path) : IDisposable
    {
        private readonly Microsoft.Win32.SafeHandles.SafeFileHandle _handle = System.IO.File.OpenHandle(path);

        public void Read(int bytes)
        {
            if (ReadFromDescriptor((int)_handle.DangerousGetHandle(), new byte[bytes], bytes) != bytes) throw new IOException("short read");
        }

        public void Dispose() => _handle.Dispose();

        [DllImport("libc", EntryPoint = "read", SetLastError = true)]
        private static extern nint ReadFromDescriptor(int descriptor, byte[] buffer, nint count);
    }

    [Fact]
    public void A_file_being_read_is_as_far_read_as_its_descriptor_has_come()
    {
        if (!OperatingSystem.IsLinux()) return;
        var path = File(400_000);
        var position = new FileReadPosition(path);
        using (var reader = new SequentialReader(path))
        {
            Assert.Equal(0, position.Fraction());
            reader.Read(100_000);
            Assert.Equal(0.25, position.Fraction());
            reader.Read(300_000);
            Assert.Equal(1, position.Fraction());
        }
        Assert.Null(position.Fraction());
    }

    [Fact]
    public void Of_two_descriptors_on_one_file_the_further_counts_and_another_file_not_at_all()
    {
        if (!OperatingSystem.IsLinux()) return;
        var path = File(1000);
        var other = _dir.Write("other.csv", new string('x', 1000));
        var position = new FileReadPosition(path);
        using var behind = new SequentialReader(path);
        using var ahead = new SequentialReader(path);
        using var elsewhere = new SequentialReader(other);
        behind.Read(100);
        ahead.Read(600);
        elsewhere.Read(900);

        Assert.Equal(0.6, position.Fraction());
    }

    [Fact]
    public void A_file_named_through_a_link_is_found_by_the_file_it_reaches()
    {
        if (!OperatingSystem.IsLinux()) return;
        var path = File(1000);
        var folder = Directory.CreateSymbolicLink(_dir.File("linked"), _dir.Path).FullName;
        var position = new FileReadPosition(Path.Combine(folder, "input.csv"));
        using var reader = new SequentialReader(path);
        reader.Read(300);

        Assert.Equal(0.3, position.Fraction());
    }

    [Fact]
    public void A_file_no_descriptor_is_open_on_has_no_position()
    {
        Assert.Null(new FileReadPosition(File(1000)).Fraction());
    }
}
