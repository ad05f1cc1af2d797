using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Segmentation.Benchmarks;

// Side-by-side benchmark: our pipeline (the CLI's run, a process per repetition) against the peer
// (../shared/peer/pandas_sklearn_pipeline.py), alternating, on the same inputs. Prints and writes a Markdown table.
//   dotnet run -c Release --project tests/Segmentation.Benchmarks -- --input ../shared/data/online_retail.csv.gz --input ../shared/data/Online_Retail.xlsx --repetitions 3
// --large FILE: side by side, like for like (a synthetic 10M-row file), medians of --repetitions alternating runs, no reports:
//   both fit k-means on every customer and take the silhouette on a seeded sample of 5,000 (the peer's --silhouette-sample).
//   The peer is stopped after --peer-timeout minutes (default 45).
// --sweep FILE: the k sweep alone, in this process, ours against the ML.NET sweep it replaced, on the file's features.
// --ours FILE: ours alone, once (a Parquet file, which the peer cannot read without pyarrow; 100M rows);
// --ingest-rate FILE: ours only, MB/s of a plain CSV read, cleaned and aggregated.
// --parquet-copy FILE.csv: writes FILE.parquet beside it (once; DuckDB's COPY, typed as pandas would write it) and runs ours on it alone.
// --methods FILE: the Gaussian-mixture sweep and DBSCAN, ours in this process against scikit-learn's, on the file's features.
// --clv-cost FILE: ours alone, the same run with and without --clv, alternating: what lifetime value adds.
// --growth FILE.csv (several): ours alone, once each on the CSV and on its Parquet copy (made once, as --parquet-copy does),
//   and a chart of time and peak memory against rows per format (growth.svg beside the results).
// --scoring: the scoring API under load against the FastAPI peer, and 20 concurrent uploads (writes SCORING.md).
// --built: ours from the build output (JIT-compiled at first use) instead of `dotnet publish` (ReadyToRun), the default.
var inputs = Values("--input").ToList();
var large = Values("--large").ToList();
var scale = Values("--ours").ToList();
var peerTimeout = TimeSpan.FromMinutes(double.Parse(Value("--peer-timeout") ?? "45", CultureInfo.InvariantCulture));
var rates = Values("--ingest-rate").ToList();
var sweeps = Values("--sweep").ToList();
var methods = Values("--methods").ToList();
var clvCosts = Values("--clv-cost").ToList();
var growth = Values("--growth").ToList();
foreach (var csv in Values("--parquet-copy")) scale.Add(ParquetCopy(csv));
if (inputs.Count + large.Count + rates.Count + scale.Count + sweeps.Count + methods.Count + clvCosts.Count + growth.Count == 0) inputs = ["../shared/data/online_retail.csv.gz", "../shared/data/Online_Retail.xlsx"];
var repetitions = int.Parse(Value("--repetitions") ?? "3", CultureInfo.InvariantCulture);
var output = Value("--out") ?? Path.Combine("tests", "Segmentation.Benchmarks", "RESULTS.md");
var peer = Value("--peer") ?? Path.Combine("..", "shared", "peer", "pandas_sklearn_pipeline.py");
var python = Value("--python") ?? "/usr/bin/python3";
var metadata = typeof(Measured).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToDictionary(a => a.Key, a => a.Value);
if (metadata["Configuration"] != "Release") Console.Error.WriteLine("warning: not a Release build; run with -c Release for figures worth keeping");
// Ours as it ships: `dotnet publish` (ReadyToRun, see the CLI's project), as the peer runs on Python's compiled bytecode;
// --built measures the build output instead (JIT-compiled at first use).
var cli = args.Contains("--built") ? metadata["Cli"]! : PublishedCli(metadata["CliProject"]!, metadata["Configuration"]!);

if (Value("--btyd-scale") is { } btydCustomers)
{
    var scaled = Segmentation.Benchmarks.BtydScale.Run(int.Parse(btydCustomers, CultureInfo.InvariantCulture));
    Console.WriteLine(scaled);
    File.WriteAllText(Value("--out") ?? Path.Combine("tests", "Segmentation.Benchmarks", "BTYD.md"), scaled);
    return 0;
}

if (args.Contains("--scoring"))
{
    var scoring = Segmentation.Benchmarks.ScoringLoad.Run(cli, python, Path.Combine("..", "shared", "peer"), Value("--data") ?? Path.Combine("..", "shared", "data"),
        TimeSpan.FromSeconds(double.Parse(Value("--seconds") ?? "30", CultureInfo.InvariantCulture)), int.Parse(Value("--clients") ?? "16", CultureInfo.InvariantCulture));
    Console.WriteLine(scoring);
    File.WriteAllText(Value("--out") ?? Path.Combine("tests", "Segmentation.Benchmarks", "SCORING.md"), scoring);
    return 0;
}

var report = new StringBuilder();
report.AppendLine("# Benchmark: Segmentation against pandas + scikit-learn").AppendLine()
    .AppendLine($"Regenerate: `dotnet run -c Release --project tests/Segmentation.Benchmarks -- {string.Join(" ", inputs.Select(i => "--input " + i).Concat(scale.Select(i => "--ours " + i)).Concat(rates.Select(i => "--ingest-rate " + i)).Concat(sweeps.Select(i => "--sweep " + i)).Concat(methods.Select(i => "--methods " + i)).Concat(clvCosts.Select(i => "--clv-cost " + i)).Concat(growth.Select(i => "--growth " + i)).Concat(large.Select(i => "--large " + i)))}{(Value("--peer-timeout") is { } minutes ? " --peer-timeout " + minutes : "")} --repetitions {repetitions}`").AppendLine()
    .AppendLine(Machine()).AppendLine()
    .AppendLine($"Each figure is the median of {repetitions} runs; ours and the peer's alternate. Both run as fresh processes, ours as `dotnet publish` makes it (ReadyToRun), the peer on Python's compiled bytecode; stage times are measured inside each process,")
    .AppendLine("\"process wall\" includes start-up (the .NET runtime and JIT; Python and its imports). Both do the same work: ingest, standard cleaning, RFM, log1p + standard scaling,")
    .AppendLine("k-means for k = 2..10 with 10 restarts and all four metrics (ours without its stability refits, which the peer has none of), and writing outputs;")
    .AppendLine("ours also counts duplicates, aggregates sales, names segments, scores RFM, and saves the model.")
    .AppendLine("Our ingest, cleaning and RFM are one statement of the embedded engine (DuckDB), so they are one figure; the peer's three stages are added up beside it.")
    .AppendLine("Reports are ours alone and timed apart. Neither side records anything beyond its outputs (ours runs with --no-history).")
    .AppendLine("The machine is shared: each section says how many cores the rest of it kept busy while each measured process ran (/proc/stat's busy time")
    .AppendLine("over the run, less the process's own CPU time, over its wall time; \"stolen\": time the hypervisor gave elsewhere). On 2 cores, 0.5 means")
    .AppendLine("a quarter of the machine was someone else's. A neighbour on the same physical host is invisible there, so each measured process is")
    .AppendLine("also preceded by a speed probe (`SpeedProbe.cs`: sorting 1M doubles on one thread, the fastest of three): the same work, so a")
    .AppendLine("longer probe means a slower machine at that moment.").AppendLine();

foreach (var input in inputs) SideBySide(input, repetitions, likeForLikeAtScale: false);
foreach (var input in scale) OursAlone(input);
if (rates.Count > 0) IngestRates();
foreach (var input in clvCosts) ClvCost(input);
if (growth.Count > 0) Growth();
if (sweeps.Count > 0)
{
    report.Append(Segmentation.Benchmarks.SweepComparison.Run(sweeps, repetitions));
    Save();
}
if (methods.Count > 0)
{
    report.Append(Segmentation.Benchmarks.MethodsComparison.Run(methods, repetitions, python));
    Save();
}
// Last: the peer may run for a long time on a large file; what came before is already written.
// Medians like the other sections: one run each read the ratio at 3.1x and at 3.6x within the hour, the peer taking
// 31.5 s and 35.6 s while ours took 10.0 s both times (#28, twelfth session).
foreach (var input in large) SideBySide(input, repetitions, likeForLikeAtScale: true);

Console.WriteLine(report);
Save();
return 0;

// The file is rewritten after every section: a long run stopped midway keeps what it measured.
void Save()
{
    File.WriteAllText(output, report.ToString());
    Console.Error.WriteLine($"Wrote {output}");
}

void SideBySide(string input, int times, bool likeForLikeAtScale)
{
    var ours = new List<Measured>();
    var theirs = new List<Measured>();
    // Reports are timed on the small inputs alone: at scale they would add to the peak memory measured beside the peer's.
    var withReports = times > 1 && !likeForLikeAtScale;
    // At scale both fit every customer (ours by default) and sample the silhouette alike: the peer gets
    // scikit-learn's sample_size (ours samples 5,000 above 10,000 customers).
    string[] peerExtra = likeForLikeAtScale ? ["--silhouette-sample", "5000"] : [];
    for (var r = 0; r < times; r++)
    {
        theirs.Add(Peer(input, peerExtra));
        // Stability (bootstrap refits of every k) is work the peer does not do: left out of ours here.
        ours.Add(Ours(input, withReports, "--stability-resamples", "0"));
        Console.Error.WriteLine($"{Path.GetFileName(input)} run {r + 1}: ours {ours[^1].Wall:F2} s, peer {(theirs[^1].Finished ? $"{theirs[^1].Wall:F2} s" : $"stopped after {theirs[^1].Wall:F0} s")}");
    }
    report.AppendLine($"## {Path.GetFileName(input)} ({new FileInfo(input).Length / 1e6:F1} MB{(times == 1 ? ", one run each" : "")})").AppendLine();
    if (likeForLikeAtScale)
    {
        report.AppendLine($"{ours[0].RowsIn:N0} rows, {ours[0].Customers:N0} customers after cleaning. Like for like: both fit k-means on every customer and take the silhouette on a seeded")
            .AppendLine("sample of 5,000 (ours by default; the peer `--silhouette-sample 5000`, scikit-learn's `sample_size`).").AppendLine();
    }
    if (!theirs.All(t => t.Finished))
    {
        report.AppendLine($"The peer was stopped after {theirs.Max(t => t.Wall):F0} s (`--peer-timeout`) without finishing; its peak memory is the highest resident set seen until then.").AppendLine();
    }
    report.AppendLine("| stage | ours (s) | peer (s) | peer / ours |").AppendLine("|---|---:|---:|---:|");
    var finished = theirs.All(t => t.Finished);
    // Ours reads, cleans and aggregates in one engine statement ("prepare", plus "ingest" when the row readers parse
    // the file first); the peer's ingest, clean and rfm stages are the same work.
    report.AppendLine(Row("ingest + cleaning + rfm", MedianOf(ours, Prepare), finished ? MedianOf(theirs, m => m.Seconds["ingest"] + m.Seconds["clean"] + m.Seconds["rfm"]) : null));
    if (likeForLikeAtScale && input.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
    {
        report.AppendLine($"| the limit: DuckDB reading every column as text, nothing else | {BareRead(input):F2} | | |");
        report.AppendLine($"| the limit: DuckDB reading as text and grouping rows into orders and products, nothing else | {GroupedRead(input):F2} | | |");
        report.AppendLine($"| the floor: DuckDB reading the values typed as ours does and grouping rows into orders, nothing else | {TypedGroupedRead(input):F2} | | |");
    }
    foreach (var (stage, peerStage) in new[] { ("sweep", "sweep"), ("segments", ""), ("outputs", "final") })
    {
        report.AppendLine(Row(stage, Median(ours, stage), peerStage.Length > 0 && finished ? Median(theirs, peerStage) : null));
    }
    double Pipeline(Measured m) => m.Seconds.Where(kv => kv.Key is not ("total" or "report pdf" or "report html")).Sum(kv => kv.Value);
    double OurWall(Measured m) => m.Wall - m.Seconds.GetValueOrDefault("report pdf") - m.Seconds.GetValueOrDefault("report html");
    if (finished)
    {
        report.AppendLine(Row("**end to end, in process**", MedianOf(ours, Pipeline), MedianOf(theirs, m => m.Seconds["total"])));
        // Our process also writes the two reports, which the peer has no counterpart of: their time is taken out of our wall.
        report.AppendLine(Row("**process wall** (ours without reports)", MedianOf(ours, OurWall), MedianOf(theirs, m => m.Wall)));
    }
    else
    {
        var wall = MedianOf(theirs, m => m.Wall);
        report.AppendLine($"| **end to end, in process** | {MedianOf(ours, Pipeline):F2} | | |");
        report.AppendLine($"| **process wall** (ours without reports) | {MedianOf(ours, OurWall):F2} | > {wall:F0} (stopped) | > {wall / MedianOf(ours, OurWall):F0}x |");
    }
    report.AppendLine($"| peak memory (MB) | {MedianOf(ours, m => m.PeakMb):F0} | {(finished ? "" : ">= ")}{MedianOf(theirs, m => m.PeakMb):F0} | {MedianOf(theirs, m => m.PeakMb) / MedianOf(ours, m => m.PeakMb):F2} |");
    if (withReports)
    {
        report.AppendLine($"| report pdf (ours only) | {Median(ours, "report pdf"):F2} | | |");
        report.AppendLine($"| report html (ours only) | {Median(ours, "report html"):F2} | | |");
    }
    report.AppendLine($"| customers after cleaning | {ours[0].Customers:N0} | | |");
    report.AppendLine($"| the rest of the machine while each side ran (cores busy; stolen; speed probe, medians) | {Load(ours)} | {Load(theirs)} | |");
    report.AppendLine();
    Save();
}

void OursAlone(string input)
{
    var m = Ours(input, report: false);
    Console.Error.WriteLine($"{Path.GetFileName(input)}: ours {m.Wall:F2} s");
    report.AppendLine($"## {Path.GetFileName(input)} ({new FileInfo(input).Length / 1e6:F1} MB, ours alone, one run, no reports)").AppendLine()
        .AppendLine($"{m.RowsIn:N0} rows, {m.Customers:N0} customers after cleaning.").AppendLine()
        .AppendLine("| stage | seconds |").AppendLine("|---|---:|");
    report.AppendLine($"| ingest + cleaning + rfm | {Prepare(m):F2} |");
    foreach (var stage in new[] { "sweep", "segments", "outputs" }) report.AppendLine($"| {stage} | {m.Seconds.GetValueOrDefault(stage):F2} |");
    report.AppendLine($"| **process wall** | {m.Wall:F2} |").AppendLine($"| peak memory (MB) | {m.PeakMb:F0} |")
        .AppendLine($"| the rest of the machine meanwhile (cores busy; stolen; speed probe) | {Load([m])} |").AppendLine();
    Save();
}

void IngestRates()
{
    report.AppendLine("## Plain CSV ingest rate (ours)").AppendLine()
        .AppendLine("Size of the file over the wall time of ingest + cleaning + RFM (parsing every field, the duplicate check, RFM and the sales summary), in the CLI's process, median of the runs.").AppendLine()
        .AppendLine("| file | size (MB) | rows | ingest + cleaning + rfm (s) | MB/s |").AppendLine("|---|---:|---:|---:|---:|");
    foreach (var input in rates)
    {
        // Only the reading stages are looked at: the smallest sweep keeps the runs short.
        var runs = Enumerable.Range(0, repetitions).Select(_ => Ours(input, report: false, "--kmin", "2", "--kmax", "3", "--restarts", "1")).ToList();
        var seconds = MedianOf(runs, Prepare);
        var mb = new FileInfo(input).Length / 1e6;
        Console.Error.WriteLine($"{Path.GetFileName(input)}: {mb / seconds:F0} MB/s");
        report.AppendLine($"| {Path.GetFileName(input)} | {mb:F1} | {runs[0].RowsIn:N0} | {seconds:F2} | {mb / seconds:F0} |");
    }
    report.AppendLine();
    Save();
}

void Growth()
{
    var points = new List<Segmentation.Benchmarks.GrowthChart.Point>();
    report.AppendLine("## How cost grows with rows (ours alone, one run each, no reports)").AppendLine()
        .AppendLine($"![Process wall time and peak memory against rows, CSV and Parquet, log-log]({Segmentation.Benchmarks.GrowthChart.FileName})").AppendLine()
        .AppendLine("| file | format | rows | customers | ingest + cleaning + rfm (s) | process wall (s) | peak memory (MB) | the rest of the machine (cores busy; stolen; speed probe) |").AppendLine("|---|---|---:|---:|---:|---:|---:|---:|");
    foreach (var input in growth.SelectMany(csv => new[] { csv, ParquetCopy(csv) }))
    {
        var m = Ours(input, report: false, "--stability-resamples", "0");
        var format = Path.GetExtension(input).Equals(".parquet", StringComparison.OrdinalIgnoreCase) ? "Parquet" : "CSV";
        points.Add(new(format, m.RowsIn, m.Wall, m.PeakMb));
        Console.Error.WriteLine($"{Path.GetFileName(input)}: {m.Wall:F1} s, {m.PeakMb:F0} MB");
        report.AppendLine($"| {Path.GetFileName(input)} | {format} | {m.RowsIn:N0} | {m.Customers:N0} | {Prepare(m):F2} | {m.Wall:F2} | {m.PeakMb:F0} | {Load([m])} |");
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(output))!, Segmentation.Benchmarks.GrowthChart.FileName), Segmentation.Benchmarks.GrowthChart.Svg(points));
        Save();
    }
    report.AppendLine();
    Save();
}

void ClvCost(string input)
{
    // Like for like with the peer's runs above (no stability refits, no reports); only --clv differs.
    string[] plain = ["--stability-resamples", "0"];
    var without = new List<Measured>();
    var with = new List<Measured>();
    for (var r = 0; r < repetitions; r++)
    {
        without.Add(Ours(input, report: false, plain));
        with.Add(Ours(input, report: false, [.. plain, "--clv"]));
    }
    var (a, b) = (MedianOf(without, m => m.Wall), MedianOf(with, m => m.Wall));
    Console.Error.WriteLine($"{Path.GetFileName(input)}: {a:F2} s plain, {b:F2} s with --clv");
    report.AppendLine($"## Lifetime value's cost: {Path.GetFileName(input)} (ours alone)").AppendLine()
        .AppendLine($"The same run with and without `--clv` (BG/NBD and Gamma-Gamma fits, each customer's 12-month value and its 80% interval from 200 parameter draws), alternating, median of {repetitions}; no reports.")
        .AppendLine("The value is computed beside the sweep; its stage is the wait for it after the sweep.").AppendLine()
        .AppendLine("| | plain run | with --clv | ratio |").AppendLine("|---|---:|---:|---:|")
        .AppendLine($"| process wall (s) | {a:F2} | {b:F2} | {b / a:F2}x |")
        .AppendLine($"| value stage (s) | | {Median(with, "value"):F2} | |")
        .AppendLine($"| peak memory (MB) | {MedianOf(without, m => m.PeakMb):F0} | {MedianOf(with, m => m.PeakMb):F0} | |")
        .AppendLine($"| the rest of the machine meanwhile (cores busy; stolen; speed probe, medians) | {Load(without)} | {Load(with)} | |").AppendLine();
    Save();
}

// The engine alone reading the file, every column as text (as our statement reads it), each column's minimum taken so
// that none is skipped: what reading costs before any of our work, in this process, median of three.
static double BareRead(string csv) => EngineLimit(csv, typed: false, names => $"SELECT count(*), {string.Join(", ", names.Select((_, i) => $"min(c{i})"))} FROM {{0}}");

// The engine reading the file as text and grouping its rows into orders (customer, invoice, country) and into products
// (stock code, description), a row count each and nothing else: no value typed, no rule, no account. Every statement
// that aggregates per order and per product in this engine costs at least this.
static double GroupedRead(string csv) => EngineLimit(csv, typed: false, names =>
{
    string C(string name) => $"c{Array.IndexOf(names, name)}";
    return $"SELECT count(*), sum(n) FROM (SELECT count(*) AS n FROM {{0}} GROUP BY GROUPING SETS (({C("CustomerID")}, {C("InvoiceNo")}, {C("Country")}), ({C("StockCode")}, {C("Description")})))";
});

// The least any statement that keeps the data-quality account does: read the quantity and the price as the exact
// decimals ours reads them as and parse the date as ours does (a value that fails is a bad row to count), and group the
// rows into orders (customer, invoice, country) with a count and the typed values' sums and latest date, nothing else:
// no key trimmed, no rule, no repeat count, no roll-up. Ours' preparation measured against this is the work beyond it.
static double TypedGroupedRead(string csv) => EngineLimit(csv, typed: true, names =>
{
    string C(string name) => $"c{Array.IndexOf(names, name)}";
    var date = Segmentation.Prepare.Engine.SqlDialect.DuckDb.TryTimestamp(C("InvoiceDate"));
    return $"SELECT count(*), sum(n), max(latest), sum(quantity), sum(price) FROM (SELECT count(*) AS n, max({date}) AS latest, sum({C("Quantity")}) AS quantity, sum({C("UnitPrice")}) AS price"
        + $" FROM {{0}} GROUP BY {C("CustomerID")}, {C("InvoiceNo")}, {C("Country")})";
});

// A statement over the CSV read by DuckDB (the select's {0}): every value as text, or the quantity and the price typed
// as ours reads them (typed); in this process, median of three.
static double EngineLimit(string csv, bool typed, Func<string[], string> select)
{
    using var connection = new DuckDB.NET.Data.DuckDBConnection("DataSource=:memory:");
    connection.Open();
    string[] names;
    using (var header = new StreamReader(csv)) names = header.ReadLine()!.Split(',');
    // The engine's own read of the file, as the preparation statement does it: text, or the two numbers typed.
    int[] numbers = typed ? [Array.IndexOf(names, "Quantity"), Array.IndexOf(names, "UnitPrice")] : [];
    var read = Segmentation.Prepare.Engine.DuckDbEngine.Csv(names.Length, gzipped: false, numbers).From;
    var times = new List<double>();
    for (var r = 0; r < 3; r++)
    {
        using var command = connection.CreateCommand();
        command.CommandText = string.Format(CultureInfo.InvariantCulture, select(names), read);
        command.Parameters.Add(new DuckDB.NET.Data.DuckDBParameter("path", csv));
        command.Parameters.Add(new DuckDB.NET.Data.DuckDBParameter("delim", ","));
        var clock = Stopwatch.StartNew();
        command.ExecuteScalar();
        times.Add(clock.Elapsed.TotalSeconds);
    }
    return Segmentation.Numerics.Statistics.Median(times);
}

// The CLI published into a folder of the benchmark's own (once per benchmark run: a publish of an unchanged build takes seconds).
static string PublishedCli(string project, string configuration)
{
    var folder = Path.Combine(AppContext.BaseDirectory, "published-cli");
    using var publish = Process.Start(new ProcessStartInfo("dotnet", ["publish", project, "-c", configuration, "-o", folder, "--nologo", "-v", "quiet"]) { RedirectStandardOutput = true })!;
    publish.StandardOutput.ReadToEnd();
    publish.WaitForExit();
    if (publish.ExitCode != 0) throw new InvalidOperationException($"dotnet publish {project} failed ({publish.ExitCode})");
    return Path.Combine(folder, "Segmentation.Cli.dll");
}

// Typed as pandas writes a frame it read from this CSV: integers, floats (CustomerID too, for its empty cells), timestamps.
static string ParquetCopy(string csv)
{
    var parquet = Path.ChangeExtension(csv, ".parquet");
    if (File.Exists(parquet)) return parquet;
    var scratch = parquet + ".tmp";
    using (var connection = new DuckDB.NET.Data.DuckDBConnection("DataSource=:memory:"))
    {
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            COPY (SELECT * FROM read_csv($csv, header = true, columns = {"{"}'InvoiceNo': 'VARCHAR', 'StockCode': 'VARCHAR', 'Description': 'VARCHAR',
                'Quantity': 'BIGINT', 'InvoiceDate': 'TIMESTAMP', 'UnitPrice': 'DOUBLE', 'CustomerID': 'DOUBLE', 'Country': 'VARCHAR'{"}"}))
            TO '{scratch.Replace("'", "''", StringComparison.Ordinal)}' (FORMAT parquet)
            """;
        command.Parameters.Add(new DuckDB.NET.Data.DuckDBParameter("csv", csv));
        command.ExecuteNonQuery();
    }
    File.Move(scratch, parquet);
    return parquet;
}

static double Prepare(Measured m) => m.Seconds.GetValueOrDefault("ingest") + m.Seconds.GetValueOrDefault("prepare");

Measured Ours(string input, bool report = true, params string[] extra)
{
    var dir = Directory.CreateTempSubdirectory("bench-ours-");
    var timings = Path.Combine(dir.FullName, "timings.json");
    string[] args = ["run", "--input", input, "--out", Path.Combine(dir.FullName, "run"), "--timings-json", timings, "--no-history"];
    var (wall, peak, _, load) = Timed(["dotnet", cli, .. args, .. extra, .. report ? Array.Empty<string>() : ["--no-report"]], null);
    using var json = JsonDocument.Parse(File.ReadAllText(timings));
    var seconds = json.RootElement.GetProperty("seconds").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());
    var measured = new Measured(seconds, wall, peak, json.RootElement.GetProperty("rows_in").GetInt64(), json.RootElement.GetProperty("customers").GetInt32()) { Load = load };
    dir.Delete(recursive: true);
    return measured;
}

Measured Peer(string input, string[] extra)
{
    var dir = Directory.CreateTempSubdirectory("bench-peer-");
    var (wall, peak, stdout, load) = Timed([python, peer, input, dir.FullName, .. extra], peerTimeout);
    dir.Delete(recursive: true);
    if (stdout is null) return new Measured([], wall, peak, 0, 0, Finished: false) { Load = load };
    using var json = JsonDocument.Parse(stdout.Trim().Split('\n')[^1]);
    var seconds = json.RootElement.GetProperty("seconds").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());
    return new Measured(seconds, wall, peak, 0, 0) { Load = load };
}

// GNU time reports the peak resident set of the whole process (maximum resident set size, KB). With a timeout, a
// process still running is killed; its peak is then the highest VmHWM read from /proc while it ran. Stdout is null then.
(double Wall, double PeakMb, string? Stdout, HostLoad Load) Timed(string[] command, TimeSpan? timeout)
{
    var probe = SpeedProbe.Seconds();
    var start = new ProcessStartInfo("/usr/bin/time") { RedirectStandardOutput = true, RedirectStandardError = true };
    // This machine sets OpenBLAS overrides for old builds; they slow a current numpy, so the peer runs without them.
    start.Environment.Remove("OPENBLAS_CORETYPE");
    start.Environment.Remove("OPENBLAS_L2_SIZE");
    foreach (var a in new[] { "-f", "%e %M %U %S" }.Concat(command)) start.ArgumentList.Add(a);
    var host = HostCpu.Read();
    var clock = Stopwatch.StartNew();
    using var process = Process.Start(start)!;
    var stdout = process.StandardOutput.ReadToEndAsync();
    var stderr = process.StandardError.ReadToEndAsync();
    double sampledKb = 0;
    while (!process.WaitForExit(1000))
    {
        sampledKb = Math.Max(sampledKb, ChildPeakKb(process.Id));
        if (timeout is { } t && clock.Elapsed > t)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return (clock.Elapsed.TotalSeconds, sampledKb / 1024, null, new HostLoad(double.NaN, double.NaN, probe));
        }
    }
    var wall = clock.Elapsed.TotalSeconds;
    var after = HostCpu.Read();
    if (process.ExitCode != 0) throw new InvalidOperationException($"{command[0]} failed: {stderr.Result}");
    var last = stderr.Result.Trim().Split('\n')[^1].Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
    var (others, steal) = after.Since(host, wall, last[2] + last[3]);
    return (wall, last[1] / 1024, stdout.Result, new HostLoad(others, steal, probe));
}

// The measured program is the child of /usr/bin/time: its VmHWM (peak resident set so far, KB).
static double ChildPeakKb(int timePid)
{
    try
    {
        var children = File.ReadAllText($"/proc/{timePid}/task/{timePid}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return children.Select(c => File.ReadLines($"/proc/{c}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)))
            .Where(l => l is not null).Select(l => double.Parse(l!.Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max();
    }
    catch (IOException)
    {
        return 0;
    }
}

static double Median(List<Measured> runs, string stage) => MedianOf(runs, m => m.Seconds.GetValueOrDefault(stage));

static double MedianOf(List<Measured> runs, Func<Measured, double> f) => Segmentation.Numerics.Statistics.Median(runs.Select(f));

// The load a side's figures were measured under, medians over the runs: the cores the rest of the machine kept busy
// meanwhile; the cores the hypervisor stole; the speed probe's seconds just before.
static string Load(List<Measured> runs) =>
    $"{MedianOf(runs, m => m.Load.OtherCores):F2}; {MedianOf(runs, m => m.Load.StealCores):F2}; {MedianOf(runs, m => m.Load.ProbeSeconds):F3} s";

static string Row(string stage, double ours, double? peer) =>
    peer is { } p ? $"| {stage} | {ours:F2} | {p:F2} | {(ours > 0 ? p / ours : 0):F1}x |" : $"| {stage} | {ours:F2} | | |";

static string Machine()
{
    var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':')[1].Trim() ?? "unknown";
    var memory = File.ReadLines("/proc/meminfo").First().Split(':')[1].Trim();
    return $"Machine: {Environment.ProcessorCount} cores ({cpu}), {memory} memory, {Environment.OSVersion}, .NET {Environment.Version}; peer on Debian's python3 with pandas and scikit-learn. Run {DateTime.UtcNow:yyyy-MM-dd}.";
}

IEnumerable<string> Values(string name)
{
    for (var i = 0; i < args.Length - 1; i++) if (args[i] == name) yield return args[i + 1];
}

string? Value(string name) => Values(name).LastOrDefault();

internal sealed record Measured(Dictionary<string, double> Seconds, double Wall, double PeakMb, long RowsIn, int Customers, bool Finished = true)
{
    /// <summary>What else the machine was doing while the process ran, and how fast it was just before.</summary>
    public HostLoad Load { get; init; } = new(double.NaN, double.NaN, double.NaN);
}
