using System.CommandLine;
using Segmentation.App;

namespace Segmentation.Cli;

/// <summary>The flags of a command that publishes a run folder: where, reports and history; one to one onto <see cref="PublishOptions"/>.</summary>
internal sealed class PublishArguments(string defaultFolder)
{
    public Option<string> Output { get; } = new("--out", "-o") { Description = "Output folder (an earlier run in it is moved aside, never overwritten).", DefaultValueFactory = _ => defaultFolder };
    public Option<bool> NoReport { get; } = new("--no-report") { Description = "Skip the PDF and HTML reports." };
    public Option<string?> History { get; } = new("--history") { Description = "The run history database (default: history.db in the folder that holds --out)." };
    public Option<bool> NoHistory { get; } = new("--no-history") { Description = "Do not record the run in the history." };
    public Option<string?> Currency { get; } = new("--currency") { Description = "The currency of the amounts, as an ISO 4217 code (EUR), optionally with the symbol to print (EUR:€). Default: that of the country with the most revenue (GBP for the UCI data), else none." };
    public Option<string?> WriteBack { get; } = WriteBackOption();

    /// <summary>--write-back TABLE, for run, refresh and score alike.</summary>
    public static Option<string?> WriteBackOption() => new("--write-back")
    {
        Description = "Also write each customer's result into TABLE of the --db database (PostgreSQL or ClickHouse): the table is replaced atomically, the one before kept as TABLE_previous.",
    };

    public Option<int> KeepPrevious { get; } = new("--keep-previous") { Description = "Earlier runs of --out kept beside it when it is reused (moved to FOLDER.yyyyMMddTHHmmssZ); older ones are deleted, their history rows stay.", DefaultValueFactory = _ => new PublishOptions().KeepPrevious };

    public void AddTo(Command command)
    {
        foreach (var o in new Option[] { Output, NoReport, History, NoHistory, KeepPrevious, Currency, WriteBack }) command.Options.Add(o);
    }

    public PublishOptions Options(ParseResult p) => new()
    {
        Folder = p.GetValue(Output)!,
        Reports = !p.GetValue(NoReport),
        History = p.GetValue(History),
        RecordHistory = !p.GetValue(NoHistory),
        KeepPrevious = p.GetValue(KeepPrevious),
        WriteBack = p.GetValue(WriteBack),
        Report = Currencies(p.GetValue(Currency)) with { RunDate = DateTime.Now },
    };

    /// <summary>"EUR" or "EUR:€" as report settings.</summary>
    private static Report.ReportSettings Currencies(string? text)
    {
        if (text is null) return new Report.ReportSettings();
        var parts = text.Split(':', 2);
        var code = parts[0].Trim();
        if (code.Length != 3 || !code.All(char.IsAsciiLetter))
        {
            throw new OptionException(OptionNames.CurrencyCode, $"'{text}' is not a three-letter currency code such as EUR, optionally with its symbol (EUR:€)");
        }
        var symbol = parts.Length == 2 ? parts[1] : null;
        if (symbol is { Length: 0 or > 4 }) throw new OptionException(OptionNames.CurrencyCode, $"the symbol after ':' must be 1 to 4 characters (got '{symbol}')");
        return new Report.ReportSettings { CurrencyCode = code.ToUpperInvariant(), Currency = symbol };
    }

    public static void PrintWriteBack(TextWriter stdout, WrittenBack? back)
    {
        if (back is not null) stdout.WriteLine($"Wrote {back.Customers:N0} customers into table {back.Table}, in the database of {back.Source} (the one before is kept as {back.Table}_previous)");
    }

    public static void Print(TextWriter stdout, Published published)
    {
        foreach (var file in published.Files) stdout.WriteLine($"Wrote {file}");
        if (published.HistoryId is { } id) stdout.WriteLine($"Recorded as run {id} in {published.History}");
        if (published.MovedAside is { } aside) stdout.WriteLine($"The earlier run in that folder was moved to {aside}");
        PrintWriteBack(stdout, published.WrittenBack);
        if (published.DeletedPrevious.Count > 0) stdout.WriteLine($"Deleted {published.DeletedPrevious.Count} older run folder(s) beyond --keep-previous (their history rows stay): {string.Join(", ", published.DeletedPrevious)}");
    }
}
