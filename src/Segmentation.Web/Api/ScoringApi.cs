using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.OpenApi;
using Segmentation.App;
using Segmentation.Clustering.Model;
using Segmentation.Prepare;

namespace Segmentation.Web.Api;

/// <summary>The scoring API: <c>/api/score</c>, <c>/api/score/transactions</c>, <c>/api/model</c>, and <c>/health</c>.</summary>
internal static class ScoringApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Scoring");
        api.MapPost("/score", ScoreAsync)
            .WithName("Score")
            .WithSummary("Puts customers given by their RFM values into the served model's segments.")
            // Described, not enforced: with Accepts, routing itself would answer a wrong Content-Type with a bare 415.
            .AddOpenApiOperationTransformer((operation, context, cancel) => Body(operation, context, typeof(ScoreRequestBody), "application/json", cancel))
            .Produces<ScoreResponseBody>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        api.MapPost("/score/transactions", ScoreTransactionsAsync)
            .WithName("ScoreTransactions")
            .WithSummary("Reads a transactions file (form field 'file': CSV, CSV.gz, XLSX or Parquet), computes each customer's RFM and puts them into the served model's segments.")
            .AddOpenApiOperationTransformer((operation, context, cancel) => Body(operation, context, typeof(TransactionsForm), "multipart/form-data", cancel))
            .Produces<ScoreResponseBody>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .DisableAntiforgery();
        api.MapGet("/model", (ModelHolder holder) => holder.Model is not { } model ? NoModel() : Json(model.Describe(), ApiJson.Default.ModelBody))
            .WithName("Model")
            .WithSummary("The served model: k, the segments with their centres in days, orders and money, and the run it was trained in.")
            .Produces<ModelBody>();
        app.MapGet("/health", (ModelHolder holder, PipelineQueue queue, ScheduledRefresher refresher, ServeOptions options) =>
                Json(new HealthBody("ok", holder.Model?.Source ?? "none", queue.Fits, queue.Running, queue.Waiting) { Refresh = RefreshHealth(refresher, options) }, ApiJson.Default.HealthBody))
            .WithTags("Health")
            .WithSummary("Liveness, the served model, and the pipelines run and waiting.")
            .Produces<HealthBody>();
    }

    private static RefreshHealthBody? RefreshHealth(ScheduledRefresher refresher, ServeOptions options)
    {
        if (options.Refresh is not { } schedule || refresher.Status is not { } s) return null;
        static string? Instant(DateTime? t) => t?.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        return new RefreshHealthBody(schedule.Every.ToString("c", System.Globalization.CultureInfo.InvariantCulture), Instant(s.LastRun), s.LastRunId, Instant(s.NextRun),
            s.Succeeded, s.Failed, s.LastError, Instant(s.LastErrorAt));
    }

    private static async Task Body(OpenApiOperation operation, OpenApiOperationTransformerContext context, Type type, string contentType, CancellationToken cancel)
    {
        var schema = await context.GetOrCreateSchemaAsync(type, null, cancel).ConfigureAwait(false);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal) { [contentType] = new() { Schema = schema } },
        };
    }

    /// <summary>The form of <c>/api/score/transactions</c>, for the OpenAPI document.</summary>
    private sealed record TransactionsForm(IFormFile File);

    /// <summary>
    /// JSON with its length: a streamed body has none, and an HTTP/1.0 keep-alive client (ab, some proxies) must then
    /// reconnect for every request (measured: ab at 8,350 requests/s with no connection kept, 24,600 with).
    /// </summary>
    private static IResult Json<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        Results.Bytes(JsonSerializer.SerializeToUtf8Bytes(value, type), "application/json");

    private static IResult NoModel() => Problems.Field("model", "the server has no model loaded", StatusCodes.Status503ServiceUnavailable);

    private static async Task<IResult> ScoreAsync(HttpContext context, ModelHolder holder, ServeOptions options)
    {
        if (holder.Model is not { } model) return NoModel();
        if (!context.Request.HasJsonContentType()) return Problems.Field("Content-Type", "must be application/json");
        if (context.Request.ContentLength > options.MaxJsonBytes) return TooLarge(options);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = options.MaxJsonBytes;
        ScoreRequestBody? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync(context.Request.Body, ApiJson.Default.ScoreRequestBody, context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            // System.Text.Json says "could not be converted" for a value of the wrong type, and names the syntax error otherwise.
            var field = Problems.FieldOf(e.Path);
            return Problems.Field(field, !e.Message.Contains("could not be converted", StringComparison.Ordinal)
                ? "not valid JSON" + (e.LineNumber is { } line ? $" (line {line + 1}, position {e.BytePositionInLine + 1})" : "")
                : field.EndsWith("customerId", StringComparison.Ordinal) ? "must be a string"
                : field.EndsWith(']') || field == "customers" ? "must be an object with customerId, recency, frequency and monetary"
                : "must be a JSON number (NaN and infinities are not numbers in JSON)");
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(options);
        }
        if (body is null) return Problems.Field("body", "must be an object with a 'customers' list");
        if (ScoreValidation.Check(body, options.MaxCustomersPerRequest, model.Model.Value is not null) is { } error) return Problems.Field(error.Field, error.Reason);
        var customers = body.Customers!.Select(c => new RfmValues(c!.CustomerId!, c.Recency!.Value, c.Frequency!.Value, c.Monetary!.Value)).ToList();
        var values = body.Customers!.Select(c => c!.HasValueFields ? new Lifetime.ValueInput(c.CustomerId!, c.RepeatPurchases!.Value, c.RecencyDays!.Value, c.AgeDays!.Value, c.RepeatValue) : null).ToList();
        var drift = SegmentationApp.Drift(model.Model, customers);
        return Json(new ScoreResponseBody(model.Score(customers, values))
        {
            Drift = DriftBody.Of(drift.Features),
            Warnings = drift.Warning is null ? null : [drift.Warning],
        }, ApiJson.Default.ScoreResponseBody);
    }

    private static IResult TooLarge(ServeOptions options) =>
        Problems.Field("body", $"larger than the limit of {options.MaxJsonBytes / (1024 * 1024)} MB", StatusCodes.Status413PayloadTooLarge);

    private static async Task<IResult> ScoreTransactionsAsync(HttpContext context, ModelHolder holder, ServeOptions options, UploadStore uploads, PipelineQueue queue)
    {
        if (holder.Model is not { } model) return NoModel();
        if (!context.Request.HasFormContentType) return Problems.Field("Content-Type", "must be multipart/form-data with the transactions file in the field 'file'");
        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        if (form.Files.GetFile("file") is not { } file) return Problems.Field("file", "required: the transactions file (CSV, CSV.gz, XLSX or Parquet)");
        try
        {
            await using var content = file.OpenReadStream();
            using var upload = await uploads.Save(content, file.FileName, options.MaxUploadBytes, context.RequestAborted).ConfigureAwait(false);
            var scored = await queue.Run(() => SegmentationApp.Score(model.Model, TransactionSource.File(upload.Path, upload.Name)),
                fits: false, context.RequestAborted).ConfigureAwait(false);
            var check = scored.Check;
            var body = new ScoreResponseBody(scored.Customers.Select(c => new ScoredCustomerBody(c.Rfm.CustomerId, c.Cluster, c.Segment, c.Action, c.Probability)).ToList())
            {
                Drift = DriftBody.Of(check.Drift),
                Window = check.Window,
                Warnings = check.Warnings.Count == 0 ? null : check.Warnings,
            };
            return Json(body, ApiJson.Default.ScoreResponseBody);
        }
        catch (InputException e)
        {
            return Problems.Field("file", e.Message);
        }
    }
}
