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

// The kernel loads lib/ without its deps.json, so it does not look in runtimes/ for native libraries: point the
// bindings of DuckDB (the engine that reads, cleans and aggregates) and of SkiaSharp and HarfBuzz (the charts' PNG
// twins) at the copies built for this platform.
var lib = System.IO.Path.GetDirectoryName(typeof(Segmentation.App.SegmentationApp).Assembly.Location)!;
void UseNative(string assembly, string library)
{
    System.Runtime.InteropServices.NativeLibrary.SetDllImportResolver(System.Reflection.Assembly.LoadFrom(System.IO.Path.Combine(lib, assembly + ".dll")), (name, _, _) =>
    {
        var rid = System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier;
        var stem = library.StartsWith("lib", StringComparison.Ordinal) ? library : "lib" + library;
        var file = OperatingSystem.IsWindows() ? library + ".dll" : OperatingSystem.IsMacOS() ? stem + ".dylib" : stem + ".so";
        var folder = OperatingSystem.IsMacOS() ? "osx" : rid;
        var path = System.IO.Path.Combine(lib, "runtimes", folder, "native", file);
        return name == library && System.IO.File.Exists(path) ? System.Runtime.InteropServices.NativeLibrary.Load(path) : IntPtr.Zero;
    });
}
UseNative("DuckDB.NET.Bindings", "duckdb");
UseNative("SkiaSharp", "libSkiaSharp");
UseNative("HarfBuzzSharp", "libHarfBuzzSharp");

// DataFrames as HTML tables, Plotly.NET charts as interactive charts (plotly.js inlined once: no network needed).
Formatter.Register<DataFrame>((frame, writer) => writer.Write(NotebookHtml.Table(frame)), "text/html");
Formatter.Register<Plotly.NET.GenericChart>((chart, writer) => writer.Write(NotebookHtml.Chart(chart)), "text/html");
Formatter.Register<Figure>((figure, writer) => writer.Write(NotebookHtml.Chart(figure.Chart)), "text/html");
// A PNG is an image/png output of its own: GitHub and nbviewer show it where the interactive chart's script does not run.
Formatter.Register<StaticImage>((image, writer) => writer.Write(image.Base64()), "image/png");
Formatter.SetPreferredMimeTypesFor(typeof(StaticImage), "image/png");
Formatter.Register<DataBanner>((banner, writer) => writer.Write(banner.Html()), "text/html");

/// <summary>Each figure interactive, then (unless NotebookCharts.StaticImages is off) its PNG twin under it.</summary>
void Show(params Figure[] figures)
{
    foreach (var figure in figures)
    {
        Microsoft.DotNet.Interactive.Kernel.display(figure.Chart);
        if (NotebookCharts.StaticImages) Microsoft.DotNet.Interactive.Kernel.display(figure.Image);
    }
}
