using Segmentation.App;
using Segmentation.Clustering.Model;
using Segmentation.Lifetime;

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
                Model.Training is { } t ? Formatting.Display.Date(t.FirstDate) : null, Model.Training is { } s ? Formatting.Display.Date(s.Snapshot) : null, Model.Training?.WindowDays))
        {
            Value = Model.Value is { } v ? new ValueModelBody(v.Model, v.PurchaseParameters,
                new Dictionary<string, double> { ["p"] = v.Spend.P, ["q"] = v.Spend.Q, ["gamma"] = v.Spend.Gamma },
                v.Unit.ToString().ToLowerInvariant(), Formatting.Display.Date(v.CalibrationEnd), v.Options.WindowDays, v.Options.HorizonMonths, v.Options.MonthlyDiscountRate) : null,
        };
    }

    /// <param name="values">Each customer's purchase history for the value figures, in the same order; null where not given.</param>
    public IReadOnlyList<ScoredCustomerBody> Score(IReadOnlyList<RfmValues> customers, IReadOnlyList<ValueInput?>? values = null)
    {
        var scored = SegmentationApp.Score(Model, customers);
        var given = values?.Select((v, i) => (v, i)).Where(p => p.v is not null).ToList() ?? [];
        var valued = new CustomerValueBody?[customers.Count];
        if (given.Count > 0 && Model.Value is { } model)
        {
            var figures = SegmentationApp.Value(Model, [.. given.Select(p => p.v!)])!;
            for (var k = 0; k < given.Count; k++)
            {
                var f = figures[k];
                valued[given[k].i] = new CustomerValueBody(f.ProbabilityAlive, f.ProbabilityNoPurchase, f.ExpectedPurchases, model.Options.WindowDays,
                    f.ExpectedNextPurchase is { } next ? (int)(next - model.CalibrationEnd.Date).TotalDays : null, f.ExpectedAverageValue, f.Clv, model.Options.HorizonMonths);
            }
        }
        return [.. scored.Select((c, i) => new ScoredCustomerBody(c.CustomerId, c.Cluster, c.Segment, c.Action, c.Probability) { Value = valued[i] })];
    }
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
