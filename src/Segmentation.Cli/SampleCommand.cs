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
        var command = new Command("sample", "Write the synthetic sample dataset (Online Retail layout, with realistic dirt).") { output, customers, seed };
        command.SetAction(p => Guard.Run(stderr, () =>
        {
            var options = new SampleOptions { Customers = p.GetValue(customers), Seed = p.GetValue(seed) };
            if (options.Customers < 1) throw new InputException("--customers", "must be at least 1");
            var rows = SampleGenerator.Generate(options);
            var path = p.GetValue(output)!;
            AtomicFile.Write(path, stream =>
            {
                using var compressed = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
                    ? new GZipStream(stream, CompressionLevel.Optimal, leaveOpen: true) : null;
                using var writer = new StreamWriter(compressed ?? stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
                SampleGenerator.WriteCsv(writer, rows);
            });
            stdout.WriteLine($"Wrote {path}: {Display.Count(rows.Count)} rows, {SampleGenerator.Describe(options)}");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
