using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Segmentation.Reporting.Charts;

namespace Segmentation.Web.Dashboard;

/// <summary>
/// The page's own endpoints under <c>/app</c>, each on the caller's session, mapped here and implemented by concern:
/// <see cref="UploadEndpoints"/> (upload and map), <see cref="SegmentEndpoints"/> (the k on screen, value, the customer
/// table, downloads), <see cref="RunEndpoints"/> (the runs and a refresh). Each calls the application layer and formats.
/// </summary>
internal static class DashboardApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/app").ExcludeFromDescription().DisableAntiforgery();
        group.AddEndpointFilter(async (context, next) =>
        {
            // With a key (any address but loopback has one), the page's data is the key holder's only, as the API's is.
            var options = context.HttpContext.RequestServices.GetRequiredService<ServeOptions>();
            var session = context.HttpContext.RequestServices.GetRequiredService<SessionStore>().Get(context.HttpContext);
            if (options.ApiKey is null || session.Unlocked || context.HttpContext.Request.Path.StartsWithSegments("/app/unlock")) return await next(context).ConfigureAwait(false);
            return Message("this server asks for its key: enter it to use the page", StatusCodes.Status401Unauthorized);
        });
        group.MapPost("/unlock", Unlock);
        group.MapGet("/view", (HttpContext c, SessionStore s, ServeOptions o) => View(s.Get(c), o));
        group.MapPost("/upload", UploadEndpoints.Upload);
        group.MapPost("/map", UploadEndpoints.MapColumns);
        group.MapPost("/k/{k:int}", (int k, HttpContext c, SessionStore s) => SegmentEndpoints.ChooseK(s.Get(c), k));
        group.MapGet("/customers", (HttpContext c, SessionStore s, string? q, string? sort, bool? desc, int? page, int? size) => SegmentEndpoints.Customers(s.Get(c), q, sort, desc, page, size));
        group.MapGet("/download/{file}", SegmentEndpoints.Download);
        group.MapGet("/chart/{id}.png", (string id, HttpContext c, SessionStore s) =>
            s.Get(c).Run is { } run && ChartImages.Png(id, run.Report) is { } png ? Results.File(png, "image/png") : Results.NotFound());
        group.MapPost("/value", SegmentEndpoints.Value);
        group.MapGet("/audience", (HttpContext c, SessionStore s, string? segment, bool? atRisk, string? format, bool? hash) => SegmentEndpoints.Audience(s.Get(c), segment, atRisk, format, hash));
        group.MapGet("/alive.png", (HttpContext c, SessionStore s, string? customer) => SegmentEndpoints.AliveHistory(s.Get(c), customer));
        group.MapGet("/runs", RunEndpoints.Runs);
        group.MapPost("/runs/save", RunEndpoints.Save);
        group.MapPost("/refresh/{id:long}", RunEndpoints.Refresh);
    }

    private static async Task<IResult> Unlock(HttpContext context, SessionStore sessions, ServeOptions options)
    {
        var session = sessions.Get(context);
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false) : null;
        if (!Api.ApiKeyCheck.Accepts(options.ApiKey, form?["key"].ToString())) return Message("that is not the server's key", StatusCodes.Status401Unauthorized);
        session.Unlocked = true;
        return View(session, options);
    }

    internal static IResult View(DashboardSession session, ServeOptions? options = null) =>
        Results.Json(new { job = session.Job, run = session.Run is { } run ? DashboardView.Of(run) : null, maxUploadBytes = options?.MaxUploadBytes });

    internal static IResult Message(string message, int status = StatusCodes.Status400BadRequest) =>
        Results.Json(new { error = message }, statusCode: status);
}
