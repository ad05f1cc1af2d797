using System.Globalization;
using Microsoft.AspNetCore.Http;
using Segmentation.App;
using Segmentation.Audiences;
using Segmentation.Clustering.Segments;
using Segmentation.Lifetime;
using Segmentation.Reporting;
using Segmentation.Reporting.Charts;
using Segmentation.Reporting.Html;

namespace Segmentation.Web.Dashboard;

/// <summary>What the page shows of the session's run: the k on screen, lifetime value, the customer table, downloads.</summary>
internal static class SegmentEndpoints
{
    internal static IResult ChooseK(DashboardSession session, int k)
    {
        if (session.Run is not { } current) return DashboardApi.Message("upload a file first", StatusCodes.Status404NotFound);
        try
        {
            var shown = SegmentationApp.AtK(current.Full, k);
            session.Run = current with { Shown = shown, Report = SegmentationApp.Report(shown) };
            return DashboardApi.View(session);
        }
        catch (OptionException e)
        {
            return DashboardApi.Message(e.Reason);
        }
    }

    /// <summary>Adds lifetime value to the session's run (the segments and the k on screen stay); a fit that fails says why and changes nothing.</summary>
    internal static async Task<IResult> Value(HttpContext context, SessionStore sessions, PipelineQueue queue)
    {
        var session = sessions.Get(context);
        if (session.Run is not { } current) return DashboardApi.Message("upload a file first", StatusCodes.Status404NotFound);
        try
        {
            var full = await queue.Run(() => SegmentationApp.WithValue(current.Full), fits: false).ConfigureAwait(false);
            var shown = full.Choice.K == current.Shown.Choice.K ? full : SegmentationApp.AtK(full, current.Shown.Choice.K);
            session.Run = current with { Full = full, Shown = shown, Report = SegmentationApp.Report(shown) };
            return DashboardApi.View(session);
        }
        catch (ModelFitException e)
        {
            return DashboardApi.Message($"lifetime value could not be estimated: {e.Reason}");
        }
    }

    internal static IResult Customers(DashboardSession session, string? q, string? sort, bool? desc, int? page, int? size)
    {
        if (session.Run is not { } run) return DashboardApi.Message("upload a file first", StatusCodes.Status404NotFound);
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

    /// <summary>
    /// A chosen customer's P(alive) over their history, as a PNG (the value section's chart): from the purchase days the
    /// session's run kept, under its purchase model. Not found without value or without that customer.
    /// </summary>
    internal static IResult AliveHistory(DashboardSession session, string? customer)
    {
        if (session.Run is not { } run) return DashboardApi.Message("upload a file first", StatusCodes.Status404NotFound);
        if (run.Full.Value is not { } value) return DashboardApi.Message("estimate lifetime value first", StatusCodes.Status404NotFound);
        if (string.IsNullOrEmpty(customer) || SegmentationApp.AliveHistory(run.Full, customer) is not { } history)
        {
            return DashboardApi.Message("no such customer in this run", StatusCodes.Status404NotFound);
        }
        return Results.File(ChartImages.AliveHistory(history, value.Purchases.Model), "image/png");
    }

    /// <summary>
    /// An audience of the segments on screen (or of the customers at risk) from the upload's contacts, as the tool's
    /// import file; how many it holds and left out in headers, for the page to say.
    /// </summary>
    internal static IResult Audience(DashboardSession session, string? segment, bool? atRisk, string? format, bool? hash)
    {
        if (session.Run is not { } run) return DashboardApi.Message("upload a file first", StatusCodes.Status404NotFound);
        if (run.Contacts is not { } contacts) return DashboardApi.Message("the upload has no e-mail or phone column", StatusCodes.Status404NotFound);
        if (!Enum.TryParse<AudienceFormat>(format, ignoreCase: true, out var tool) || !Enum.IsDefined(tool)) return DashboardApi.Message("format must be klaviyo, mailchimp, google or meta");
        try
        {
            var (csv, result) = SegmentationApp.Audience(run.Shown, contacts, atRisk == true ? null : segment, atRisk == true, tool, hash == true);
            var headers = new Dictionary<string, string>
            {
                ["X-Audience-Customers"] = result.Selected.ToString(CultureInfo.InvariantCulture),
                ["X-Audience-Exported"] = result.Exported.ToString(CultureInfo.InvariantCulture),
                ["X-Audience-No-Contact"] = result.NoContact.ToString(CultureInfo.InvariantCulture),
                ["X-Audience-No-Consent"] = result.NoConsent.ToString(CultureInfo.InvariantCulture),
            };
            return new AudienceFile(System.Text.Encoding.UTF8.GetBytes(csv), result.Path, headers);
        }
        catch (OptionException e)
        {
            return DashboardApi.Message(e.Reason);
        }
    }

    /// <summary>A CSV download with the audience's counts in its headers.</summary>
    private sealed class AudienceFile(byte[] csv, string name, IReadOnlyDictionary<string, string> headers) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            foreach (var (key, value) in headers) httpContext.Response.Headers[key] = value;
            return Results.File(csv, "text/csv; charset=utf-8", name).ExecuteAsync(httpContext);
        }
    }

    internal static IResult Download(string file, HttpContext context, SessionStore sessions)
    {
        if (sessions.Get(context).Run is not { } run) return DashboardApi.Message("upload a file first", StatusCodes.Status404NotFound);
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
}
