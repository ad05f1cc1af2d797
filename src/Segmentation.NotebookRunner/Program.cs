using Segmentation.NotebookRunner;

// usage: Segmentation.NotebookRunner NOTEBOOK.ipynb [--out EXECUTED.ipynb]
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine("usage: Segmentation.NotebookRunner NOTEBOOK.ipynb [--out EXECUTED.ipynb]");
    Console.WriteLine("Runs every C# cell in order in a fresh .NET Interactive C# kernel, with the notebook's folder as the working directory.");
    Console.WriteLine("Exit code 0 when every cell succeeds; 1 naming the first failing cell; 2 when the notebook cannot be read.");
    return args.Length == 0 ? 2 : 0;
}
var notebook = Path.GetFullPath(args[0]);
var outIndex = Array.IndexOf(args, "--out");
var output = outIndex >= 0 && outIndex + 1 < args.Length ? Path.GetFullPath(args[outIndex + 1]) : null;
return await NotebookExecutor.RunAsync(notebook, output, Console.Out, Console.Error);
