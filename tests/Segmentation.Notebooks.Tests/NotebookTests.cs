using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace Segmentation.Tests.Notebooks;

/// <summary>Every notebook under notebooks/ runs headless, each in its own process, and keeps its outputs.</summary>
[Trait(Tier.Name, Tier.Full)]
public sealed class NotebookTests
{
    private static readonly string Runner = typeof(NotebookTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "NotebookRunner").Value!;

    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "notebooks"), "*.ipynb").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }
        return data;
    }

    private static (int ExitCode, string Out, string Error) Run(string notebook, string output)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Runner, notebook, "--out", output }) start.ArgumentList.Add(a);
        // The notebooks run on the built-in sample unless told otherwise.
        start.Environment.Remove("SEGMENTATION_DATA");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), $"{notebook} did not finish in 5 minutes");
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    private static IEnumerable<string> Outputs(JsonElement notebook, string mime) =>
        notebook.GetProperty("cells").EnumerateArray()
            .SelectMany(c => c.TryGetProperty("outputs", out var o) ? o.EnumerateArray() : Enumerable.Empty<JsonElement>())
            .Where(o => o.TryGetProperty("data", out var d) && d.TryGetProperty(mime, out _))
            .Select(o => o.GetProperty("data").GetProperty(mime))
            .Select(v => v.ValueKind == JsonValueKind.Array ? string.Concat(v.EnumerateArray().Select(x => x.GetString())) : v.GetString() ?? "");

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Each_notebook_runs_and_its_executed_copy_holds_charts_and_tables(string name)
    {
        var output = Path.Combine(TestPaths.RepoRoot, "notebooks", "out", name);

        var (code, stdout, stderr) = Run(Path.Combine(TestPaths.RepoRoot, "notebooks", name), output);

        Assert.True(code == 0, $"{name} failed: {stderr}");
        Assert.Contains($"{name}:", stdout, StringComparison.Ordinal);
        using var executed = JsonDocument.Parse(File.ReadAllText(output));
        var html = Outputs(executed.RootElement, "text/html").ToList();
        Assert.Contains(html, h => h.StartsWith("<table>", StringComparison.Ordinal) && h.Contains("<td>", StringComparison.Ordinal));
        // The notebooks run on the sample here, and say so in their first output.
        Assert.Contains(html, h => h.Contains("<strong>Synthetic sample data</strong>", StringComparison.Ordinal));
        // Every interactive chart has a static twin: a PNG output that GitHub and nbviewer show.
        var charts = html.Count(h => h.Contains("Plotly.newPlot", StringComparison.Ordinal));
        var images = Outputs(executed.RootElement, "image/png").Select(Convert.FromBase64String).ToList();
        Assert.Equal(charts, images.Count);
        Assert.All(images, png => Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png.Take(4)));
        if (name.StartsWith("EDA", StringComparison.Ordinal))
        {
            Assert.True(charts >= 8 + 9, $"the EDA notebook draws its charts and a silhouette diagram per k ({charts})");
            Assert.Contains(html, h => h.Contains("plotly.js", StringComparison.Ordinal));
            // describe(): the statistics pandas gives.
            Assert.Contains(html, h => h.Contains("<td>std</td>", StringComparison.Ordinal) && h.Contains("<td>25%</td>", StringComparison.Ordinal) && h.Contains("<td>max</td>", StringComparison.Ordinal));
        }
        else
        {
            Assert.Contains(Outputs(executed.RootElement, "text/html").Concat(Outputs(executed.RootElement, "text/plain")), t => t.Contains("(new)", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_failing_cell_fails_the_run_naming_the_notebook_the_cell_and_the_error()
    {
        var fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "broken.ipynb");
        var output = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.ipynb");

        var (code, _, stderr) = Run(fixture, output);

        Assert.Equal(1, code);
        Assert.Contains("broken.ipynb: cell 3", stderr, StringComparison.Ordinal);
        Assert.Contains("deliberate failure after 42", stderr, StringComparison.Ordinal);
        using (var executed = JsonDocument.Parse(File.ReadAllText(output)))
        {
            var cells = executed.RootElement.GetProperty("cells").EnumerateArray().ToList();
            Assert.Contains(cells[2].GetProperty("outputs").EnumerateArray(), o => o.GetProperty("output_type").GetString() == "error");
            Assert.Empty(cells[3].GetProperty("outputs").EnumerateArray());
        }
        File.Delete(output);
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Each_notebook_is_a_polyglot_csharp_notebook_committed_without_outputs(string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "notebooks", name)));
        var root = doc.RootElement;

        Assert.Equal(4, root.GetProperty("nbformat").GetInt32());
        Assert.Equal(2, root.GetProperty("nbformat_minor").GetInt32());
        Assert.Equal(".net-csharp", root.GetProperty("metadata").GetProperty("kernelspec").GetProperty("name").GetString());
        Assert.Equal("csharp", root.GetProperty("metadata").GetProperty("polyglot_notebook").GetProperty("kernelInfo").GetProperty("defaultKernelName").GetString());
        var cells = root.GetProperty("cells").EnumerateArray().ToList();
        Assert.Contains(cells, c => c.GetProperty("cell_type").GetString() == "markdown");
        foreach (var cell in cells.Where(c => c.GetProperty("cell_type").GetString() == "code"))
        {
            Assert.Equal("csharp", cell.GetProperty("metadata").GetProperty("polyglot_notebook").GetProperty("kernelName").GetString());
            Assert.Empty(cell.GetProperty("outputs").EnumerateArray());
            Assert.Equal(JsonValueKind.Null, cell.GetProperty("execution_count").ValueKind);
        }
        Assert.Contains("#load \\\"setup.csx\\\"", File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "notebooks", name)), StringComparison.Ordinal);
    }
}
