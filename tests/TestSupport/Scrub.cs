using System.Globalization;
using System.Text.RegularExpressions;

namespace Segmentation.Tests;

/// <summary>What varies between machines, taken out of a snapshot: paths, the runtime's version, float noise.</summary>
internal static partial class Scrub
{
    // A number standing as a JSON value (after ': ', '[' or in a list), not digits inside a string such as a version.
    [GeneratedRegex(@"(?<=(?:: |\[|^\s+))-?\d+\.\d+(?:[eE][-+]?\d+)?(?=,?$|\])", RegexOptions.Multiline)]
    private static partial Regex Decimal();

    [GeneratedRegex(@"(""dotnet"": ""|dotnet )[0-9][0-9.]*")]
    private static partial Regex DotnetVersion();

    /// <summary>Every decimal number to 6 significant digits: float arithmetic may differ in the last bits across CPUs.</summary>
    public static string Numbers(string text) => Decimal().Replace(text, m =>
        double.Parse(m.Value, CultureInfo.InvariantCulture).ToString("G6", CultureInfo.InvariantCulture));

    public static string Runtime(string text) => DotnetVersion().Replace(text, m => m.Groups[1].Value + "X");

    public static string Paths(string text, params (string Path, string Name)[] paths)
    {
        foreach (var (path, name) in paths.OrderByDescending(p => p.Path.Length))
        {
            text = text.Replace(path.Replace("\\", "\\\\", StringComparison.Ordinal), name, StringComparison.Ordinal).Replace(path, name, StringComparison.Ordinal);
        }
        return text;
    }
}
