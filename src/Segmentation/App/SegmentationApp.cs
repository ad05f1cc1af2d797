using System.Diagnostics;
using Segmentation.Clustering.Model;
using Segmentation.Clustering.Segments;
using Segmentation.Lifetime;
using Segmentation.Lifetime.Diagnostics;
using Segmentation.Prepare;
using Segmentation.Prepare.Sample;
using Segmentation.Prepare.Sources;
using Segmentation.Report;
using Segmentation.Runs;
using Segmentation.Runs.Files;
using Segmentation.Runs.Refresh;

namespace Segmentation.App;

/// <summary>
/// The application layer: every door (the CLI, the web app, the notebooks, the report scripts) calls these use
/// cases with option records and shows the records they return. Options are validated before any data is read,
/// once per use case: each public member validates what it is given and then calls the unvalidated steps below.
/// </summary>
public static class SegmentationApp
{
    /// <summary>Reads, validates and cleans the transactions and computes RFM (nothing is written).</summary>
    public static PreparedData Prepare(TransactionSource source, PrepareOptions? options = null, IProgress<ReadProgress>? progress = null)
    {
        options ??= PrepareOptions.Default;
        OptionsValidator.Validate(options);
        return source.Prepare(options, progress);
    }

    /// <summary>The whole pipeline from a source, the options already validated.</summary>
    private static SegmentationRun Segmented(TransactionSource source, SegmentationOptions options, IProgress<ReadProgress>? progress) =>
        SegmentationPipeline.Run(() => source.Prepare(options.Preparation, progress), options, progress);

    /// <summary>
    /// Reads a source once into memory and returns it as a source that can be prepared again with other
    /// options (another AsOf date, other cleaning rules) without reading the file again.
    /// </summary>
    public static TransactionSource InMemory(TransactionSource source, IngestOptions? ingest = null)
    {
        ingest ??= IngestOptions.Default;
        OptionsValidator.Validate(ingest);
        using var stream = source.Open(ingest);
        return TransactionSource.Table(TransactionTable.Load(stream));
    }

    /// <summary>Segments prepared customers: features, the k sweep, the choice of k, names, profiles (nothing is written).</summary>
    public static SegmentationRun Segment(PreparedData prepared, SegmentationOptions? options = null)
    {
        options ??= SegmentationOptions.Default;
        OptionsValidator.Validate(options);
        return SegmentationPipeline.Segment(prepared, options);
    }

    /// <summary>The whole pipeline in memory, from a source to a run (nothing is written).</summary>
    public static SegmentationRun Segment(TransactionSource source, SegmentationOptions? options = null, IProgress<ReadProgress>? progress = null)
    {
        options ??= SegmentationOptions.Default;
        OptionsValidator.Validate(options);
        return Segmented(source, options, progress);
    }

    /// <summary>
    /// The run at another k of its sweep, as <c>--k</c> would have given it, without refitting: every k's fit was
    /// kept (the web app's slider).
    /// </summary>
    public static SegmentationRun AtK(SegmentationRun run, int k) => SegmentationPipeline.AtK(run, k);

    /// <summary>pandas' describe() of recency, frequency and monetary: count, mean, std, min, quartiles, max.</summary>
    public static IReadOnlyList<FeatureStatistics> Describe(RfmTable rfm) => FeatureStatistics.Of(rfm);

    /// <summary>Every customer's silhouette at every k of the sweep, by segment (scikit-learn's silhouette analysis).</summary>
    public static IReadOnlyList<SilhouetteDiagram> Silhouettes(SegmentationRun run) => SilhouetteAnalysis.For(run);

    /// <summary>
    /// The run with lifetime value beside its segments (P(alive), expected purchases, CLV per customer and segment),
    /// without refitting the segments. The run must have been segmented with <see cref="SegmentationOptions.ValueReady"/>.
    /// </summary>
    public static SegmentationRun WithValue(SegmentationRun run, ClvOptions? clv = null)
    {
        clv ??= ClvOptions.Default;
        OptionsValidator.Validate(clv);
        return SegmentationPipeline.WithValue(run, clv);
    }

    /// <summary>The report model of a run: what the PDF, the HTML, the CLI summary and the notebooks show.</summary>
    public static ReportModel Report(SegmentationRun run, ReportSettings? settings = null, RefreshResult? refresh = null)
    {
        if (settings is not null) OptionsValidator.Validate(settings);
        return ReportBuilder.Build(run, settings, refresh);
    }

    /// <summary><c>run</c>: segments a source and publishes the run folder, its reports and its history row.</summary>
    public static RunOutcome Run(RunRequest request, IReportRenderer? renderer = null, IProgress<ReadProgress>? progress = null)
    {
        OptionsValidator.Validate(request.Options);
        Publisher.Check(request.Publish, request.Source);
        var options = request.Options with { Prepare = SpillBeside(request.Options.Prepare, request.Publish.Folder) };
        var run = Segmented(request.Source, options, progress);
        var clock = Stopwatch.StartNew();
        var report = ReportBuilder.Build(run, request.Publish.Report);
        // Timed as a stage of its own: the benchmark counts it in our end-to-end time (the console summary needs it).
        var stages = run.Timings.Append(new StageTiming("report model", clock.Elapsed)).ToList();
        var published = Publisher.Publish(new Publication.OfRun(run, report), request.Publish, request.Source, renderer, stages);
        return new RunOutcome(run, report, published, stages);
    }

    /// <summary>
    /// Publishes a run already in hand (the web app's run at the k on screen) as <see cref="Run(RunRequest, IReportRenderer?, IProgress{ReadProgress}?)"/>
    /// would have: the run folder, its reports, and its history row.
    /// </summary>
    public static Published Publish(SegmentationRun run, TransactionSource source, PublishOptions publish, IReportRenderer? renderer = null)
    {
        Publisher.Check(publish, source);
        var report = ReportBuilder.Build(run, publish.Report);
        return Publisher.Publish(new Publication.OfRun(run, report), publish, source, renderer, [.. run.Timings]);
    }

    /// <summary>
    /// The engine spills beside the output unless told otherwise: the output's disk has room for what is written
    /// there, where the system's temporary folder is often small.
    /// </summary>
    private static PrepareOptions SpillBeside(PrepareOptions options, string output) =>
        options.SpillFolder is not null ? options : options with { SpillFolder = Path.GetDirectoryName(Path.GetFullPath(output)) };

    /// <summary>Loads a previous run folder for a refresh.</summary>
    public static PreviousRun LoadPrevious(string folder) => PreviousRunReader.Read(folder);

    /// <summary>A refresh in memory: a new period against a previous run, with stable identities (nothing is written).</summary>
    public static RefreshResult Refresh(PreviousRun previous, PreparedData current, SegmentationOptions? options = null, RefreshOptions? refresh = null)
    {
        options ??= SegmentationOptions.Default;
        OptionsValidator.Validate(options);
        return Refresher.Run(previous, current, options, refresh);
    }

    /// <summary><c>refresh</c>: re-segments a new period against a previous run folder and publishes a complete run folder.</summary>
    public static RefreshOutcome Refresh(RefreshRequest request, IReportRenderer? renderer = null, IProgress<ReadProgress>? progress = null)
    {
        OptionsValidator.Validate(request.Options);
        Publisher.Check(request.Publish, request.Source);
        var previous = PreviousRunReader.Read(request.Previous);
        if (Path.GetFullPath(previous.Folder).TrimEnd(Path.DirectorySeparatorChar) == Path.GetFullPath(request.Publish.Folder).TrimEnd(Path.DirectorySeparatorChar))
        {
            throw new OptionException(OptionNames.Output, "the refresh would overwrite the previous run; name another folder");
        }
        var current = request.Source.Prepare(SpillBeside(request.Options.Prepare, request.Publish.Folder), progress);
        var result = Refresher.Run(previous, current, request.Options, request.Refresh);
        var clock = Stopwatch.StartNew();
        var report = ReportBuilder.Build(result.Run, request.Publish.Report, result);
        var stages = result.Run.Timings.Append(new StageTiming("report model", clock.Elapsed)).ToList();
        var published = Publisher.Publish(new Publication.OfRefresh(result, report), request.Publish, request.Source, renderer, stages);
        return new RefreshOutcome(result, report, published, stages);
    }

    /// <summary>Loads a saved model (model.zip).</summary>
    public static SegmentationModel LoadModel(string path) => ModelFile.Load(path);

    /// <summary>The model file of a run folder; an <see cref="InputException"/> when the folder holds none.</summary>
    public static string RunModelPath(string runFolder)
    {
        var files = new RunFiles(runFolder);
        if (!File.Exists(files.Model)) throw new InputException(runFolder, $"not a run folder: it has no {RunFiles.ModelFileName} (name a folder written by run or refresh)");
        return files.Model;
    }

    /// <summary>Saves a model (model.zip), atomically.</summary>
    public static void SaveModel(string path, SegmentationModel model) => ModelFile.Save(path, model);

    /// <summary>Puts prepared customers into a model's segments, without refitting.</summary>
    public static IReadOnlyList<CustomerSegment> Score(SegmentationModel model, PreparedData prepared) => Scoring.Score(model, prepared);

    /// <summary>
    /// Puts customers given by their RFM values into a model's segments (the scoring API): the values are scaled
    /// and assigned exactly as <see cref="Score(SegmentationModel, PreparedData)"/> does for prepared customers.
    /// </summary>
    public static IReadOnlyList<ScoredCustomer> Score(SegmentationModel model, IReadOnlyList<RfmValues> customers)
    {
        var features = customers.Select(c => model.Scaler.Transform(c.Recency, c.Frequency, c.Monetary)).ToArray();
        var (labels, probabilities) = model.AssignWithProbability(features);
        var scored = new ScoredCustomer[customers.Count];
        for (var i = 0; i < scored.Length; i++)
        {
            var segment = model.Segments[labels[i]];
            scored[i] = new ScoredCustomer(customers[i].CustomerId, labels[i], segment.Name, segment.Actions, probabilities?[i]);
        }
        return scored;
    }

    /// <summary>
    /// A loaded model applied to a source, nothing written (the web API, the notebooks): RFM over the model's window
    /// length unless <paramref name="wholeFile"/>, with the check of the window and the drift.
    /// </summary>
    public static ScoreOutcome Score(SegmentationModel model, TransactionSource source, PrepareOptions? options = null, bool wholeFile = false, IProgress<ReadProgress>? progress = null)
    {
        options ??= PrepareOptions.Default;
        OptionsValidator.Validate(options);
        var (prepared, check) = ScoringWindow.Prepare(model, o => source.Prepare(o, progress), ForModel(model, options), wholeFile);
        var customers = Scored(model, prepared);
        return new ScoreOutcome(prepared, customers, model.Profiles(customers), null) { Check = check };
    }

    /// <summary>
    /// How far customers given by their RFM have moved from the model's (no features below 100 customers, or for a
    /// model that keeps no distributions), and the warning a person must read when that misleads.
    /// </summary>
    public static RfmDrift Drift(SegmentationModel model, IReadOnlyList<RfmValues> customers)
    {
        var features = model.Training?.DriftOf([.. customers.Select(c => c.Recency)], [.. customers.Select(c => c.Frequency)], [.. customers.Select(c => c.Monetary)]) ?? [];
        return new RfmDrift(features, ScoreCheck.DriftWarning(features));
    }

    /// <summary><c>score</c>: a saved model applied to a source; writes one customer_segments-like CSV.</summary>
    public static ScoreOutcome Score(ScoreRequest request, IProgress<ReadProgress>? progress = null)
    {
        OptionsValidator.Validate(request.Prepare);
        Publisher.CheckWriteBack(request.WriteBack, request.Source);
        var model = ModelFile.Load(request.Model);
        // Into a ClickHouse table: the database scores its own customers where it can (not DBSCAN); no CSV then.
        if (request.WriteBack is { } table && request.Source.SourceDatabase is { } database
            && InDatabaseScoring.Run(model, database, request.Prepare, request.WholeFile, table) is { } inDatabase)
        {
            var scored = new WrittenBack(database.Describe(), table, inDatabase.Customers)
            {
                ScoredInDatabase = true,
                Segments = [.. inDatabase.Segments.Select(s => KeyValuePair.Create(s.Segment, s.Customers))],
            };
            return new ScoreOutcome(inDatabase.Prepared, [], [], null) { Check = inDatabase.Check, WrittenBack = scored };
        }
        var (prepared, check) = ScoringWindow.Prepare(model, o => request.Source.Prepare(o, progress), ForModel(model, SpillBeside(request.Prepare, request.Output)), request.WholeFile);
        var customers = Scored(model, prepared);
        SegmentsCsv.WriteCustomers(request.Output, customers);
        var back = Publisher.WriteBackTo(request.WriteBack, request.Source, customers, runId: null, prepared.Rfm.Snapshot);
        return new ScoreOutcome(prepared, customers, model.Profiles(customers), request.Output) { Check = check, WrittenBack = back };
    }

    /// <summary>A model's segments for prepared customers, and their value when the model has value fits (a run with lifetime value).</summary>
    private static IReadOnlyList<CustomerSegment> Scored(SegmentationModel model, PreparedData prepared)
    {
        var customers = Scoring.Score(model, prepared);
        return model.Value is { } value ? SegmentBuilder.WithValues(customers, SegmentationPipeline.Valued(prepared, value).Customers) : customers;
    }

    /// <summary>A model with value fits needs each customer's purchase days.</summary>
    private static PrepareOptions ForModel(SegmentationModel model, PrepareOptions options) => model.Value is null ? options : options with { PurchaseDays = true };

    /// <summary>Writes a run's files (customer_segments.csv, segment_profile.csv, metrics.json, model.zip, rfm.csv, data_quality.json) into a folder.</summary>
    public static IReadOnlyList<string> WriteFiles(SegmentationRun run, string folder) => new RunFiles(folder).Write(run);

    /// <summary><c>export</c>: a source's rows, as read, into a CSV, CSV.gz or Parquet file in the Online Retail layout; returns the row count.</summary>
    public static long Export(TransactionSource source, string path, IngestOptions? ingest = null)
    {
        ingest ??= IngestOptions.Default;
        OptionsValidator.Validate(ingest);
        return TransactionExport.Write(source, path, ingest);
    }

    /// <summary><c>sample</c>: writes the synthetic sample (or, with <paramref name="rows"/>, a large streamed file for benchmarks).</summary>
    public static SampleWritten WriteSample(string path, SampleOptions options, long? rows = null)
    {
        OptionsValidator.Validate(options);
        return new SampleWritten(path, SampleFile.Write(path, options, rows), SampleFile.Describe(options, rows));
    }

    /// <summary><c>download</c>: fetches the public UCI Online Retail workbook; returns its size in bytes.</summary>
    public static long DownloadOnlineRetail(string path, string? url = null, TimeSpan? timeout = null) =>
        OnlineRetailDownload.FetchAsync(path, url ?? OnlineRetailDownload.Url, timeout ?? TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();

    /// <summary>The file names the readers take, as a door offers them (the web page's uploads).</summary>
    public static IReadOnlyList<string> InputExtensions => InputFormats.Extensions;

    /// <summary>The address and file name <see cref="DownloadOnlineRetail"/> uses by default.</summary>
    public static (string Url, string FileName) OnlineRetailSource => (OnlineRetailDownload.Url, OnlineRetailDownload.FileName);

    /// <summary>customer_segments.csv as text (the HTML report's and the web app's download), the same bytes as the file.</summary>
    public static string CustomersCsv(IReadOnlyList<CustomerSegment> customers)
    {
        var csv = new StringWriter { NewLine = "\n" };
        SegmentsCsv.WriteCustomers(csv, customers);
        return csv.ToString();
    }

    /// <summary>
    /// The summary the buy-till-you-die models fit (frequency, recency, T, mean repeat value per customer, and the
    /// holdout's purchases when <see cref="ClvOptions.HoldoutEnd"/> is set), from the source's cleaned purchases.
    /// </summary>
    internal static BtydSummary Summary(TransactionSource source, ClvOptions? clv = null, PrepareOptions? prepare = null)
    {
        clv ??= ClvOptions.Default;
        var prepared = source.Prepare((prepare ?? PrepareOptions.Default) with { PurchaseDays = true }, progress: null);
        var last = prepared.Quality.LastDate ?? throw new InputException(source.Name, "there are no purchases to summarise");
        var end = clv.CalibrationEnd ?? last;
        // A calibration period that ends before the data does leaves a holdout to check the predictions on.
        var holdout = clv.HoldoutEnd ?? (last.Date > end.Date ? last.Date : null);
        return BtydSummaryBuilder.Build(prepared.PurchaseDays, end, holdout, clv.Unit, clv.InPeriods);
    }

    /// <summary>
    /// Lifetime value: the summary of the source's purchases, the BG/NBD and Gamma-Gamma fits, every customer's
    /// P(alive), expected purchases and value with its interval, and the holdout check when the options name one.
    /// </summary>
    public static ClvResult Clv(TransactionSource source, ClvOptions? clv = null, PrepareOptions? prepare = null)
    {
        clv ??= ClvOptions.Default;
        OptionsValidator.Validate(clv);
        OptionsValidator.Validate(prepare ?? PrepareOptions.Default);
        return LifetimeValue.Estimate(Summary(source, clv, prepare), clv);
    }

    /// <summary>
    /// One customer's P(alive) on each day from their first purchase to the value's calibration end, under its purchase
    /// model: the notebook's and the dashboard's "P(alive) over a customer's history". The source is read again for
    /// that customer's purchase days, cleaned as <paramref name="prepare"/> says (the run's own cleaning by default).
    /// </summary>
    public static IReadOnlyList<AliveOnDay> AliveHistory(TransactionSource source, ClvResult value, string customerId, PrepareOptions? prepare = null)
    {
        var prepared = source.Prepare((prepare ?? PrepareOptions.Default) with { PurchaseDays = true }, progress: null);
        return AliveHistory(prepared.PurchaseDays, value, customerId) ?? throw new InputException(source.Name, $"customer {customerId} has no purchase");
    }

    /// <summary>
    /// <see cref="AliveHistory(TransactionSource, ClvResult, string, PrepareOptions?)"/> from the purchase days the run
    /// kept for its value (the web app's, whose upload is gone); null when the run has no value or no such customer.
    /// </summary>
    public static IReadOnlyList<AliveOnDay>? AliveHistory(SegmentationRun run, string customerId) =>
        run.Value is { } value ? AliveHistory(run.Prepared.PurchaseDays, value, customerId) : null;

    private static IReadOnlyList<AliveOnDay>? AliveHistory(IReadOnlyList<PurchaseDay> purchases, ClvResult value, string customerId)
    {
        var days = purchases.Where(p => p.CustomerId == customerId).Select(p => p.Day).ToList();
        return days.Count == 0 ? null : Lifetime.Diagnostics.AliveHistory.Of(value.Purchases, days, value.Summary.CalibrationEnd);
    }

    /// <summary>
    /// Writes clv.csv (one row per customer: the summary, P(alive), expected purchases and value, lifetime value with
    /// its interval, who is at risk) and clv.json beside it (the fits as data, metrics.json's "value" shape), each
    /// atomically; returns the paths written.
    /// </summary>
    public static IReadOnlyList<string> WriteClv(string path, ClvResult result)
    {
        var json = ClvJson.PathBeside(path);
        if (string.Equals(Path.GetFullPath(json), Path.GetFullPath(path), StringComparison.Ordinal))
        {
            throw new OptionException(OptionNames.Output, $"'{path}' ends in .json: clv.json is written beside the CSV under that name, so the CSV needs another (clv.csv)");
        }
        ClvCsv.Write(path, result);
        ClvJson.Write(json, result);
        return [path, json];
    }

    /// <summary>The history a run folder is recorded in by default: history.db in the folder that holds it.</summary>
    public static string HistoryBeside(string runFolder) => RunLayout.HistoryBeside(runFolder);

    /// <summary>The history of the run folders a folder holds: history.db in it.</summary>
    public static string HistoryIn(string folder) => RunLayout.HistoryIn(folder);

    /// <summary>The recorded runs, and the comparison of any two.</summary>
    public static HistoryView History(string path) => new(path);

    /// <summary>
    /// <c>export-audience</c>: a run's customers of one segment (or at risk of leaving) with their contacts, read from
    /// the run's input now, in the import format of Klaviyo, Mailchimp, Google Customer Match or Meta custom audiences;
    /// customers without consent (when the input has a consent column) or without a usable contact are left out and counted.
    /// </summary>
    public static Audiences.AudienceResult ExportAudience(Audiences.AudienceRequest request) => Audiences.AudienceExporter.Export(request);

    /// <summary>
    /// The contacts of a run's customers, read from its file now (the web app, before the upload is deleted), held
    /// in memory only; null when the source is no file or has no e-mail or phone column.
    /// </summary>
    public static Audiences.AudienceContacts? ReadContacts(SegmentationRun run, TransactionSource source)
    {
        string? Header(ColumnRole role) => run.Quality.Columns.FirstOrDefault(c => c.Field == ColumnRoles.Word(role))?.Header;
        if (source.Path is not { } path || Header(ColumnRole.Customer) is not { } customer) return null;
        Audiences.ContactBook book;
        try
        {
            book = Audiences.ContactReader.Read(path, customer, Header(ColumnRole.Date), run.Customers.Select(c => c.Rfm.CustomerId).ToHashSet(StringComparer.Ordinal),
                new Dictionary<Audiences.ContactField, string>());
        }
        catch (Exception e) when (e is InputException or InvalidDataException or IOException or FormatException)
        {
            // The run stands without audiences: its segments never depended on the contact columns.
            return null;
        }
        return book.Reaches ? new Audiences.AudienceContacts(book) : null;
    }

    /// <summary>An audience of a run in hand (the web app's, at the k on screen) from contacts read at upload: the file's text and its counts.</summary>
    public static (string Csv, Audiences.AudienceResult Result) Audience(SegmentationRun run, Audiences.AudienceContacts contacts, string? segment, bool atRisk,
        Audiences.AudienceFormat format, bool hash) =>
        Audiences.AudienceExporter.Export(CustomersCsv(run.Customers), contacts, segment, atRisk, format, hash);

    /// <summary>
    /// Customers given by their purchase history in days, valued by a model's value fits (the scoring API's value
    /// figures); null when the model's run had no lifetime value.
    /// </summary>
    public static IReadOnlyList<CustomerValue>? Value(SegmentationModel model, IReadOnlyList<ValueInput> customers) => model.Value?.Value(customers);
}
