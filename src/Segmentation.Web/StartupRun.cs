using Segmentation.App;
using Segmentation.Prepare;
using Segmentation.Runs;
using Segmentation.Web.Api;
using Segmentation.Web.Dashboard;

namespace Segmentation.Web;

/// <summary>
/// What the server starts with: a run folder's model for the API, or the built-in sample, segmented at start, whose
/// run every new dashboard session opens on and whose model the API serves.
/// </summary>
internal sealed class StartupRun(ServeOptions options, ModelHolder holder)
{
    public SessionRun? Sample { get; private set; }

    public void Load()
    {
        if (options.RunFolder is { } folder)
        {
            holder.Model = new ServedModel(SegmentationApp.LoadModel(SegmentationApp.RunModelPath(folder)), "run folder " + Path.GetFileName(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar)), folder);
            return;
        }
        var source = TransactionSource.Sample();
        var run = SegmentationApp.Segment(source, SegmentationOptions.Default with { ValueReady = true });
        Sample = new SessionRun(run, run, SegmentationApp.Report(run), source);
        holder.Model = new ServedModel(run.Model, "the built-in sample (" + source.Name + ")", null);
    }
}
