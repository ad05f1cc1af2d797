using System.CommandLine;

namespace Segmentation.Cli;

/// <summary>The command tree. Each command is a thin door: it maps flags onto the library's options and prints.</summary>
public static class CliApp
{
    public static RootCommand Build(TextWriter stdout, TextWriter stderr) =>
        new("Segments a retailer's customers from raw transactions: cleaning, RFM, clustering, named segments.")
        {
            RunCommand.Create(stdout, stderr),
            ScoreCommand.Create(stdout, stderr),
            RefreshCommand.Create(stdout, stderr),
            ClvCommand.Create(stdout, stderr),
            HistoryCommand.Create(stdout, stderr),
            SampleCommand.Create(stdout, stderr),
            DownloadCommand.Create(stdout, stderr),
            ExportCommand.Create(stdout, stderr),
            AudienceCommand.Create(stdout, stderr),
            ServeCommand.Create(stdout, stderr),
        };

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var configuration = new InvocationConfiguration { Output = stdout, Error = stderr };
        return Build(stdout, stderr).Parse(args).Invoke(configuration);
    }
}
