using System.Diagnostics;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;
using Microsoft.DotNet.Interactive.Events;

namespace Segmentation.NotebookRunner;

/// <summary>
/// Runs a notebook's cells in a CompositeKernel holding a C# kernel, as VS Code's Polyglot Notebooks does,
/// and records every output into the document. One notebook per process: assemblies a notebook loads
/// cannot be unloaded, and would leak into the next one.
/// </summary>
public static class NotebookExecutor
{
    public static async Task<int> RunAsync(string path, string? output, TextWriter stdout, TextWriter stderr)
    {
        var name = Path.GetFileName(path);
        InteractiveDocument document;
        var kernels = new KernelInfoCollection { new Microsoft.DotNet.Interactive.Documents.KernelInfo("csharp", languageName: "C#", aliases: ["c#", "C#"]) };
        kernels.DefaultKernelName = "csharp";
        try
        {
            await using var stream = File.OpenRead(path);
            document = Notebook.Read(stream, kernels);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or FormatException)
        {
            await stderr.WriteLineAsync($"error: {name}: the notebook cannot be read ({e.Message})");
            return 2;
        }

        // The editor runs a notebook's kernel in the notebook's folder: relative paths in cells mean the same here.
        Directory.SetCurrentDirectory(Path.GetDirectoryName(path)!);
        using var kernel = new CompositeKernel { new CSharpKernel().UseKernelHelpers().UseValueSharing() };
        kernel.DefaultKernelName = "csharp";

        var clock = Stopwatch.StartNew();
        var cell = 0;
        var failed = false;
        foreach (var element in document.Elements)
        {
            cell++;
            if (element.KernelName is "markdown") continue;
            if (element.KernelName is not ("csharp" or "c#" or "C#"))
            {
                await stderr.WriteLineAsync($"error: {name}: cell {cell}: kernel '{element.KernelName}' is not supported by this runner (C# only)");
                failed = true;
                break;
            }
            element.Outputs.Clear();
            var result = await kernel.SendAsync(new SubmitCode(element.Contents, "csharp"));
            element.ExecutionOrder = cell;
            foreach (var e in result.Events)
            {
                switch (e)
                {
                    case DisplayEvent display when e is DisplayedValueProduced or ReturnValueProduced or DisplayedValueUpdated:
                        element.Outputs.Add(new DisplayElement(display.FormattedValues.ToDictionary(v => v.MimeType, v => (object)v.Value)));
                        break;
                    case StandardOutputValueProduced o:
                        element.Outputs.Add(new TextElement(o.FormattedValues.FirstOrDefault()?.Value ?? "", "stdout"));
                        break;
                    case StandardErrorValueProduced o:
                        element.Outputs.Add(new TextElement(o.FormattedValues.FirstOrDefault()?.Value ?? "", "stderr"));
                        break;
                    case CommandFailed f:
                        element.Outputs.Add(new ErrorElement("Error", f.Message, []));
                        var first = element.Contents.Split('\n').FirstOrDefault(l => l.Trim().Length > 0)?.Trim() ?? "";
                        await stderr.WriteLineAsync($"error: {name}: cell {cell} ({first}) failed: {f.Message.Split('\n')[0].Trim()}");
                        failed = true;
                        break;
                }
            }
            if (failed) break;
        }

        if (output is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(output)!);
            var temp = output + ".tmp";
            await File.WriteAllTextAsync(temp, document.ToJupyterJson());
            File.Move(temp, output, overwrite: true);
        }
        if (failed) return 1;
        await stdout.WriteLineAsync($"{name}: {cell} cells ran in {clock.Elapsed.TotalSeconds:F1} s");
        return 0;
    }
}
