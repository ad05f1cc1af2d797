using System.Text.RegularExpressions;
using Segmentation.Tests;

namespace Segmentation.Cli.Tests;

/// <summary>The README's command lines are checked against the real command tree, so the documentation cannot drift from the flags.</summary>
public sealed partial class ReadmeTests
{
    [GeneratedRegex(@"dotnet run --project src/Segmentation\.Cli -- (?<args>.+)")]
    private static partial Regex CliLine();

    private static List<string> Lines()
    {
        var text = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "README.md")).Replace("\\\n", " ", StringComparison.Ordinal);
        return CliLine().Matches(text).Select(m => m.Groups["args"].Value.Split('#')[0].Trim()).ToList();
    }

    public static TheoryData<string> Commands()
    {
        var data = new TheoryData<string>();
        foreach (var line in Lines()) data.Add(line);
        return data;
    }

    [Fact]
    public void The_readme_documents_the_main_commands()
    {
        var commands = Lines();

        Assert.Contains("run --sample", commands);
        Assert.Contains(commands, c => c.StartsWith("refresh ", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.StartsWith("history list", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.StartsWith("score ", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_command_line_in_the_readme_parses(string commandLine)
    {
        var args = Regex.Matches(commandLine, "'[^']*'|\\S+").Select(m => m.Value.Trim('\'')).ToArray();

        var result = CliApp.Build(TextWriter.Null, TextWriter.Null).Parse(args);

        Assert.True(result.Errors.Count == 0, $"{commandLine}: {string.Join("; ", result.Errors.Select(e => e.Message))}");
    }
}
