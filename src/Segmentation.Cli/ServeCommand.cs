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
        var every = new Option<string?>("--refresh-every") { Description = "Refresh the --db source against the latest run every 30s, 15m, 12h or 1d while serving: published beside --previous, recorded in the history (the Runs page), written back with --write-back; /health says when it last ran, when it runs next and the last error." };
        var db = new Option<string?>("--db") { Description = "With --refresh-every: the database to refresh from (as run's --db)." };
        var table = new Option<string?>("--table") { Description = "With --refresh-every: the table." };
        var query = new Option<string?>("--query") { Description = "With --refresh-every: the query, instead of a table." };
        var previous = new Option<string?>("--previous") { Description = "With --refresh-every: the run folder the first refresh is against (each later one is against the one before)." };
        var writeBack = PublishArguments.WriteBackOption();
        var command = new Command("serve", "Start the web app (upload, choose k, segments, runs) and the scoring API on http://127.0.0.1:5000.")
        {
            address, port, run, upload, workers, runs, every, db, table, query, previous, writeBack,
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
                Refresh = Schedule(p.GetValue(every), p.GetValue(db), p.GetValue(table), p.GetValue(query), p.GetValue(previous), p.GetValue(writeBack)),
            };
            SegmentationServer.Check(options);
            stderr.WriteLine(options.RunFolder is null ? "Segmenting the built-in sample..." : $"Loading the model of {options.RunFolder}...");
            SegmentationServer.Run(options, url =>
                stdout.WriteLine($"Listening on {url}: the dashboard at /, the API reference at /scalar, OpenAPI at /openapi/v1.json. Ctrl+C stops."));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static RefreshSchedule? Schedule(string? every, string? db, string? table, string? query, string? previous, string? writeBack)
    {
        if (every is null)
        {
            if (db is not null || previous is not null || writeBack is not null) throw new OptionException(ServeOptions.Names.RefreshEvery, "--db, --previous and --write-back belong to a scheduled refresh: say how often with --refresh-every");
            return null;
        }
        if (db is null) throw new OptionException(OptionNames.Database, "a scheduled refresh reads a database: name it with --db and --table or --query");
        if (previous is null) throw new OptionException(ServeOptions.Names.RefreshPrevious, "a scheduled refresh needs the run it starts from: --previous FOLDER");
        return new RefreshSchedule(db, table, query, previous, RefreshSchedule.ParseInterval(every)) { WriteBack = writeBack };
    }
}
