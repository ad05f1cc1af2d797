using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Segmentation.Web.Tests;

/// <summary>The app started as <c>serve</c> starts it, on a free loopback port, with an HTTP client of its own.</summary>
internal sealed class Server : IAsyncDisposable
{
    private readonly WebApplication _app;

    private Server(WebApplication app, ServeOptions options)
    {
        _app = app;
        Options = options;
        Url = app.Urls.First();
        Client = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromMinutes(5) };
    }

    public string Url { get; }
    public ServeOptions Options { get; }
    public HttpClient Client { get; }
    public PipelineQueue Queue => _app.Services.GetRequiredService<PipelineQueue>();
    public UploadStore Uploads => _app.Services.GetRequiredService<UploadStore>();

    public static async Task<Server> Start(ServeOptions? options = null)
    {
        options = (options ?? new ServeOptions()) with { Port = 0, Address = options?.Address ?? "127.0.0.1" };
        var app = SegmentationServer.Build(options);
        await app.StartAsync();
        return new Server(app, options);
    }

    /// <summary>A client with its own cookies: another browser, another session.</summary>
    public HttpClient NewSession() => new(new HttpClientHandler { UseCookies = true, CookieContainer = new System.Net.CookieContainer() })
    {
        BaseAddress = new Uri(Url),
        Timeout = TimeSpan.FromMinutes(5),
    };

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
