// Shared setup of every notebook: `#load "setup.csx"` in the first code cell.
// What the notebooks need is built by one command, from the repository root:
//     dotnet build src/Segmentation.Interactive
// which puts the library and all its dependencies into notebooks/lib/.
#r "lib/Segmentation.Interactive.dll"

using System.Runtime.Loader;
using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive.Formatting;
using Segmentation.Interactive;

// Plotly.NET 6 is built against FSharp.Core 10.1, while the kernel may already hold FSharp.Core 10.0:
// hand Plotly the one that is loaded instead of failing with "Could not load file or assembly FSharp.Core".
AssemblyLoadContext.Default.Resolving += (_, name) => name.Name == "FSharp.Core"
    ? AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == "FSharp.Core")
    : null;

// DataFrames as HTML tables, Plotly.NET charts as interactive charts (plotly.js inlined once: no network needed).
Formatter.Register<DataFrame>((frame, writer) => writer.Write(NotebookHtml.Table(frame)), "text/html");
Formatter.Register<Plotly.NET.GenericChart>((chart, writer) => writer.Write(NotebookHtml.Chart(chart)), "text/html");
