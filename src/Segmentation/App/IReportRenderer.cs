using Segmentation.Report;

namespace Segmentation.App;

/// <summary>A report file rendered into a run folder, and how long it took.</summary>
public sealed record RenderedReport(string Path, TimeSpan Elapsed);

/// <summary>
/// Renders a report model into files (the PDF and HTML live in Segmentation.Reporting, which the core does not
/// reference: a door hands its renderer to the application layer).
/// </summary>
public interface IReportRenderer
{
    IReadOnlyList<RenderedReport> Render(ReportModel report, string folder);
}
