using Segmentation.Prepare.Sample;
using Segmentation.Prepare.Sources;

namespace Segmentation.Prepare;

/// <summary>Where a run's transactions come from: a file, the built-in sample, or rows already in memory.</summary>
public abstract record TransactionSource
{
    private protected TransactionSource()
    {
    }

    /// <summary>How the history and the messages name the source: the path, or the sample's description.</summary>
    public abstract string Name { get; }

    /// <summary>The file the history fingerprints, if the source is one.</summary>
    public virtual string? Path => null;

    public static TransactionSource File(string path) => new FileSource(path, null);

    /// <summary>
    /// A file kept under a private name (an upload) that messages, reports and the history call
    /// <paramref name="name"/>, the name its owner gave it.
    /// </summary>
    public static TransactionSource File(string path, string name) => new FileSource(path, name);

    /// <summary>
    /// The synthetic sample. It is always read in its own layout: the options that say how to read a file
    /// (delimiter, column names, sheet, date format) do not apply to it.
    /// </summary>
    public static TransactionSource Sample(SampleOptions? options = null) => new SampleSource(options ?? SampleOptions.Default);

    /// <summary>
    /// A table or query of a database (PostgreSQL, or a DuckDB file): the cleaning and RFM run in the database and
    /// only one row per customer, month, country and product travels back.
    /// </summary>
    /// <param name="database">A DuckDB database file, or a PostgreSQL connection string; <c>env:NAME</c> takes it from
    /// the environment variable NAME.</param>
    /// <param name="table">The table (<c>sales</c>, <c>schema.sales</c>); give this or <paramref name="query"/>.</param>
    /// <param name="query">A SELECT whose rows are the transactions.</param>
    public static TransactionSource Database(string database, string? table = null, string? query = null) =>
        new DatabaseSource(DatabaseInput.Parse(database, table, query));

    /// <summary>Rows held in memory (a notebook that prepares the same rows with several options).</summary>
    internal static TransactionSource Table(TransactionTable table) => new TableSource(table);

    internal abstract TransactionStream Open(IngestOptions ingest);

    /// <summary>Reads, cleans and aggregates the source: a file by the engine itself where it can, rows through the row readers.</summary>
    internal virtual PreparedData Prepare(PrepareOptions options, IProgress<ReadProgress>? progress) =>
        Preparation.Run(() => Open(options.Ingest), options, progress);

    private sealed record FileSource(string FilePath, string? DisplayName) : TransactionSource
    {
        public override string Name => DisplayName ?? FilePath;
        public override string? Path => FilePath;
        internal override string HistoryName => DisplayName ?? FilePath;

        internal override TransactionStream Open(IngestOptions ingest)
        {
            try
            {
                return TransactionReader.Open(FilePath, ingest);
            }
            catch (InputException e) when (DisplayName is not null && e.File == FilePath)
            {
                throw e.For(DisplayName);
            }
        }

        internal override PreparedData Prepare(PrepareOptions options, IProgress<ReadProgress>? progress)
        {
            try
            {
                var prepared = Preparation.Run(FilePath, options, progress);
                return DisplayName is null ? prepared : prepared with { Quality = prepared.Quality with { Source = DisplayName } };
            }
            catch (InputException e) when (DisplayName is not null && e.File == FilePath)
            {
                throw e.For(DisplayName);
            }
        }

        // An upload is deleted after its run, so the history fingerprints what was read from it, as for a database.
        internal override string Fingerprint(PreparedData prepared) => DisplayName is null ? InputFingerprint.OfFile(FilePath) : InputFingerprint.Of(prepared);
    }

    /// <summary>
    /// What identifies the data the history records beside <see cref="Name"/>: a file's SHA-256; for a database,
    /// whose rows cannot be hashed without reading them all, a SHA-256 of what the run read from it (the row count,
    /// the data-quality account and every customer's RFM), so that the same rows give the same value.
    /// </summary>
    internal virtual string Fingerprint(PreparedData prepared) => "";

    /// <summary>How the history names the source: a file by its path, a database by <see cref="Name"/>, the sample as "sample".</summary>
    internal virtual string HistoryName => Path ?? "sample";

    /// <summary>The database a table or query is read from (results can be written back there); null for other sources.</summary>
    internal virtual DatabaseInput? SourceDatabase => null;

    private sealed record DatabaseSource(DatabaseInput Input) : TransactionSource
    {
        public override string Name => Input.Describe();
        internal override TransactionStream Open(IngestOptions ingest) => DatabaseReader.Open(Input, ingest);
        internal override PreparedData Prepare(PrepareOptions options, IProgress<ReadProgress>? progress) => Preparation.Run(Input, options, progress);
        internal override string Fingerprint(PreparedData prepared) => InputFingerprint.Of(prepared);
        internal override string HistoryName => Name;
        internal override DatabaseInput? SourceDatabase => Input;
    }

    private sealed record SampleSource(SampleOptions Options) : TransactionSource
    {
        public override string Name => SampleGenerator.Describe(Options);
        internal override TransactionStream Open(IngestOptions ingest) =>
            SampleGenerator.Open(Options, IngestOptions.Default with { SkipBadRows = ingest.SkipBadRows });
    }

    private sealed record TableSource(TransactionTable Rows) : TransactionSource
    {
        public override string Name => Rows.File;
        internal override TransactionStream Open(IngestOptions ingest) => Rows.Open();
    }
}
