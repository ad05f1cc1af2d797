namespace Segmentation.Audiences;

/// <summary>
/// Countries as the ad platforms want them (ISO 3166 two letters) with their telephone calling codes, from the names
/// and codes transaction files use (the UCI data's "EIRE", "RSA", "USA" among them). A country not listed has no code:
/// its phone numbers count as usable only when written with their own + or 00 prefix.
/// </summary>
internal static class Countries
{
    private static readonly (string Iso, string Calling, string[] Names)[] Table =
    [
        ("gb", "44", ["united kingdom", "uk", "great britain", "england", "scotland", "wales", "northern ireland"]),
        ("ie", "353", ["ireland", "eire"]),
        ("us", "1", ["united states", "usa", "united states of america"]),
        ("ca", "1", ["canada"]),
        ("fr", "33", ["france"]),
        ("de", "49", ["germany", "deutschland"]),
        ("nl", "31", ["netherlands", "the netherlands", "holland"]),
        ("be", "32", ["belgium"]),
        ("lu", "352", ["luxembourg"]),
        ("ch", "41", ["switzerland"]),
        ("at", "43", ["austria"]),
        ("es", "34", ["spain"]),
        ("pt", "351", ["portugal"]),
        ("it", "39", ["italy"]),
        ("mt", "356", ["malta"]),
        ("gr", "30", ["greece"]),
        ("cy", "357", ["cyprus"]),
        ("dk", "45", ["denmark"]),
        ("se", "46", ["sweden"]),
        ("no", "47", ["norway"]),
        ("fi", "358", ["finland"]),
        ("is", "354", ["iceland"]),
        ("pl", "48", ["poland"]),
        ("cz", "420", ["czech republic", "czechia"]),
        ("lt", "370", ["lithuania"]),
        ("il", "972", ["israel"]),
        ("lb", "961", ["lebanon"]),
        ("bh", "973", ["bahrain"]),
        ("sa", "966", ["saudi arabia"]),
        ("ae", "971", ["united arab emirates", "uae"]),
        ("jp", "81", ["japan"]),
        ("hk", "852", ["hong kong"]),
        ("sg", "65", ["singapore"]),
        ("au", "61", ["australia"]),
        ("nz", "64", ["new zealand"]),
        ("br", "55", ["brazil"]),
        ("za", "27", ["south africa", "rsa"]),
        ("je", "44", ["jersey"]),
        ("gg", "44", ["guernsey"]),
    ];

    private static readonly Dictionary<string, (string Iso, string Calling)> ByName = Table
        .SelectMany(c => c.Names.Append(c.Iso).Select(n => (Name: n, c.Iso, c.Calling)))
        .ToDictionary(c => c.Name, c => (c.Iso, c.Calling), StringComparer.Ordinal);

    /// <summary>The two-letter code, lower case, of a country's name or code; null when unknown.</summary>
    public static string? Iso(string? country) => Find(country)?.Iso ?? (country?.Trim() is { Length: 2 } code && code.All(char.IsAsciiLetter) ? code.ToLowerInvariant() : null);

    /// <summary>The calling code (digits, no +) of a country; null when unknown.</summary>
    public static string? Calling(string? country) => Find(country)?.Calling;

    private static (string Iso, string Calling)? Find(string? country) =>
        country is not null && ByName.TryGetValue(country.Trim().ToLowerInvariant(), out var found) ? found : null;
}
