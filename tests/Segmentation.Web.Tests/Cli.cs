using Segmentation.Cli;

namespace Segmentation.Web.Tests;

/// <summary>The command line run in-process: the answers the web app's must equal.</summary>
internal static class Cli
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static Result Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr);
        return new Result(code, stdout.ToString(), stderr.ToString());
    }
}
