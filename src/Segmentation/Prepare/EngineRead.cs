namespace Segmentation.Prepare;

/// <summary>What the engine's own read of a source came to: the prepared data, or the reason the row readers must read it.</summary>
internal abstract record EngineRead
{
    private EngineRead()
    {
    }

    public sealed record Prepared(PreparedData Data) : EngineRead;

    /// <param name="Reason">Why, in words (for a reader of the code and a debugger; no user sees it).</param>
    public sealed record RowReadersNeeded(string Reason) : EngineRead;
}
