namespace Segmentation.Prepare.Sources;

/// <summary>
/// What happens to a row whose values do not parse: by default the first one stops the run; with
/// <see cref="IngestOptions.SkipBadRows"/> it is counted, and the first few are kept as examples.
/// </summary>
internal sealed class BadRowLog
{
    private const int MaxExamples = 10;
    private readonly List<string> _examples = [];

    internal BadRowLog(bool skip) => Skip = skip;

    public bool Skip { get; }

    public long Count { get; private set; }

    /// <summary>The first messages, each naming the file, row and column.</summary>
    public IReadOnlyList<string> Examples => _examples;

    internal void Add(InputException error)
    {
        if (!Skip) throw error;
        Count++;
        if (_examples.Count < MaxExamples) _examples.Add(error.Message);
    }
}
