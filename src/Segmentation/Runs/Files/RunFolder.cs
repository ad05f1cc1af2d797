
namespace Segmentation.Runs.Files;

/// <summary>
/// Writes a run into a fresh staging folder beside its destination and moves it into place at the end: a failed
/// run leaves no half-written folder, and a folder that holds an earlier run is moved aside, never written over.
/// </summary>
internal sealed class RunFolder
{
    public RunFolder(string destination)
    {
        Destination = Path.GetFullPath(destination);
        Staging = $"{Destination.TrimEnd(Path.DirectorySeparatorChar)}.partial-{Guid.NewGuid():N}";
        Directory.CreateDirectory(Staging);
    }

    public string Destination { get; }
    public string Staging { get; }

    /// <summary>
    /// Moves the staged run into place; returns where an earlier run in the destination was moved, if anywhere, and
    /// the earlier runs deleted beyond the <paramref name="keep"/> most recent.
    /// </summary>
    public (string? Aside, IReadOnlyList<string> Deleted) Commit(int keep)
    {
        var aside = RunLayout.MoveAside(Destination);
        if (Directory.Exists(Destination)) Directory.Delete(Destination);
        Directory.Move(Staging, Destination);
        return (aside, aside is null ? [] : Prune(keep));
    }

    private IReadOnlyList<string> Prune(int keep)
    {
        var deleted = RunLayout.Previous(Destination).Skip(keep).ToArray();
        foreach (var folder in deleted) Directory.Delete(folder, recursive: true);
        return deleted;
    }

    /// <summary>The path a staged file will have once committed.</summary>
    public string Final(string stagedPath) => Path.Combine(Destination, Path.GetRelativePath(Staging, stagedPath));

    public void Abandon()
    {
        if (Directory.Exists(Staging)) Directory.Delete(Staging, recursive: true);
    }
}
