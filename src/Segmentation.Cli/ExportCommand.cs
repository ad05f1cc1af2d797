using System.CommandLine;
using Segmentation.App;
using Segmentation.Formatting;

namespace Segmentation.Cli;

/// <summary><c>export</c>: any readable transactions file as a plain CSV or CSV.gz in the Online Retail layout.</summary>
internal static class ExportCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var input = new InputArguments();
        var output = new Option<string>("--out", "-o") { Description = "The file to write (.csv, .csv.gz or .parquet).", Required = true };
        var command = new Command("export", "Write the rows of a transactions file (e.g. the workbook) as CSV, CSV.gz or Parquet in the Online Retail layout, before cleaning.");
        input.AddTo(command);
        command.Options.Add(output);
        command.SetAction(p => Guard.Run(stderr, () =>
        {
            var rows = SegmentationApp.Export(input.Source(p, stderr), p.GetValue(output)!, input.Prepare(p).Ingest);
            stdout.WriteLine($"Wrote {p.GetValue(output)}: {Display.Count(rows)} rows");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
