using Segmentation.Formatting;

namespace Segmentation.Cli;

/// <summary>
/// Shows rows read as they go, on one updating line when stderr is a terminal and not at all when it is
/// redirected (a log should hold the summary, not a hundred progress lines).
/// </summary>
internal sealed class ConsoleProgress(TextWriter stderr, string label) : IProgress<long>
{
    private readonly bool _interactive = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;
    private bool _shown;

    public void Report(long value)
    {
        if (!_interactive) return;
        stderr.Write($"\r{label}: {Display.Count(value)} rows");
        _shown = true;
    }

    public void Done()
    {
        if (_shown) stderr.Write("\r" + new string(' ', 60) + "\r");
    }
}
