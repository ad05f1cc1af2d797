using Segmentation.Lifetime;
using Segmentation.Prepare.Sources;

namespace Segmentation.Cli;

/// <summary>Turns what can go wrong into one line on stderr and an exit code, never a stack trace.</summary>
internal static class Guard
{
    public static int Run(TextWriter stderr, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (OptionException e)
        {
            stderr.WriteLine($"error: {Flags.Of(e.Option)}: {e.ReasonIn(Flags.Of)}");
            return ExitCodes.Usage;
        }
        catch (InputException e)
        {
            stderr.WriteLine($"error: {e.Message}{(e.Option is { } option ? $" (see {Flags.Of(option)})" : "")}{Suggestion((e as MissingColumnsException)?.MissingColumns)}");
            return ExitCodes.BadInput;
        }
        catch (ModelFitException e)
        {
            stderr.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"error: {e.Message.ReplaceLineEndings(" ")}");
            return ExitCodes.BadInput;
        }
        catch (Exception e)
        {
            stderr.WriteLine($"internal error ({e.GetType().Name}): {e.Message.ReplaceLineEndings(" ")}");
            stderr.WriteLine("This is a bug in segmentation; set SEGMENTATION_TRACE=1 to see where it happened.");
            if (Environment.GetEnvironmentVariable("SEGMENTATION_TRACE") == "1") stderr.WriteLine(e);
            return ExitCodes.Internal;
        }
    }

    /// <summary>The flags that would map the missing columns, ready to paste: the closest header where there is one.</summary>
    private static string Suggestion(IReadOnlyList<MissingColumn>? missing)
    {
        if (missing is not { Count: > 0 }) return "";
        var flags = missing.Select(m => $"{Flags.Of(m.Option)} {(m.Closest.Count > 0 ? ShellWord(m.Closest[0]) : "COLUMN")}");
        var invoice = missing.Any(m => m.Role == ColumnRole.Invoice) ? " (or --no-invoice-column)" : "";
        var money = missing.Any(m => m.Role is ColumnRole.Quantity or ColumnRole.UnitPrice) ? " (or --amount-column COLUMN)" : "";
        return $". Name them: {string.Join(" ", flags)}{invoice}{money}";
    }

    /// <summary>A header as one POSIX shell word, control characters shown as '?': it comes from the file.</summary>
    private static string ShellWord(string text)
    {
        var visible = new string(text.Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return visible.Length > 0 && visible.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.')
            ? visible
            : "'" + visible.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }
}
