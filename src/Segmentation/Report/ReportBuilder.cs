using Segmentation.Clustering;
using Segmentation.Clustering.Methods;
using Segmentation.Clustering.Segments;
using Segmentation.Formatting;
using Segmentation.Lifetime;
using Segmentation.Numerics;
using Segmentation.Runs;
using Segmentation.Runs.Refresh;

namespace Segmentation.Report;

/// <summary>Computes the <see cref="ReportModel"/> of a run (and of its refresh): the one place report figures come from.</summary>
internal static class ReportBuilder
{
    public static ReportModel Build(SegmentationRun run, ReportSettings? settings = null, RefreshResult? refresh = null)
    {
        var (resolved, currency) = Currencies.Resolve(settings ?? ReportSettings.Default, run);
        settings = resolved;
        return new ReportModel(
            settings,
            Path.GetFileName(run.Quality.Source),
            run.Mode,
            Headline(run, settings),
            run.Profiles,
            Overall(run),
            Quality(run),
            run.ScoreProfiles,
            ScoreByCluster(run),
            new[] { "Recency", "Frequency", "Monetary" }.Select(f => Boxes(run, f)).ToArray(),
            refresh is null ? null : Changes(refresh),
            run.Quality,
            Method(run, settings, currency),
            run.Customers)
        {
            Methods = run.Methods,
            MethodsVerdict = run.Methods is { } methods ? MethodsVerdict(methods) : null,
            LabelsNote = LabelsNote(run),
            Value = run.Value is { } value ? ValueSection(run, value, settings) : null,
            Plotted = PlotSample.Of(run.Customers, settings.PlottedCustomers, run.Sweep.Seed),
        };
    }

    /// <summary>The labels' reliability in three sentences (see <see cref="ReportModel.LabelsNote"/>).</summary>
    private static string LabelsNote(SegmentationRun run)
    {
        var customers = run.Customers;
        if (customers.Count == 0) return "";
        var agree = customers.Count(c => c.Segment == c.Score.Segment) / (double)customers.Count;
        var borderline = customers.Count(c => c.Borderline);
        var contradicting = run.Profiles.Where(p => p.RecencyContradictsName > 0).ToList();
        var recency = Statistics.Sorted(customers.Select(c => (double)c.Rfm.Recency));
        var note = $"The cluster segment (ClusterSegment in customer_segments.csv) and the RFM score segment (ScoreSegment) use the same names and agree for {Display.Percent(agree)} of customers; the table of score segments by cluster shows where they part. "
            + $"{Customers(borderline)} ({Display.Percent(borderline / (double)customers.Count)}) are almost as near another segment's centre as their own (Borderline: a small change would move them). ";
        note += contradicting.Count == 0
            ? "No customer's own recency contradicts its segment's name."
            : $"A customer's own recency contradicts the segment's name for {Customers(contradicting.Sum(p => p.RecencyContradictsName))} (RecencyContradictsName): "
              + string.Join(", ", contradicting.Select(p => $"{Display.Count(p.RecencyContradictsName)} in {p.Segment}"))
              + $", placed there by their orders and spend; a name that says recent is contradicted beyond {Display.Number(Statistics.Quantile(recency, 0.75), 0)} days (the longest quarter), one that says long ago below {Display.Number(Statistics.Quantile(recency, 0.25), 0)} days (the shortest).";
        return note;

        static string Customers(int n) => $"{Display.Count(n)} customer{(n == 1 ? "" : "s")}";
    }

    /// <summary>The lifetime-value section: how the fits read, and whom to look at first.</summary>
    private static ValueReport ValueSection(SegmentationRun run, ClvResult value, ReportSettings settings)
    {
        string Money(double v) => Display.Currency(v, settings.Currency ?? "");
        var f = value.Purchases;
        var g = value.Spend;
        var unit = value.Summary.Unit.ToString().ToLowerInvariant();
        var purchases = PurchaseReading(f, unit);
        var spend = $"The spend model (Gamma-Gamma, {Display.Count(g.Diagnostics.Customers)} repeat customers) expects {Money(GammaGamma.ExpectedAverageValue(g.Parameters, 0, 0))} a purchase from a customer it knows nothing of; "
            + $"spend per purchase and frequency correlate at {Display.Number(g.FrequencySpendCorrelation, 2)} ({(Math.Abs(g.FrequencySpendCorrelation) < 0.3 ? "weakly, as the model assumes" : "more than the model assumes: read values with care")}). ";
        var atRisk = run.Customers.Where(c => c.Value?.AtRiskOfLeaving == true).OrderByDescending(c => c.Value!.Clv).ToList();
        var total = value.Customers.Sum(c => c.Clv);
        var littleChurn = SeesLittleChurn(run);
        var reading = purchases + (littleChurn ? LittleDropout(run, value) : "") + spend
            + $"Together they value the {Display.Count(run.Customers.Count)} customers at {Money(total)} over the next {value.Options.HorizonMonths} months (discounted at {Display.Percent(value.Options.MonthlyDiscountRate)} a month); "
            + AtRiskReading(value.AtRisk, atRisk.Count);
        var top = run.Customers.Where(c => c.Value is not null).OrderByDescending(c => c.Value!.Clv).ThenBy(c => c.Rfm.CustomerId, StringComparer.Ordinal).Take(10).ToList();
        return new ValueReport(reading, total, value.Options.HorizonMonths, top, atRisk.Take(20).ToList(), value.Validation)
        {
            Comparison = value.Comparison,
            SeesLittleChurn = littleChurn,
            Diagnostics = value.Diagnostics,
        };
    }

    /// <summary>Whom the at-risk rule names, and by which threshold.</summary>
    private static string AtRiskReading(AtRiskRule rule, int flagged)
    {
        var top = $"the top {Display.Percent(rule.TopShare, 0)} by value";
        if (rule.Relative && rule.AliveBelow >= 1 && flagged == 0)
        {
            return $"the purchase model sees no dropout (every P(alive) is 100%), so it names nobody in {top} at risk of leaving.";
        }
        var below = $"a P(alive) below {Display.Percent(rule.AliveBelow, 1)}";
        var why = rule.Relative ? $" (the lowest {Display.Percent(ClvOptions.AtRiskLowestShare, 0)} of them by P(alive), ties included: one half would name too few where the model sees little dropout)" : "";
        return flagged == 0 ? $"no customer in {top} has {below}." : $"{Display.Count(flagged)} of {top} have {below}{why}: contact them first.";
    }

    /// <summary>Below this share of customers more likely gone than not, the model is said to see almost no churn.</summary>
    private const double LittleChurn = 0.01;

    /// <summary>Half a year without a purchase: the customers the little-churn reading cites.</summary>
    private const int LongAbsentDays = 180;

    private static bool SeesLittleChurn(SegmentationRun run)
    {
        var valued = run.Customers.Where(c => c.Value is not null).ToList();
        return valued.Count > 0 && valued.Count(c => c.Value!.ProbabilityAlive < 0.5) < LittleChurn * valued.Count;
    }

    /// <summary>
    /// When the model sees almost no one leave, P(alive) is high for everyone, the long absent included, and the at-risk
    /// list stays empty: said plainly where the figures are, with the way to a model that sees dropout.
    /// </summary>
    private static string LittleDropout(SegmentationRun run, ClvResult value)
    {
        var valued = run.Customers.Where(c => c.Value is not null).ToList();
        var lowest = valued.Min(c => c.Value!.ProbabilityAlive);
        var absent = valued.Where(c => c.Rfm.Recency >= LongAbsentDays).ToList();
        var next = value.Comparison is not null
            ? "The comparison of purchase models below shows whether a model with dropout predicted the holdout better."
            : "Comparing it on a holdout with models that allow dropout (the automatic choice of purchase model, given a calibration end) shows whether one predicts better.";
        var longAbsent = absent.Count == 0 ? ","
            : $", and the {Display.Count(absent.Count)} customers absent for {LongAbsentDays} days or more have one of {Display.Percent(absent.Average(c => c.Value!.ProbabilityAlive))} on average:";
        return $"This model sees almost no churn: every customer's P(alive) is between {Display.Percent(lowest)} and {Display.Percent(valued.Max(c => c.Value!.ProbabilityAlive))}{longAbsent} "
            + $"so here P(alive) says little of who is leaving, and the at-risk list below stays empty (read recency and the segments for that). {next} ";
    }

    /// <summary>What the purchase model says of leaving, in words, with its parameters.</summary>
    private static string PurchaseReading(PurchaseModelFit fit, string unit) => fit switch
    {
        BgBbFit b =>
            $"The purchase model ({b.Model}) counts one chance to buy a {Periods.Name(b.Unit)}: while active, customers buy in {Display.Percent(b.Alpha / (b.Alpha + b.Beta), 1)} of them on average, "
            + (b.NoDropout
                ? $"and it finds no dropout: customers are taken to stay (alpha = {Display.Number(b.Alpha, 3)}, beta = {Display.Number(b.Beta, 3)}). "
                : $"and before each {Periods.Name(b.Unit)} a customer leaves with a chance of {Display.Percent(b.Gamma!.Value / (b.Gamma.Value + b.Delta!.Value), 1)} on average "
                  + $"(alpha = {Display.Number(b.Alpha, 3)}, beta = {Display.Number(b.Beta, 3)}, gamma = {Display.Number(b.Gamma.Value, 3)}, delta = {Display.Number(b.Delta.Value, 3)}"
                  + (b.Diagnostics.OnBoundary ? $"; {b.Diagnostics.Boundary[0]}). " : "). ")),
        { NoDropout: true } f =>
            $"The purchase model ({f.Model}) finds no dropout: customers are taken to stay, each buying at their own rate (r = {Display.Number(Parameter(f, "r"), 3)}, alpha = {Display.Number(Parameter(f, "alpha"), 1)} {unit}). ",
        BetaGeometricFit f =>
            $"The purchase model ({f.Model}) puts the chance of leaving after a purchase{(f is MbgNbdFit ? ", the first included," : "")} at {Display.Percent(f.A!.Value / (f.A.Value + f.B!.Value), 2)} on average (r = {Display.Number(f.R, 3)}, alpha = {Display.Number(f.Alpha, 1)} {unit}, "
            + (f.Diagnostics.OnBoundary ? $"{f.Diagnostics.Boundary[0]}). " : $"a = {Display.Number(f.A.Value, 4)}, b = {Display.Number(f.B.Value, 3)}). "),
        ParetoNbdFit { S: { } s, Beta: { } beta } p =>
            // A year in the fit's unit: the chance that a customer leaves within it, 1 - (beta / (beta + year))^s, averaged over customers.
            $"The purchase model ({p.Model}) lets a customer leave at any moment, purchase or not: on average {Display.Percent(1 - Math.Pow(beta / (beta + TimeUnits.DaysPerYear / p.Unit.Days()), s), 1)} leave within a year "
            + $"(r = {Display.Number(p.R, 3)}, alpha = {Display.Number(p.Alpha, 1)} {unit}, s = {Display.Number(s, 3)}, beta = {Display.Number(beta, 1)} {unit}"
            + (p.Diagnostics.OnBoundary ? $"; {p.Diagnostics.Boundary[0]}). " : "). "),
        _ => throw new ArgumentOutOfRangeException(nameof(fit), fit.Model, "a purchase model the report does not describe"),
    };

    private static double Parameter(PurchaseModelFit fit, string name) => fit.Parameters.Single(p => p.Name == name).Value!.Value;

    private static string MethodsVerdict(IReadOnlyList<MethodSummary> methods)
    {
        var own = methods.Single(m => m.Chosen);
        var others = methods.Where(m => !m.Chosen).Select(m =>
            $"{m.Name} finds {m.K} {(m.Unclustered is { } u ? $"groups ({Display.Count(u)} customers unclustered)" : "segments")} and agrees with them at an adjusted Rand index of {Display.Number(m.Agreement, 2)}");
        return $"The segments used come from {own.Name} ({own.K}). On the same customers, " + string.Join("; ", others) +
            ". 1 is the same partition, 0 no more than chance: where the methods agree, the segments do not depend on the method; where they do not, read the segments as one view of the customers among several.";
    }

    private static Headline Headline(SegmentationRun run, ReportSettings settings)
    {
        var q = run.Quality;
        var money = Display.Currency(q.Revenue, settings.Currency ?? "");
        var k = run.Choice.K;
        var top = run.Profiles.OrderByDescending(p => p.RevenueShare).ThenBy(p => p.Cluster).First();
        return new Headline(run.Rfm.Count, q.Invoices, q.Revenue, q.FirstDate, q.LastDate, run.Rfm.Snapshot, k, run.Choice.Reasoning,
            $"{Display.Count(run.Rfm.Count)} customers placed {Display.Count(q.Invoices)} orders worth {money} in this period. " +
            (run.Sweep.Density is { } density
                ? $"By how recently, how often and how much they buy, {Display.Count(run.Rfm.Count - density.Noise)} of them fall into {density.Clusters} dense groups; {Display.Count(density.Noise)} are unlike any group and are kept apart as Unclustered."
                : $"They fall into {k} segments by how recently, how often and how much they buy."),
            $"{top.Segment} ({Display.Percent(top.Share)} of customers) bring {Display.Percent(top.RevenueShare)} of revenue.");
    }

    private static RfmStatistics Overall(SegmentationRun run)
    {
        var c = run.Rfm.Customers;
        var (r, f, m) = run.Rfm.Medians();
        return new RfmStatistics(Statistics.Mean(c.Select(x => (double)x.Recency)), r, Statistics.Mean(c.Select(x => (double)x.Frequency)), f,
            Statistics.Mean(c.Select(x => (double)x.Monetary)), m);
    }

    private static ModelQuality Quality(SegmentationRun run)
    {
        var sil = run.Sweep.Silhouette;
        var silhouette = $"Silhouette: {(sil.Sampled ? $"on a random sample of {Display.Count(sil.SampleSize)} customers (seed {sil.Seed})" : $"exact, over all {Display.Count(sil.SampleSize)} customers")}. ";
        var note = run.Mode == RunMode.Scored
            ? "The previous run's model was applied to these customers; the indices measure its segments on them. " + silhouette
            : silhouette +
              (run.Sweep.FitOn.Sampled ? $"The k-means fits ran on a random sample of {Display.Count(run.Sweep.FitOn.SampleSize)} customers (seed {run.Sweep.FitOn.Seed}); every customer was then assigned to the nearest centre. " : "");
        if (run.ChosenMetrics.Stability is { } stability)
        {
            var reading = stability >= StableAbove ? "stable" : stability >= FairlyStableAbove ? "fairly stable" : "unstable: treat its boundaries with care";
            note += $"Stability of k = {run.Choice.K}: refitted on {run.Options.Clustering.StabilityResamples} bootstrap resamples of the customers, its segments agree with these at an adjusted Rand index of {Display.Number(stability, 2)} on average ({reading}; 1 is the same segments every time, {Display.Number(StableAbove, 2)} and above stable, below {Display.Number(FairlyStableAbove, 2)} unstable). ";
        }
        note += Certainty(run.Profiles);
        if (run.Sweep.Density is { } density)
        {
            note += $"The indices measure the {density.Clusters} dense group{(density.Clusters == 1 ? "" : "s")} without the {Display.Count(density.Noise)} unclustered customers. ";
        }
        if (run.Sweep.Metrics.Any(m => m.Bic is not null))
        {
            note += "BIC and AIC: lower is better (BIC charges more for each parameter). ";
        }
        var method = ClusteringMethods.Of(run.Sweep.Method);
        return new ModelQuality(run.Sweep.Metrics, run.Choice, sil, run.Sweep.FitOn, run.Sweep.Restarts, run.Sweep.Seed, note + "Davies-Bouldin: lower is better. Calinski-Harabasz: higher is better.")
        {
            Method = run.Sweep.Method,
            Density = run.Sweep.Density,
            MethodName = method.Name,
            SweepLine = method.SweepLine(run.Sweep,
                "silhouette " + (sil.Sampled ? $"on a sample of {Display.Count(sil.SampleSize)}, seed {sil.Seed}" : "exact")),
        };
    }

    /// <summary>
    /// How sure a mixture's assignments are, segment by segment ("73% of Champions are assigned with probability at
    /// least 0.9"); empty for methods that give no probability.
    /// </summary>
    private static string Certainty(IReadOnlyList<SegmentProfile> profiles)
    {
        var measured = profiles.Where(p => p.ConfidentShare is not null).ToList();
        if (measured.Count == 0) return "";
        var parts = measured.Select(p => $"{Display.Percent(p.ConfidentShare!.Value)} of {p.Segment}");
        return $"How sure each assignment is: {string.Join(", ", parts)} are assigned with probability at least {Display.Number(SegmentProfile.ConfidentProbability, 1)}; the others lie between segments. ";
    }

    /// <summary>Readings of a stability (mean adjusted Rand index), stated beside it wherever it is shown.</summary>
    internal const double StableAbove = 0.9, FairlyStableAbove = 0.75;

    private static CrossTab ScoreByCluster(SegmentationRun run)
    {
        var rows = run.ScoreProfiles.Select(s => s.Segment).ToArray();
        var counts = rows.Select(_ => new int[run.Profiles.Count]).ToArray();
        var rowOf = rows.Select((name, i) => (name, i)).ToDictionary(t => t.name, t => t.i, StringComparer.Ordinal);
        foreach (var c in run.Customers) counts[rowOf[c.Score.Segment]][c.Cluster]++;
        return new CrossTab(rows, run.Profiles.Select(p => p.Segment).ToArray(), counts);
    }

    private static FeatureBoxes Boxes(SegmentationRun run, string feature)
    {
        double Value(CustomerSegment c) => feature switch
        {
            "Recency" => c.Rfm.Recency,
            "Frequency" => c.Rfm.Frequency,
            _ => (double)c.Rfm.Monetary,
        };
        // Each segment's values gathered in one pass over the customers (a grouping per feature cost 0.1 s at 949k customers).
        var byCluster = new List<double>[run.Profiles.Count];
        foreach (var p in run.Profiles) byCluster[p.Cluster] = new List<double>(p.Customers);
        foreach (var c in run.Customers) byCluster[c.Cluster].Add(Value(c));
        var boxes = run.Profiles
            .Where(p => byCluster[p.Cluster].Count > 0)
            .Select(p =>
            {
                var v = Statistics.Sorted(byCluster[p.Cluster]);
                return new BoxStatistics(p.Cluster, p.Segment, v.Length,
                    Statistics.Quantile(v, FeatureBoxes.LowQuantile), Statistics.Quantile(v, 0.25), Statistics.Quantile(v, 0.5),
                    Statistics.Quantile(v, 0.75), Statistics.Quantile(v, FeatureBoxes.HighQuantile));
            }).ToArray();
        var unit = feature switch { "Recency" => "days since last purchase", "Frequency" => "orders", _ => "spend" };
        // Frequency and spend spread multiplicatively: a log axis, ticked in real units by the renderers.
        return new FeatureBoxes(feature, unit, feature != "Recency", FeatureBoxes.Rule, boxes);
    }

    private static Changes Changes(RefreshResult refresh)
    {
        var d = refresh.Drift;
        var o = refresh.Options;
        var verdict = d.RefitRecommended
            ? "Refit recommended: " + string.Join("; ", d.Reasons) + "."
            : "The segments still hold: every drift measure is within its threshold.";
        DriftReading[] drift =
        [
            new("Population stability of recency", d.PsiRecency, o.PsiReading(d.PsiRecency)),
            new("Population stability of frequency", d.PsiFrequency, o.PsiReading(d.PsiFrequency)),
            new("Population stability of monetary", d.PsiMonetary, o.PsiReading(d.PsiMonetary)),
            new("Population stability of segment shares", d.PsiSegmentShares, o.PsiReading(d.PsiSegmentShares)),
            new("Adjusted Rand index, previous model vs now", d.AdjustedRandIndex,
                $"1 = the same customers belong together; 0 = no more than chance; below {Display.Number(o.AriThreshold, 2)} flags a refit"),
        ];
        return new Changes(verdict, refresh.Movements, drift, d.Matches, refresh.Migration);
    }

    private static IReadOnlyList<string> Method(SegmentationRun run, ReportSettings settings, string currencySource)
    {
        // What was read, as the account recorded it: the columns found by name or named by the options.
        var columns = run.Quality.Columns;
        string? Column(string field) => columns.FirstOrDefault(c => c.Field == field)?.Header;
        var amount = Column("amount") ?? run.Options.Prepare.Ingest.Mapping?.Amount;
        var monetary = amount is not null
            ? $"Monetary is the sum of the line amounts (column '{amount}') over the kept rows."
            : "Monetary is the sum of quantity times unit price over the kept rows.";
        var noInvoice = columns.Count > 0 ? Column("invoice") is null : run.Options.Prepare.Ingest.Mapping is { Invoice: null };
        var frequency = noInvoice
            ? "Frequency is the number of distinct purchase times (the file has no invoice column)."
            : "Frequency is the number of distinct invoices.";
        var currency = settings.CurrencyCode is { } code
            ? $" Amounts are in {code} ({currencySource})."
            : $" The currency is {currencySource}.";
        var snapshot = run.Options.Prepare.AsOf is null ? "the day after the last purchase in the data" : "set for this run; later rows are left out";
        var scaling = run.Scaler.Log1p
            ? "The three measures are log-transformed (log(1 + x)), because a few customers buy far more than the rest, and then standardised to mean 0 and standard deviation 1."
            : "The three measures are standardised to mean 0 and standard deviation 1 (no log transform).";
        var sweep = run.Sweep;
        var clustering = run.Mode == RunMode.Scored
            ? $"Segments are the previous run's: its model (k = {run.Choice.K}, its scaler and centres, seed {run.Model.Seed}) was applied to these customers without refitting."
            : ClusteringMethods.Of(sweep.Method).MethodText(sweep);
        return
        [
            $"Recency is the number of whole days from a customer's last purchase to the snapshot date, {Display.Date(run.Rfm.Snapshot)} ({snapshot}). {frequency} {monetary}{currency}",
            scaling,
            clustering,
            "Segments are named by matching each cluster's centre (how recent, how valuable) to the profile of each standard segment name; Champions requires the best recency, frequency and spend of all segments. A refreshed run keeps the names and ids of the segments it matches in the previous run.",
            "Versions: " + string.Join(", ", run.Model.Versions.Select(v => $"{v.Key} {v.Value}")) + $". Seed {run.Options.Clustering.Seed}.",
        ];
    }
}
