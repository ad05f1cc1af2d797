using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Segmentation.App;
using Segmentation.Clustering.Segments;
using Segmentation.Formatting;
using Segmentation.Lifetime;
using Segmentation.Prepare;
using Segmentation.Prepare.Sources;
using Segmentation.Reporting;
using Segmentation.Reporting.Charts;
using Segmentation.Reporting.Html;
using Segmentation.Runs;

namespace Segmentation.Web.Dashboard;

/// <summary>
/// The page's own endpoints under <c>/app</c>, each on the caller's session: upload and map, the k on screen,
/// the customer table, downloads, charts, the runs and a refresh. Each calls the application layer and formats.
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
        group.MapPost("/upload", Upload);
        group.MapPost("/map", MapColumns);
        group.MapPost("/k/{k:int}", (int k, HttpContext c, SessionStore s) => ChooseK(s.Get(c), k));
        group.MapGet("/customers", (HttpContext c, SessionStore s, string? q, string? sort, bool? desc, int? page, int? size) => Customers(s.Get(c), q, sort, desc, page, size));
        group.MapGet("/download/{file}", Download);
        group.MapGet("/chart/{id}.png", (string id, HttpContext c, SessionStore s) =>
            s.Get(c).Run is { } run && ChartImages.Png(id, run.Report) is { } png ? Results.File(png, "image/png") : Results.NotFound());
        group.MapPost("/value", Value);
        group.MapGet("/runs", Runs);
        group.MapPost("/runs/save", Save);
        group.MapPost("/refresh/{id:long}", Refresh);
    }

    private static async Task<IResult> Unlock(HttpContext context, SessionStore sessions, ServeOptions options)
    {
        var session = sessions.Get(context);
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false) : null;
        if (!Api.ApiKeyCheck.Accepts(options.ApiKey, form?["key"].ToString())) return Message("that is not the server's key", StatusCodes.Status401Unauthorized);
        session.Unlocked = true;
        return View(session, options);
    }

    private static IResult View(DashboardSession session, ServeOptions? options = null) =>
        Results.Json(new { job = session.Job, run = session.Run is { } run ? DashboardView.Of(run) : null, maxUploadBytes = options?.MaxUploadBytes });

    private static string TooLarge(ServeOptions options) => $"the file is larger than the limit of {options.MaxUploadBytes / (1024 * 1024)} MB (serve --max-upload-mb)";

    private static IResult Message(string message, int status = StatusCodes.Status400BadRequest) =>
        Results.Json(new { error = message }, statusCode: status);

    private static async Task<IResult> Upload(HttpContext context, SessionStore sessions, ServeOptions options, UploadStore uploads, PipelineQueue queue)
    {
        var session = sessions.Get(context);
        if (!context.Request.HasFormContentType) return Message("send the file as multipart/form-data in the field 'file'");
        if (!session.TryStart(JobStatus.Uploading())) return Message("a file is already being processed; wait for it to finish", StatusCodes.Status409Conflict);
        try
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            if (form.Files.GetFile("file") is not { } file)
            {
                session.Job = JobStatus.Idle;
                return Message("choose a file to upload");
            }
            await using var content = file.OpenReadStream();
            var upload = await uploads.Save(content, file.FileName, options.MaxUploadBytes, context.RequestAborted).ConfigureAwait(false);
            session.Pending = null;
            Start(session, upload, IngestOptions.Default, queue);
            return View(session);
        }
        catch (InputException e)
        {
            session.Job = JobStatus.Failed(e.Message, e.File);
            return View(session);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            session.Job = JobStatus.Failed(TooLarge(options));
            return View(session);
        }
        catch (Exception e) when (e is BadHttpRequestException or IOException or OperationCanceledException or InvalidDataException)
        {
            session.Job = JobStatus.Failed($"the upload did not complete: {e.Message}");
            return View(session);
        }
        finally
        {
            // Whatever went wrong, the session is never left waiting for an upload that is over.
            if (session.Job.State == JobState.Uploading) session.Job = JobStatus.Failed("the upload did not complete");
        }
    }

    /// <summary>The columns the owner picked for an upload whose header was not recognised; the upload is run again with them.</summary>
    private static async Task<IResult> MapColumns(HttpContext context, SessionStore sessions, PipelineQueue queue)
    {
        var session = sessions.Get(context);
        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        string? Field(string name) => form[name].ToString() is { Length: > 0 } v ? v : null;
        if (Field("customer") is not { } customer || Field("date") is not { } date) return Message("pick the customer and the date columns");
        var amount = Field("amount");
        var (quantity, price) = (Field("quantity"), Field("unitPrice"));
        if (amount is null && (quantity is null || price is null)) return Message("pick a line-amount column, or both a quantity and a unit-price column");
        var mapping = new ColumnMapping
        {
            Customer = customer,
            Date = date,
            Invoice = Field("invoice"),
            Quantity = amount is null ? quantity : null,
            UnitPrice = amount is null ? price : null,
            Amount = amount,
            StockCode = Field("stockCode"),
            Description = Field("description"),
            Country = Field("country"),
        };
        if (!session.TryStart(JobStatus.Queued(null))) return Message("a file is already being processed; wait for it to finish", StatusCodes.Status409Conflict);
        if (session.TakePending() is not { } upload)
        {
            session.Job = JobStatus.Idle;
            return Message("no upload is waiting for its columns; upload the file again");
        }
        Start(session, upload, IngestOptions.Default with { Mapping = mapping }, queue);
        return View(session);
    }

    /// <summary>Runs the pipeline on an upload in the background; the page polls <c>/app/view</c> for its progress.</summary>
    private static void Start(DashboardSession session, Upload upload, IngestOptions ingest, PipelineQueue queue)
    {
        session.Job = JobStatus.Queued(upload.Name);
        _ = Task.Run(async () =>
        {
            var keep = false;
            try
            {
                var progress = new Progress(session, upload.Name);
                var options = SegmentationOptions.Default with { Prepare = PrepareOptions.Default with { Ingest = ingest }, ValueReady = true };
                var source = TransactionSource.File(upload.Path, upload.Name);
                var run = await queue.Run(() =>
                {
                    session.Job = JobStatus.Reading(upload.Name);
                    return SegmentationApp.Segment(source, options, progress);
                }, fits: true).ConfigureAwait(false);
                session.Run = new SessionRun(run, run, SegmentationApp.Report(run), source);
                session.Job = JobStatus.Done(upload.Name);
            }
            catch (InputException e) when (e.Header is { Count: > 0 } header)
            {
                keep = true;
                session.Pending = upload;
                // The form's field names are the roles in camel case (unitPrice, stockCode).
                session.Job = JobStatus.Mapping(e.Message, header, upload.Name,
                    (e as MissingColumnsException)?.Suggested.ToDictionary(s => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(s.Key.ToString()), s => s.Value));
            }
            catch (Exception e) when (e is InputException or OptionException)
            {
                session.Job = JobStatus.Failed(e.Message, upload.Name);
            }
            catch (Exception e)
            {
                session.Job = JobStatus.Failed($"{upload.Name}: the run failed ({e.GetType().Name}: {e.Message})", upload.Name);
            }
            finally
            {
                if (!keep) upload.Dispose();
            }
        });
    }

    private sealed class Progress(DashboardSession session, string file) : IProgress<ReadProgress>
    {
        // Reading reports rows or a fraction; the sweep says in words how far its fits have come.
        public void Report(ReadProgress value) => session.Job = value.Stage is { } stage
            ? JobStatus.Reading(file, 0, 1, "Read; " + stage)
            : JobStatus.Reading(file, value.Rows, value.Fraction, value.Fraction >= 1 ? "Read; fitting every k of the sweep" : "Reading transactions");
    }

    private static IResult ChooseK(DashboardSession session, int k)
    {
        if (session.Run is not { } current) return Message("upload a file first", StatusCodes.Status404NotFound);
        try
        {
            var shown = SegmentationApp.AtK(current.Full, k);
            session.Run = current with { Shown = shown, Report = SegmentationApp.Report(shown) };
            return View(session);
        }
        catch (OptionException e)
        {
            return Message(e.Reason);
        }
    }

    /// <summary>Adds lifetime value to the session's run (the segments and the k on screen stay); a fit that fails says why and changes nothing.</summary>
    private static async Task<IResult> Value(HttpContext context, SessionStore sessions, PipelineQueue queue)
    {
        var session = sessions.Get(context);
        if (session.Run is not { } current) return Message("upload a file first", StatusCodes.Status404NotFound);
        try
        {
            var full = await queue.Run(() => SegmentationApp.WithValue(current.Full), fits: false).ConfigureAwait(false);
            var shown = full.Choice.K == current.Shown.Choice.K ? full : SegmentationApp.AtK(full, current.Shown.Choice.K);
            session.Run = current with { Full = full, Shown = shown, Report = SegmentationApp.Report(shown) };
            return View(session);
        }
        catch (ModelFitException e)
        {
            return Message($"lifetime value could not be estimated: {e.Reason}");
        }
    }

    private static IResult Customers(DashboardSession session, string? q, string? sort, bool? desc, int? page, int? size)
    {
        if (session.Run is not { } run) return Message("upload a file first", StatusCodes.Status404NotFound);
        IEnumerable<CustomerSegment> rows = run.Shown.Customers;
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            rows = rows.Where(c => c.Rfm.CustomerId.Contains(term, StringComparison.OrdinalIgnoreCase)
                || c.Segment.Contains(term, StringComparison.OrdinalIgnoreCase)
                || (c.Rfm.Country?.Contains(term, StringComparison.OrdinalIgnoreCase) ?? false));
        }
        Func<CustomerSegment, IComparable> key = sort switch
        {
            "segment" => c => c.Segment,
            "recency" => c => c.Rfm.Recency,
            "frequency" => c => c.Rfm.Frequency,
            "monetary" => c => c.Rfm.Monetary,
            "country" => c => c.Rfm.Country ?? "",
            "clv" => c => c.Value?.Clv ?? 0,
            _ => c => c.Rfm.CustomerId,
        };
        var ordered = desc == true ? rows.OrderByDescending(key).ThenBy(c => c.Rfm.CustomerId, StringComparer.Ordinal)
            : rows.OrderBy(key).ThenBy(c => c.Rfm.CustomerId, StringComparer.Ordinal);
        var list = ordered.ToList();
        var pageSize = Math.Clamp(size ?? 25, 1, 500);
        var pages = Math.Max(1, (list.Count + pageSize - 1) / pageSize);
        var at = Math.Clamp(page ?? 1, 1, pages);
        var slice = list.Skip((at - 1) * pageSize).Take(pageSize)
            .Select(CustomerRow.Of).ToList();
        return Results.Json(new CustomerPage(list.Count, at, pageSize, slice));
    }

    private static IResult Download(string file, HttpContext context, SessionStore sessions)
    {
        if (sessions.Get(context).Run is not { } run) return Message("upload a file first", StatusCodes.Status404NotFound);
        var k = run.Shown.Choice.K.ToString(CultureInfo.InvariantCulture);
        switch (file)
        {
            case "customer_segments.csv":
                return Results.File(System.Text.Encoding.UTF8.GetBytes(SegmentationApp.CustomersCsv(run.Shown.Customers)), "text/csv; charset=utf-8", $"customer_segments_k{k}.csv");
            case "report.html":
                return Results.File(System.Text.Encoding.UTF8.GetBytes(HtmlReport.Render(run.Report)), "text/html; charset=utf-8", $"report_k{k}.html");
            case "report.pdf":
                var pdf = Path.Combine(Path.GetTempPath(), $"segmentation-report-{Guid.NewGuid():N}.pdf");
                try
                {
                    SegmentPdfReport.Write(run.Report, pdf);
                    return Results.File(File.ReadAllBytes(pdf), "application/pdf", $"report_k{k}.pdf");
                }
                finally
                {
                    File.Delete(pdf);
                }
            default:
                return Results.NotFound();
        }
    }

    private static IResult Runs(HttpContext context, SessionStore sessions, ServeOptions options)
    {
        var history = RunsHistory(options);
        if (!File.Exists(history)) return Results.Json(new { history = Path.GetFileName(history), runs = Array.Empty<object>() });
        var runs = SegmentationApp.History(history).List().Reverse().Select(r => new
        {
            r.Id,
            created = Display.DateTime(r.Created),
            r.Kind,
            folder = Path.GetFileName(r.Folder.TrimEnd(Path.DirectorySeparatorChar)),
            input = Path.GetFileName(r.Input),
            r.K,
            customers = Display.Count(r.Customers),
            silhouette = Display.Number(r.Silhouette, 3),
            segments = string.Join(", ", r.SegmentSizes.Select(s => $"{s.Key} {Display.Count(s.Value)}")),
            available = Directory.Exists(r.Folder),
        });
        return Results.Json(new { history = Path.GetFileName(history), runs });
    }

    /// <summary>The history the Runs page lists: beside the served run folder, or in the folder the dashboard saves runs to.</summary>
    internal static string RunsHistory(ServeOptions options) =>
        options.RunFolder is { } folder ? SegmentationApp.HistoryBeside(folder) : SegmentationApp.HistoryIn(options.RunsFolder);

    /// <summary>Publishes the session's run at the k on screen as a run folder (with its reports) and records it in the history.</summary>
    private static async Task<IResult> Save(HttpContext context, SessionStore sessions, ServeOptions options, PipelineQueue queue)
    {
        var session = sessions.Get(context);
        if (session.Run is not { } run) return Message("upload a file first", StatusCodes.Status404NotFound);
        var folderName = $"run-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}";
        var publish = new PublishOptions
        {
            Folder = Path.Combine(Path.GetDirectoryName(RunsHistory(options))!, folderName),
            History = RunsHistory(options),
        };
        var published = await queue.Run(() => SegmentationApp.Publish(run.Shown, run.Source, publish, ReportRenderer.Instance), fits: false).ConfigureAwait(false);
        return Results.Json(new { folder = folderName, id = published.HistoryId });
    }

    /// <summary>The session's data as a new period against a recorded run: its segments kept, who moved where, and the drift.</summary>
    private static async Task<IResult> Refresh(long id, HttpContext context, SessionStore sessions, ServeOptions options, PipelineQueue queue)
    {
        var session = sessions.Get(context);
        if (session.Run is not { } run) return Message("upload a file first", StatusCodes.Status404NotFound);
        var history = RunsHistory(options);
        var record = File.Exists(history) ? SegmentationApp.History(history).List().FirstOrDefault(r => r.Id == id) : null;
        if (record is null || !Directory.Exists(record.Folder)) return Message($"run {id} is not in the history, or its folder is gone", StatusCodes.Status404NotFound);
        try
        {
            var result = await queue.Run(() => SegmentationApp.Refresh(SegmentationApp.LoadPrevious(record.Folder), run.Full.Prepared, run.Full.Options), fits: true).ConfigureAwait(false);
            var report = SegmentationApp.Report(result.Run, refresh: result);
            var changes = report.Changes!;
            return Results.Json(new
            {
                previous = id,
                changes.Verdict,
                changes.Movements,
                drift = changes.Drift.Select(d => new { d.Measure, value = Display.Number(d.Value, 3), d.Reading }),
                migration = new
                {
                    from = changes.Migration.From,
                    to = changes.Migration.To,
                    counts = changes.Migration.From.Select(f => changes.Migration.To.Select(t => changes.Migration.Count(f, t))),
                },
            });
        }
        catch (Exception e) when (e is InputException or OptionException)
        {
            return Message(e.Message);
        }
    }
}
