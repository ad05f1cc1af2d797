using System.CommandLine;
using Segmentation.Web;

namespace Segmentation.Cli;

/// <summary><c>serve</c>: the dashboard and the scoring API on one address, until stopped (Ctrl+C).</summary>
internal static class ServeCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var defaults = ServeOptions.Default;
        var address = new Option<string>("--address") { Description = $"The address to listen on; anything but loopback needs a key in {ServeOptions.ApiKeyVariable}.", DefaultValueFactory = _ => defaults.Address };
        var port = new Option<int>("--port") { Description = "The port (0: any free port).", DefaultValueFactory = _ => defaults.Port };
        var run = new Option<string?>("--run") { Description = "A run folder whose model the API serves (default: the built-in sample, segmented at start)." };
        var upload = new Option<long>("--max-upload-mb") { Description = "The largest upload, in MB.", DefaultValueFactory = _ => defaults.MaxUploadBytes / (1024 * 1024) };
        var workers = new Option<int>("--workers") { Description = "Pipelines run at once; further uploads wait (default: one per core).", DefaultValueFactory = _ => defaults.Workers };
        var runs = new Option<string>("--runs") { Description = "Where the dashboard saves runs, with their history.", DefaultValueFactory = _ => defaults.RunsFolder };
        var command = new Command("serve", "Start the web app (upload, choose k, segments, runs) and the scoring API on http://127.0.0.1:5000.")
        {
            address, port, run, upload, workers, runs,
        };
        command.SetAction(p => Guard.Run(stderr, () =>
        {
            var options = new ServeOptions
            {
                Address = p.GetValue(address)!,
                Port = p.GetValue(port),
                RunFolder = p.GetValue(run),
                ApiKey = Environment.GetEnvironmentVariable(ServeOptions.ApiKeyVariable),
                MaxUploadBytes = checked(p.GetValue(upload) * 1024 * 1024),
                Workers = p.GetValue(workers),
                RunsFolder = p.GetValue(runs)!,
            };
            SegmentationServer.Check(options);
            stderr.WriteLine(options.RunFolder is null ? "Segmenting the built-in sample..." : $"Loading the model of {options.RunFolder}...");
            SegmentationServer.Run(options, url =>
                stdout.WriteLine($"Listening on {url}: the dashboard at /, the API reference at /scalar, OpenAPI at /openapi/v1.json. Ctrl+C stops."));
            return ExitCodes.Ok;
        }));
        return command;
    }
}
