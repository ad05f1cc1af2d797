namespace Segmentation.Prepare.Sources;

/// <summary>
/// The string made of a cell's text, remembered by that text, for columns whose values repeat across the
/// file (product codes, descriptions). Bounded: past <see cref="Capacity"/> distinct texts, values are no
/// longer remembered, so a column of unique values costs a few megabytes at most.
/// </summary>
internal sealed class StringPool
{
    public const int Capacity = 100_000;
    private readonly Dictionary<string, string?> _byText = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public StringPool() => _lookup = _byText.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The value remembered for this text, or null when there is none (or it is null).</summary>
    public string? TryGet(ReadOnlySpan<char> text) => _lookup.TryGetValue(text, out var value) ? value : null;

    /// <summary>Remembers <paramref name="value"/> as what <paramref name="text"/> converts to, and returns it.</summary>
    public string? Add(ReadOnlySpan<char> text, string? value)
    {
        if (_byText.Count < Capacity) _lookup.TryAdd(text, value);
        return value;
    }
}
