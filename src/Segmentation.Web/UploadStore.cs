using Segmentation.App;

namespace Segmentation.Web;

/// <summary>An uploaded file under its private name, told by the name its owner gave it; deleting it is disposing it.</summary>
internal sealed class Upload(string path, string name) : IDisposable
{
    public string Path { get; } = path;
    public string Name { get; } = name;

    public void Dispose()
    {
        try
        {
            File.Delete(Path);
        }
        catch (IOException)
        {
            // Still open by a reader that failed: the folder is removed at shutdown.
        }
    }
}

/// <summary>
/// Uploads are streamed into a folder only this process's user can read, under a random name that keeps only the
/// extension (which says the format): no name from the request is ever part of a path that is opened.
/// </summary>
internal sealed class UploadStore : IDisposable
{
    private static readonly IReadOnlyList<string> Extensions = SegmentationApp.InputExtensions;

    public UploadStore()
    {
        Root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "segmentation-uploads-" + Guid.NewGuid().ToString("N"));
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(Root);
        else Directory.CreateDirectory(Root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public string Root { get; }

    /// <summary>Files the store holds now (tests check that every upload is deleted after its run).</summary>
    public int Count => Directory.Exists(Root) ? Directory.GetFiles(Root).Length : 0;

    /// <summary>The extension the format is read from, or null when the name has none the readers know.</summary>
    public static string? ExtensionOf(string fileName) =>
        Extensions.FirstOrDefault(e => fileName.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    public static string Accepted => string.Join(", ", Extensions);

    /// <summary>Copies <paramref name="content"/> into the store; fails past <paramref name="maxBytes"/> and leaves nothing behind.</summary>
    public async Task<Upload> Save(Stream content, string fileName, long maxBytes, CancellationToken cancel)
    {
        var name = DisplayName(fileName);
        var extension = ExtensionOf(name) ?? throw new InputException(name, $"the file type is not one the app reads; upload one of {Accepted}");
        var path = System.IO.Path.Combine(Root, Guid.NewGuid().ToString("N") + extension.ToLowerInvariant());
        var upload = new Upload(path, name);
        try
        {
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            var buffer = new byte[1 << 16];
            long total = 0;
            int read;
            while ((read = await content.ReadAsync(buffer, cancel).ConfigureAwait(false)) > 0)
            {
                total += read;
                if (total > maxBytes) throw new InputException(name, $"the file is larger than the limit of {maxBytes / (1024 * 1024)} MB (serve --max-upload-mb)");
                await file.WriteAsync(buffer.AsMemory(0, read), cancel).ConfigureAwait(false);
            }
            return upload;
        }
        catch
        {
            upload.Dispose();
            throw;
        }
    }

    /// <summary>The name shown to people: the last part of what the browser sent, without control characters, at most 200 characters.</summary>
    public static string DisplayName(string? fileName)
    {
        var name = System.IO.Path.GetFileName((fileName ?? "").Replace('\\', '/'));
        name = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (name.Length == 0) name = "upload";
        return name.Length <= 200 ? name : name[..200];
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
