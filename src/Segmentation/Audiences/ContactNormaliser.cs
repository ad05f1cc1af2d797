using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Segmentation.Audiences;

/// <summary>
/// Contact values in the forms the ad platforms match on, and their SHA-256: Google's Customer Match and Meta's
/// custom audiences both hash the normalised value (lower-case trimmed e-mail, E.164 phone, lower-case names).
/// A value that cannot be normalised (an e-mail without a domain, a phone without a country) is null: unusable.
/// </summary>
internal static partial class ContactNormaliser
{
    public static string? Email(string? raw)
    {
        var email = raw?.Trim().ToLowerInvariant();
        return email is not null && EmailShape().IsMatch(email) ? email : null;
    }

    /// <summary>
    /// E.164 (+ and up to 15 digits): a number written with + or 00 keeps its own country code; a national one takes
    /// its customer's country's, its trunk 0 dropped. Null without a country to complete it, or with too few or many digits.
    /// </summary>
    public static string? Phone(string? raw, string? country)
    {
        if (raw is null) return null;
        var trimmed = raw.Trim();
        var digits = new string([.. trimmed.Where(char.IsAsciiDigit)]);
        if (digits.Length == 0 || trimmed.Any(char.IsLetter)) return null;
        string international;
        if (trimmed.StartsWith('+')) international = digits;
        else if (digits.StartsWith("00", StringComparison.Ordinal)) international = digits[2..];
        else if (Countries.Calling(country) is { } code) international = code + digits.TrimStart('0');
        else return null;
        return international.Length is >= 8 and <= 15 && international[0] != '0' ? "+" + international : null;
    }

    /// <summary>A name as the platforms hash it: trimmed, lower case, without punctuation.</summary>
    public static string? Name(string? raw)
    {
        var name = raw is null ? null : new string([.. raw.Trim().ToLowerInvariant().Where(c => !char.IsPunctuation(c))]).Trim();
        return string.IsNullOrEmpty(name) ? null : name;
    }

    /// <summary>A postcode as Meta hashes it: lower case without spaces (a US ZIP: its first five digits).</summary>
    public static string? Postcode(string? raw, string? country)
    {
        var code = raw is null ? null : new string([.. raw.ToLowerInvariant().Where(c => !char.IsWhiteSpace(c))]);
        if (string.IsNullOrEmpty(code)) return null;
        return Countries.Iso(country) == "us" && code.Length > 5 && code[..5].All(char.IsAsciiDigit) ? code[..5] : code;
    }

    /// <summary>SHA-256 of the UTF-8 bytes, lower-case hex.</summary>
    public static string Sha256(string normalised) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)));

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s.]+$")]
    private static partial Regex EmailShape();
}
