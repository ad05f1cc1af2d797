using Microsoft.AspNetCore.Http;
using Segmentation.App;
using Segmentation.Prepare;
using Segmentation.Prepare.Sources;
using Segmentation.Runs;

namespace Segmentation.Web.Dashboard;

/// <summary>The page's upload: a file streamed in, queued, run, and its columns mapped when they are not found by name.</summary>
internal static class UploadEndpoints
{
    internal static async Task<IResult> Upload(HttpContext context, SessionStore sessions, ServeOptions options, UploadStore uploads, PipelineQueue queue)
    {
        var session = sessions.Get(context);
        if (!context.Request.HasFormContentType) return DashboardApi.Message("send the file as multipart/form-data in the field 'file'");
        if (!session.TryStart(JobStatus.Uploading())) return DashboardApi.Message("a file is already being processed; wait for it to finish", StatusCodes.Status409Conflict);
        try
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            if (form.Files.GetFile("file") is not { } file)
            {
                session.Job = JobStatus.Idle;
                return DashboardApi.Message("choose a file to upload");
            }
            await using var content = file.OpenReadStream();
            var upload = await uploads.Save(content, file.FileName, options.MaxUploadBytes, context.RequestAborted).ConfigureAwait(false);
            session.Pending = null;
            Start(session, upload, IngestOptions.Default, queue);
            return DashboardApi.View(session);
        }
        catch (InputException e)
        {
            session.Job = JobStatus.Failed(e.Message, e.File);
            return DashboardApi.View(session);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            session.Job = JobStatus.Failed(TooLarge(options));
            return DashboardApi.View(session);
        }
        catch (Exception e) when (e is BadHttpRequestException or IOException or OperationCanceledException or InvalidDataException)
        {
            session.Job = JobStatus.Failed($"the upload did not complete: {e.Message}");
            return DashboardApi.View(session);
        }
        finally
        {
            // Whatever went wrong, the session is never left waiting for an upload that is over.
            if (session.Job.State == JobState.Uploading) session.Job = JobStatus.Failed("the upload did not complete");
        }
    }

    /// <summary>The columns the owner picked for an upload whose header was not recognised; the upload is run again with them.</summary>
    internal static async Task<IResult> MapColumns(HttpContext context, SessionStore sessions, PipelineQueue queue)
    {
        var session = sessions.Get(context);
        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        string? Field(string name) => form[name].ToString() is { Length: > 0 } v ? v : null;
        if (Field("customer") is not { } customer || Field("date") is not { } date) return DashboardApi.Message("pick the customer and the date columns");
        var amount = Field("amount");
        var (quantity, price) = (Field("quantity"), Field("unitPrice"));
        if (amount is null && (quantity is null || price is null)) return DashboardApi.Message("pick a line-amount column, or both a quantity and a unit-price column");
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
        if (!session.TryStart(JobStatus.Queued(null))) return DashboardApi.Message("a file is already being processed; wait for it to finish", StatusCodes.Status409Conflict);
        if (session.TakePending() is not { } upload)
        {
            session.Job = JobStatus.Idle;
            return DashboardApi.Message("no upload is waiting for its columns; upload the file again");
        }
        Start(session, upload, IngestOptions.Default with { Mapping = mapping }, queue);
        return DashboardApi.View(session);
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
                var (run, contacts) = await queue.Run(() =>
                {
                    session.Job = JobStatus.Reading(upload.Name);
                    var run = SegmentationApp.Segment(source, options, progress);
                    // The upload is deleted after its run: contacts for audiences are read now, and kept in this session only.
                    return (run, SegmentationApp.ReadContacts(run, source));
                }, fits: true).ConfigureAwait(false);
                session.Run = new SessionRun(run, run, SegmentationApp.Report(run), source) { Contacts = contacts };
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

    private static string TooLarge(ServeOptions options) => $"the file is larger than the limit of {options.MaxUploadBytes / (1024 * 1024)} MB (serve --max-upload-mb)";
}
