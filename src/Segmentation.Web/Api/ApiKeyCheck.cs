using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Segmentation.Web.Api;

/// <summary>
/// The rule for keys: loopback needs none; any other address needs one, and the host refuses to start without it.
/// The comparison takes the same time whatever the key sent, so that timing does not leak it.
/// </summary>
internal static class ApiKeyCheck
{
    public const string Header = "X-Api-Key";

    public static bool IsLoopback(string address) =>
        address.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(address, out var ip) && IPAddress.IsLoopback(ip));

    /// <summary>Fails at start when the address is reachable from other machines and no key is set.</summary>
    public static void Validate(ServeOptions options)
    {
        if (!IsLoopback(options.Address) && string.IsNullOrEmpty(options.ApiKey))
        {
            throw new OptionException(ServeOptions.Names.ApiKey,
                $"'{options.Address}' is reachable from other machines: set a key in {ServeOptions.ApiKeyVariable} (callers send it as {Header}), or listen on 127.0.0.1");
        }
        if (options.ApiKey is { Length: > 0 and < 16 })
        {
            throw new OptionException(ServeOptions.Names.ApiKey, "the key must be at least 16 characters long");
        }
    }

    public static bool Accepts(string? expected, string? sent)
    {
        if (string.IsNullOrEmpty(expected)) return true;
        if (sent is null) return false;
        var a = SHA256.HashData(Encoding.UTF8.GetBytes(expected));
        var b = SHA256.HashData(Encoding.UTF8.GetBytes(sent));
        return CryptographicOperations.FixedTimeEquals(a, b);
    }
}
