namespace Segmentation;

/// <summary>
/// An option that cannot work: out of range, or at odds with the data. Names the option as the library spells
/// it (<c>ClusteringOptions.K</c>); each door says it in its own terms (the CLI as its flag, the web API as a field).
/// </summary>
public sealed class OptionException(string option, string reason) : Exception($"{option}: {reason}")
{
    /// <summary>The option's record and property, e.g. <c>ClusteringOptions.K</c>.</summary>
    public string Option { get; } = option;

    /// <summary>What is wrong, without the option's name.</summary>
    public string Reason { get; } = reason;
}
