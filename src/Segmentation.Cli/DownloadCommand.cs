using System.CommandLine;
using Segmentation.Formatting;
using Segmentation.App;

namespace Segmentation.Cli;

/// <summary><c>download</c>: fetches the UCI Online Retail workbook into data/raw.</summary>
internal static class DownloadCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var output = new Option<string>("--out", "-o") { Description = "Where to save the workbook.", DefaultValueFactory = _ => Path.Combine("data", "raw", SegmentationApp.OnlineRetailSource.FileName) };
        var url = new Option<string>("--url") { Description = "Address to fetch from.", DefaultValueFactory = _ => SegmentationApp.OnlineRetailSource.Url };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait before giving up.", DefaultValueFactory = _ => 30 };
        var command = new Command("download", "Download the UCI Online Retail workbook (CC BY 4.0) into data/raw.") { output, url, timeout };
        command.SetAction(p => Guard.Run(stderr, () =>
        {
            var path = p.GetValue(output)!;
            var size = SegmentationApp.DownloadOnlineRetail(path, p.GetValue(url)!, TimeSpan.FromSeconds(p.GetValue(timeout)));
            stdout.WriteLine($"Wrote {path} ({Display.Count(size)} bytes)");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
