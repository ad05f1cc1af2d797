namespace Segmentation.Cli;

/// <summary>What the exit code tells a script.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>The command line itself is wrong (System.CommandLine's own code for parse errors).</summary>
    public const int Usage = 1;
    /// <summary>The input is missing, unreadable or does not fit: the message names the file, row and column.</summary>
    public const int BadInput = 2;
    /// <summary>A fault of ours; the message says so.</summary>
    public const int Internal = 70;
}
