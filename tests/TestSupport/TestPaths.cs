namespace Segmentation.Tests;

/// <summary>Where the repository and the shared real data are, from wherever the tests run.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRoot();

    /// <summary>
    /// The real data: SEGMENTATION_SHARED_DATA, else ../shared/data beside the repository. The real-data tests
    /// fail (not skip) when it is missing: they are the proof that the numbers are right.
    /// </summary>
    public static string SharedData { get; } =
        Environment.GetEnvironmentVariable("SEGMENTATION_SHARED_DATA") is { Length: > 0 } env
            ? env
            : Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data"));

    public static string RealFile(string name)
    {
        var path = Path.Combine(SharedData, name);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"The real-data tests need {path}. Put the shared data beside the repository (../shared/data) or set SEGMENTATION_SHARED_DATA.", path);
        }
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Analysis.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Analysis.sln not found above " + AppContext.BaseDirectory);
    }
}
