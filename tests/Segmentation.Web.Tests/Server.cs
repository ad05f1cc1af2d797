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

    /// <summary>Uploads <paramref name="path"/> as the page does, then polls the session's view until its run is done or has failed.</summary>
    public static async Task<System.Text.Json.JsonElement> UploadAndWait(HttpClient client, string path)
    {
        using var form = new MultipartFormDataContent { { new StreamContent(File.OpenRead(path)), "file", Path.GetFileName(path) } };
        using var response = await client.PostAsync("/app/upload", form);
        response.EnsureSuccessStatusCode();
        for (var i = 0; i < 3000; i++)
        {
            var view = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.JsonElement>(client, "/app/view");
            if (view.GetProperty("job").GetProperty("state").GetString() is "done" or "error" or "mapping") return view;
            await Task.Delay(100);
        }
        throw new TimeoutException($"the upload of {path} did not finish");
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
