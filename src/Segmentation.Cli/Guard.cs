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
            stderr.WriteLine($"error: {Flags.Of(e.Option)}: {e.Reason}");
            return ExitCodes.Usage;
        }
        catch (InputException e)
        {
            stderr.WriteLine($"error: {e.Message}{(e.Option is { } option ? $" (see {Flags.Of(option)})" : "")}");
            return ExitCodes.BadInput;
        }
        catch (Value.ModelFitException e)
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
}
