namespace Segmentation.Tests;

/// <summary>
/// The test tiers. A class marked <c>[Trait(Tier.Name, Tier.Full)]</c> needs the real data, a browser, a database,
/// the notebook kernel or more than a few seconds; the rest is the fast tier, run by
/// <c>dotnet test Analysis.sln --filter Tier!=Full</c> (README). CI runs both.
/// </summary>
internal static class Tier
{
    public const string Name = "Tier";
    public const string Full = "Full";
}
