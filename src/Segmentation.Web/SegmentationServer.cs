using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Scalar.AspNetCore;
using Segmentation.App;
using Segmentation.Web.Api;
using Segmentation.Web.Dashboard;

namespace Segmentation.Web;

/// <summary>
/// <c>serve</c>: the dashboard and the scoring API in one ASP.NET Core host. Build it, then run it; everything it
/// computes comes from the application layer.
/// </summary>
public static class SegmentationServer
{
    /// <summary>
    /// Checks the options (a non-loopback address without a key refuses to start), loads the served model (the run
    /// folder's, or the built-in sample's, run now), and maps the pages and the API.
    /// </summary>
    public static WebApplication Build(ServeOptions options, Action<ILoggingBuilder>? logging = null)
    {
        Check(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(SegmentationServer).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        logging?.Invoke(builder.Logging);
        builder.WebHost.UseUrls(options.Url);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = options.MaxUploadBytes;
            k.AddServerHeader = false;
        });
        builder.Services.Configure<FormOptions>(f => f.MultipartBodyLengthLimit = options.MaxUploadBytes);
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Segmentation scoring API";
            document.Info.Description = "Puts customers into the segments of a saved segmentation model. Off loopback every /api request needs the X-Api-Key header.";
            return Task.CompletedTask;
        }));
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<PipelineQueue>();
        builder.Services.AddSingleton<UploadStore>();
        builder.Services.AddSingleton<SessionStore>();
        builder.Services.AddSingleton<ModelHolder>();
        builder.Services.AddSingleton<StartupRun>();
        builder.Services.AddSingleton<ScheduledRefresher>();
        builder.Services.AddHostedService(s => s.GetRequiredService<ScheduledRefresher>());

        var app = builder.Build();
        app.UseExceptionHandler();
        app.Use(SecurityHeaders);
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.Use(async (context, next) =>
        {
            if (!ApiKeyCheck.Accepts(options.ApiKey, context.Request.Headers[ApiKeyCheck.Header].FirstOrDefault()))
            {
                await Problems.Field(ApiKeyCheck.Header, "missing or wrong: send the key the server was started with", StatusCodes.Status401Unauthorized)
                    .ExecuteAsync(context).ConfigureAwait(false);
                return;
            }
            await next(context).ConfigureAwait(false);
        }));
        app.MapOpenApi();
        app.MapScalarApiReference(o => o.WithTitle("Segmentation scoring API"));
        ScoringApi.Map(app);
        DashboardApi.Map(app);
        PageAssets.Map(app);
        app.Services.GetRequiredService<StartupRun>().Load();
        app.Lifetime.ApplicationStopped.Register(() => app.Services.GetRequiredService<UploadStore>().Dispose());
        return app;
    }

    /// <summary>Builds and starts the server, tells <paramref name="listening"/> its address, and blocks until it is stopped (Ctrl+C).</summary>
    public static void Run(ServeOptions options, Action<string> listening)
    {
        using var app = Build(options);
        app.Start();
        listening(app.Urls.FirstOrDefault() ?? options.Url);
        app.WaitForShutdown();
    }

    /// <summary>Fails, before anything is loaded, on options that cannot work: a non-loopback address without a key, a bad port, a folder that is not a run.</summary>
    public static void Check(ServeOptions options)
    {
        ApiKeyCheck.Validate(options);
        if (options.Port is < 0 or > 65535) throw new OptionException(ServeOptions.Names.Port, "must be between 0 and 65535");
        if (options.MaxUploadBytes <= 0) throw new OptionException(ServeOptions.Names.MaxUploadBytes, "must be positive");
        if (options.Workers < 1) throw new OptionException(ServeOptions.Names.Workers, "must be at least 1");
        if (options.RunFolder is { } folder) SegmentationApp.RunModelPath(folder);
        if (options.Refresh is { } schedule)
        {
            if (schedule.Every < RefreshSchedule.Shortest) throw new OptionException(ServeOptions.Names.RefreshEvery, "must be at least a second");
            // The first refresh is against this run: it must be one now, not when the first is due.
            try
            {
                SegmentationApp.RunModelPath(schedule.Previous);
            }
            catch (InputException e)
            {
                throw new OptionException(ServeOptions.Names.RefreshPrevious, e.Message);
            }
            // The source is parsed now too, so that a malformed --db fails at start.
            Segmentation.Prepare.TransactionSource.Database(schedule.Database, schedule.Table, schedule.Query);
        }
    }

    /// <summary>
    /// No page may be framed by another site, sniffed into another type, or load script from anywhere but this
    /// server; the API reference page needs inline script, so only it is allowed that.
    /// </summary>
    private static async Task SecurityHeaders(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        if (!context.Request.Path.StartsWithSegments("/scalar"))
        {
            headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
        }
        await next().ConfigureAwait(false);
    }
}
