using System.Text.RegularExpressions;

namespace Segmentation;

/// <summary>
/// An option that cannot work: out of range, or at odds with the data. Names the option as the library spells
/// it (<c>ClusteringOptions.K</c>); each door says it in its own terms (the CLI as its flag, the web API as a field).
/// A reason that mentions another option refers to it by <see cref="Ref"/>, so that the door names that one too:
/// the core never spells a door's flag.
/// </summary>
public sealed partial class OptionException(string option, string reason) : Exception($"{option}: {Render(reason, static name => name)}")
{
    private readonly string _reason = reason;

    /// <summary>The option's record and property, e.g. <c>ClusteringOptions.K</c>.</summary>
    public string Option { get; } = option;

    /// <summary>What is wrong, without the option's name; other options by the library's names.</summary>
    public string Reason => Render(_reason, static name => name);

    /// <summary>What is wrong, with every option it mentions named by <paramref name="name"/> (a door's spelling).</summary>
    public string ReasonIn(Func<string, string> name) => Render(_reason, name);

    /// <summary>Another option mentioned in a reason, for each door to name its own way.</summary>
    public static string Ref(string option) => $"\u27E8{option}\u27E9";

    private static string Render(string reason, Func<string, string> name) => Reference().Replace(reason, m => name(m.Groups[1].Value));

    [GeneratedRegex("\u27E8([^\u27E9]+)\u27E9")]
    private static partial Regex Reference();
}
