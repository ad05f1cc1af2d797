using Segmentation.App;
using Segmentation.Clustering.Model;

namespace Segmentation.Web.Api;

/// <summary>The model the scoring API applies, and what it says about where it came from. Immutable: set once at start.</summary>
internal sealed record ServedModel(SegmentationModel Model, string Source, string? Folder)
{
    public ModelBody Describe()
    {
        var centres = Model.Centres();
        var segments = Model.Segments.Select((s, i) =>
            new ModelSegmentBody(i, s.Name, s.Description, s.Actions, s.Priority, centres[i][0], centres[i][1], centres[i][2])).ToList();
        return new ModelBody(Model.Method.ToString().ToLowerInvariant(), Model.K, Model.Seed, Model.Features, Model.Scaler.Log1p, segments,
            new TrainingBody(Source, Folder is null ? null : Path.GetFileName(Folder.TrimEnd(Path.DirectorySeparatorChar)), Model.Versions,
                Model.Training is { } t ? Formatting.Display.Date(t.FirstDate) : null, Model.Training is { } s ? Formatting.Display.Date(s.Snapshot) : null, Model.Training?.WindowDays));
    }

    public IReadOnlyList<ScoredCustomerBody> Score(IReadOnlyList<RfmValues> customers) =>
        SegmentationApp.Score(Model, customers).Select(c => new ScoredCustomerBody(c.CustomerId, c.Cluster, c.Segment, c.Action, c.Probability)).ToList();
}

/// <summary>The served model, if any: none until a run folder's model is read or the sample's run has finished.</summary>
internal sealed class ModelHolder
{
    private ServedModel? _model;

    public ServedModel? Model
    {
        get => Volatile.Read(ref _model);
        set => Volatile.Write(ref _model, value);
    }
}
