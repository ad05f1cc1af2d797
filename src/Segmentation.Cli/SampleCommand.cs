using System.CommandLine;
using System.IO.Compression;
using Segmentation.Formatting;
using Segmentation.Output;
using Segmentation.Sample;

namespace Segmentation.Cli;

/// <summary><c>sample</c>: writes the synthetic dataset as a file, in the Online Retail layout.</summary>
internal static class SampleCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var output = new Option<string>("--out", "-o") { Description = "File to write (.csv or .csv.gz).", DefaultValueFactory = _ => Path.Combine("data", "raw", "sample_online_retail.csv") };
        var customers = new Option<int>("--customers") { Description = "Number of customers.", DefaultValueFactory = _ => SampleOptions.Default.Customers };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed writes the same file.", DefaultValueFactory = _ => SampleOptions.Default.Seed };
        var rows = new Option<long?>("--rows") { Description = "Write a large file of this many rows instead (streamed; e.g. 10000000 with --customers 500000), for benchmarks." };
        var command = new Command("sample", "Write the synthetic sample dataset (Online Retail layout, with realistic dirt).") { output, customers, seed, rows };
        command.SetAction(p => Guard.Run(stderr, () =>
        {
            var options = new SampleOptions { Customers = p.GetValue(customers), Seed = p.GetValue(seed) };
            if (options.Customers < 1) throw new InputException("--customers", "must be at least 1");
            var path = p.GetValue(output)!;
            var large = p.GetValue(rows);
            long count = 0;
            AtomicFile.Write(path, stream =>
            {
                using var compressed = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
                    ? new GZipStream(stream, CompressionLevel.Fastest, leaveOpen: true) : null;
                using var writer = new StreamWriter(compressed ?? stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
                if (large is { } n)
                {
                    count = ScaleGenerator.Write(writer, new ScaleOptions(n, options.Customers, options.Seed));
                }
                else
                {
                    var generated = SampleGenerator.Generate(options);
                    SampleGenerator.WriteCsv(writer, generated);
                    count = generated.Count;
                }
            });
            stdout.WriteLine($"Wrote {path}: {Display.Count(count)} rows, " + (large is null ? SampleGenerator.Describe(options) : $"up to {Display.Count(options.Customers)} customers, seed {options.Seed}"));
            return ExitCodes.Ok;
        }));
        return command;
    }
}
