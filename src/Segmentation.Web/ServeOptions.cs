namespace Segmentation.Web;

/// <summary>How <c>serve</c> starts: where it listens, what it loads, and the limits it holds every request to.</summary>
public sealed record ServeOptions
{
    /// <summary>The address to listen on. Anything but loopback requires <see cref="ApiKey"/>.</summary>
    public string Address { get; init; } = "127.0.0.1";

    /// <summary>The port (0: any free port, the tests' choice).</summary>
    public int Port { get; init; } = 5000;

    /// <summary>A run folder whose model the API serves and whose history the Runs page lists; null: the built-in sample, run at start.</summary>
    public string? RunFolder { get; init; }

    /// <summary>The key every <c>/api</c> request must carry in <c>X-Api-Key</c>; required off loopback.</summary>
    public string? ApiKey { get; init; }

    /// <summary>The largest upload, in bytes (500 MB).</summary>
    public long MaxUploadBytes { get; init; } = 500L * 1024 * 1024;

    /// <summary>The largest JSON body, in bytes (10 MB).</summary>
    public long MaxJsonBytes { get; init; } = 10L * 1024 * 1024;

    /// <summary>The most customers one scoring request may carry.</summary>
    public int MaxCustomersPerRequest { get; init; } = 100_000;

    /// <summary>Pipelines run at once (one per core by default); further uploads wait their turn.</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;

    /// <summary>Where the dashboard publishes the runs it saves, and beside which it keeps the history.</summary>
    public string RunsFolder { get; init; } = Path.Combine("data", "processed", "web");

    /// <summary>A database source to refresh on a schedule while serving; null: none.</summary>
    public RefreshSchedule? Refresh { get; init; }

    /// <summary>The environment variable <c>serve</c> reads the key from.</summary>
    public const string ApiKeyVariable = "SEGMENTATION_API_KEY";

    public static ServeOptions Default { get; } = new();

    /// <summary>How an <see cref="OptionException"/> names each option (each door says it its own way).</summary>
    public static class Names
    {
        public const string Address = "ServeOptions.Address";
        public const string Port = "ServeOptions.Port";
        public const string ApiKey = "ServeOptions.ApiKey";
        public const string MaxUploadBytes = "ServeOptions.MaxUploadBytes";
        public const string Workers = "ServeOptions.Workers";
        public const string RefreshEvery = "ServeOptions.Refresh.Every";
        public const string RefreshPrevious = "ServeOptions.Refresh.Previous";
    }

    /// <summary>The address and port as a URL.</summary>
    public string Url => $"http://{(Address.Contains(':', StringComparison.Ordinal) ? $"[{Address}]" : Address)}:{Port}";
}
