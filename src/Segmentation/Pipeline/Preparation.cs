using System.Diagnostics;
using Segmentation.Cleaning;
using Segmentation.Features;
using Segmentation.Ingest;

namespace Segmentation.Pipeline;

/// <summary>
/// Ingest, cleaning and RFM, fused into one forward pass over the rows: nothing per row is kept (but the
/// duplicate check's 16-byte hash), so memory follows the number of customers. Reading and cleaning run on two
/// threads at once; the timings split the wall time into cleaning and waiting for rows (ingest).
/// </summary>
internal static class Preparation
{
    /// <summary>How often, in rows, progress is reported.</summary>
    public const int ProgressInterval = 100_000;

    // How many rows ahead the duplicate check's table slot is prefetched.
    private const int PrefetchDistance = 8;

    public static PreparedData Run(string path, PrepareOptions? options = null, IProgress<long>? progress = null)
    {
        options ??= PrepareOptions.Default;
        return Run(() => TransactionReader.Open(path, options.Ingest), options, progress);
    }

    /// <summary>Opens the input with <paramref name="open"/> (clocked as ingest: a workbook does much of its work there) and prepares it.</summary>
    public static PreparedData Run(Func<TransactionStream> open, PrepareOptions? options = null, IProgress<long>? progress = null)
    {
        var opening = Stopwatch.StartNew();
        using var stream = open();
        var opened = opening.Elapsed;
        var prepared = Run(stream, options, progress);
        return prepared with
        {
            Timings = prepared.Timings.Select(t => t.Stage == "ingest" ? t with { Elapsed = t.Elapsed + opened } : t).ToArray(),
        };
    }

    public static PreparedData Run(TransactionStream stream, PrepareOptions? options = null, IProgress<long>? progress = null)
    {
        options ??= PrepareOptions.Default;
        var cleaning = options.AsOf is { } asOf ? options.Cleaning with { Before = asOf } : options.Cleaning;
        var removed = new long[Enum.GetValues<DropReason>().Length];
        var duplicates = new DuplicateDetector();
        var rfm = new RfmBuilder();
        var sales = new SalesSummaryBuilder();
        long rowsIn = 0, duplicateRows = 0;
        DateTime? inputFirst = null, inputLast = null;
        long workTicks = 0;
        var started = Stopwatch.GetTimestamp();

        // Reading runs on its own thread, a batch ahead: parsing (and hashing each row for the duplicate
        // check) overlaps with cleaning and aggregation, in the file's order, so the result is the one a
        // single thread gives.
        using var reader = new BatchReader(stream);
        foreach (var batch in reader.Batches())
        {
            var t0 = Stopwatch.GetTimestamp();
            for (var b = 0; b < Math.Min(PrefetchDistance, batch.Count); b++) duplicates.Prefetch(batch.Hashes[b]);
            for (var b = 0; b < batch.Count; b++)
            {
                if (b + PrefetchDistance < batch.Count) duplicates.Prefetch(batch.Hashes[b + PrefetchDistance]);
                ref readonly var row = ref batch.Rows[b];
                rowsIn++;
                if (inputFirst is null || row.Date < inputFirst) inputFirst = row.Date;
                if (inputLast is null || row.Date > inputLast) inputLast = row.Date;

                var reason = CleaningRules.Classify(row, cleaning);
                if (duplicates.IsRepeat(batch.Hashes[b]))
                {
                    duplicateRows++;
                    if (reason == DropReason.None && cleaning.DropDuplicates) reason = DropReason.Duplicate;
                }
                if (reason == DropReason.None)
                {
                    rfm.Add(row);
                    sales.Add(row);
                }
                else
                {
                    removed[(int)reason]++;
                }

                if (rowsIn % ProgressInterval == 0) progress?.Report(rowsIn);
            }
            workTicks += Stopwatch.GetTimestamp() - t0;
            reader.Recycle(batch);
        }
        // The two threads overlap: "cleaning" is the time spent cleaning and aggregating, "ingest" the rest of
        // the wall time, i.e. the time spent waiting for rows. The two add up to the stage's wall time.
        var readTicks = Stopwatch.GetTimestamp() - started - workTicks;
        progress?.Report(rowsIn);

        removed[(int)DropReason.Unparseable] = stream.BadRows.Count;
        rowsIn += stream.BadRows.Count;
        if (rowsIn == 0) throw new InputException(stream.File, "the file has a header but no data rows");
        if (rfm.Rows == 0)
        {
            throw new InputException(stream.File,
                $"none of the {rowsIn:N0} rows is left after cleaning ({Summarise(removed)}); check the column mapping and the cleaning options");
        }

        var t2 = Stopwatch.GetTimestamp();
        var table = rfm.Build(options.AsOf);
        var buildTicks = Stopwatch.GetTimestamp() - t2;

        var account = new DataQualityAccount(
            Source: stream.File,
            RowsIn: rowsIn,
            Removed: Enum.GetValues<DropReason>()
                .Where(r => r != DropReason.None && Applies(r, cleaning, stream, options))
                .Select(r => new RuleCount(r.Key(), r.Describe(), removed[(int)r]))
                .ToArray(),
            RowsOut: rfm.Rows,
            DuplicateRowsFound: duplicateRows,
            DuplicatesDropped: cleaning.DropDuplicates,
            Customers: rfm.Customers,
            Invoices: rfm.Orders,
            Revenue: rfm.Revenue,
            InputFirstDate: inputFirst,
            InputLastDate: inputLast,
            FirstDate: rfm.FirstDate,
            LastDate: rfm.LastDate,
            BadRowExamples: stream.BadRows.Examples);

        return new PreparedData(account, table, sales.Build(),
        [
            new StageTiming("ingest", Stopwatch.GetElapsedTime(0, readTicks)),
            new StageTiming("cleaning", Stopwatch.GetElapsedTime(0, workTicks)),
            new StageTiming("rfm", Stopwatch.GetElapsedTime(0, buildTicks)),
        ]);
    }

    /// <summary>The account lists the rules that could have removed something in this run, zero or not.</summary>
    private static bool Applies(DropReason rule, CleaningOptions cleaning, TransactionStream stream, PrepareOptions options) => rule switch
    {
        DropReason.Unparseable => stream.BadRows.Skip,
        DropReason.MissingCustomer => true,
        DropReason.Cancelled => cleaning.DropCancelled && stream.Mapping.Invoice is not null,
        DropReason.NonPositiveQuantity => cleaning.DropNonPositiveQuantity && stream.Mapping.Amount is null,
        DropReason.NonPositivePrice => cleaning.DropNonPositivePrice && stream.Mapping.Amount is null,
        DropReason.NonPositiveAmount => cleaning.DropNonPositivePrice && stream.Mapping.Amount is not null,
        DropReason.AfterAsOf => options.AsOf is not null,
        DropReason.Duplicate => cleaning.DropDuplicates,
        _ => false,
    };

    private static string Summarise(long[] removed) => string.Join(", ",
        Enum.GetValues<DropReason>().Where(r => removed[(int)r] > 0).Select(r => $"{r.Describe()}: {removed[(int)r]:N0}"));
}
