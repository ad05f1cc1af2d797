using System.Globalization;
using System.Text.RegularExpressions;
using Segmentation.Runs.History;

namespace Segmentation.Runs.Files;

/// <summary>
/// Where runs live around a run folder: the history beside the run folders, and the names earlier runs are moved
/// aside to (<c>FOLDER.yyyyMMddTHHmmssZ</c>, then <c>-1</c>, <c>-2</c>... within one second). The one place that
/// writes those names and reads them back; the files inside a run folder are <see cref="RunFiles"/>'s.
/// </summary>
internal static partial class RunLayout
{
    /// <summary>history.db in the folder that holds <paramref name="runFolder"/>.</summary>
    public static string HistoryBeside(string runFolder) => Path.Combine(Parent(runFolder), RunHistory.FileName);

    /// <summary>history.db in <paramref name="folder"/>, the folder that holds run folders.</summary>
    public static string HistoryIn(string folder) => Path.Combine(Path.GetFullPath(folder), RunHistory.FileName);

    /// <summary>
    /// Moves a folder holding a run aside, to a name that sorts after every earlier one; null when there is nothing to
    /// move. Within one second the suffix only grows, even after older folders of that second were deleted.
    /// </summary>
    public static string? MoveAside(string folder)
    {
        if (!Directory.Exists(folder) || !Directory.EnumerateFileSystemEntries(folder).Any()) return null;
        var stamp = $"{Trimmed(folder)}.{DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}";
        var taken = Asides(folder).Where(a => a.Path == stamp || a.Path.StartsWith(stamp + "-", StringComparison.Ordinal)).Select(a => a.Sequence).ToArray();
        var aside = taken.Length == 0 ? stamp : $"{stamp}-{taken.Max() + 1}";
        Directory.Move(folder, aside);
        return aside;
    }

    /// <summary>The folders earlier runs of <paramref name="folder"/> were moved aside to, newest first.</summary>
    public static IReadOnlyList<string> Previous(string folder) => Asides(folder)
        .OrderByDescending(a => a.Stamp, StringComparer.Ordinal)
        .ThenByDescending(a => a.Sequence)
        .Select(a => a.Path)
        .ToArray();

    private static IEnumerable<(string Path, string Stamp, int Sequence)> Asides(string folder)
    {
        var name = Path.GetFileName(Trimmed(folder));
        return Directory.EnumerateDirectories(Parent(folder), name + ".*")
            .Select(d => (Path: d, Match: AsideName().Match(Path.GetFileName(d)[name.Length..])))
            .Where(d => d.Match.Success)
            .Select(d => (d.Path, d.Match.Groups[1].Value, d.Match.Groups[3].Success ? int.Parse(d.Match.Groups[3].Value, CultureInfo.InvariantCulture) : 0));
    }

    [GeneratedRegex(@"^\.(\d{8}T\d{6}Z)(-(\d+))?$")]
    private static partial Regex AsideName();

    private static string Trimmed(string folder) => Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar);

    private static string Parent(string folder) => Path.GetDirectoryName(Trimmed(folder))!;
}
