using System.Reflection;

namespace Segmentation.Clustering.Model;

/// <summary>The versions a result was made with, written into metrics and models.</summary>
internal static class RunVersions
{
    public static IReadOnlyDictionary<string, string> Current { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["segmentation"] = Version(typeof(RunVersions).Assembly),
        ["microsoft_ml"] = Version(typeof(Microsoft.ML.MLContext).Assembly),
        ["dotnet"] = Environment.Version.ToString(),
    };

    private static string Version(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? assembly.GetName().Version?.ToString() ?? "unknown";
}
