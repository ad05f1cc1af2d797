using System.CommandLine;
using Segmentation.App;
using Segmentation.Formatting;
using Segmentation.Prepare.Sample;

namespace Segmentation.Cli;

/// <summary><c>sample</c>: writes the synthetic dataset as a file, in the Online Retail layout.</summary>
internal static class SampleCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var output = new Option<string>("--out", "-o") { Description = "File to write (.csv or .csv.gz).", DefaultValueFactory = _ => Path.Combine("data", "raw", "sample_online_retail.csv") };
        var customers = new Option<int>("--customers", "--sample-customers") { Description = "Number of customers.", DefaultValueFactory = _ => SampleOptions.Default.Customers };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed writes the same file.", DefaultValueFactory = _ => SampleOptions.Default.Seed };
        var rows = new Option<long?>("--rows") { Description = "Write a large file of this many rows instead (streamed; e.g. 10000000 with --customers 500000), for benchmarks." };
        var contacts = new Option<bool>("--contacts") { Description = "Add made-up Email, Phone and Consent columns (example.com addresses, fictional phones), to try export-audience." };
        var command = new Command("sample", "Write the synthetic sample dataset (Online Retail layout, with realistic dirt).") { output, customers, seed, rows, contacts };
        command.SetAction(p => Guard.Run(stderr, () =>
        {
            var options = new SampleOptions { Customers = p.GetValue(customers), Seed = p.GetValue(seed), Contacts = p.GetValue(contacts) };
            var path = p.GetValue(output)!;
            var sample = SegmentationApp.WriteSample(path, options, p.GetValue(rows));
            stdout.WriteLine($"Wrote {sample.Path}: {Display.Count(sample.Rows)} rows, {sample.Description}");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
