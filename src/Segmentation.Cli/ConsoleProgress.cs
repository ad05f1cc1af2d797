using Segmentation.Formatting;
using Segmentation.Prepare;

namespace Segmentation.Cli;

/// <summary>
/// Shows rows read as they go, on one updating line when stderr is a terminal and not at all when it is
/// redirected (a log should hold the summary, not a hundred progress lines).
/// </summary>
internal sealed class ConsoleProgress(TextWriter stderr, string label) : IProgress<ReadProgress>
{
    private readonly bool _interactive = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;
    private bool _shown;

    public void Report(ReadProgress value)
    {
        if (!_interactive) return;
        if (value.Stage is { } stage)
        {
            // Reports come from the sweep's threads: one line written at a time.
            lock (stderr) stderr.Write($"\r{stage,-72}");
            _shown = true;
            return;
        }
        var done = value.Fraction is { } f ? $"{f:P0}    " : $"{Display.Count(value.Rows)} rows";
        stderr.Write($"\r{label}: {done}");
        _shown = true;
    }

    public void Done()
    {
        if (_shown) stderr.Write("\r" + new string(' ', 80) + "\r");
    }
}
