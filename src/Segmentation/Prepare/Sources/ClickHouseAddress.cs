namespace Segmentation.Prepare.Sources;

/// <summary>
/// Where a ClickHouse server is: <c>clickhouse://[user[:password]@]host[:port][/database]</c> (HTTP, port 8123 by
/// default) or <c>clickhouses://</c> (HTTPS, 8443). Without a user in the address, CLICKHOUSE_USER and
/// CLICKHOUSE_PASSWORD from the environment are used, else the server's default user.
/// </summary>
internal sealed record ClickHouseAddress(string Host, ushort Port, bool Secure, string Database, string? User, string? Password)
{
    public const string Scheme = "clickhouse://";
    public const string SecureScheme = "clickhouses://";

    public static bool Names(string value) =>
        value.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) || value.StartsWith(SecureScheme, StringComparison.OrdinalIgnoreCase);

    /// <summary>The address in <paramref name="value"/>; a malformed one is an option error that does not repeat it (it may hold a password).</summary>
    public static ClickHouseAddress Parse(string value, Func<string, string?> environment)
    {
        var secure = value.StartsWith(SecureScheme, StringComparison.OrdinalIgnoreCase);
        if (!Uri.TryCreate((secure ? "https://" : "http://") + value[(secure ? SecureScheme : Scheme).Length..], UriKind.Absolute, out var uri)
            || string.IsNullOrEmpty(uri.Host))
            throw new OptionException(OptionNames.Database, "a ClickHouse address reads clickhouse://host:8123/database (user and password in CLICKHOUSE_USER and CLICKHOUSE_PASSWORD)");
        string? user = null, password = null;
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            user = Uri.UnescapeDataString(parts[0]);
            password = parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : null;
        }
        else
        {
            user = environment("CLICKHOUSE_USER") is { Length: > 0 } u ? u : null;
            password = environment("CLICKHOUSE_PASSWORD");
        }
        var database = Uri.UnescapeDataString(uri.AbsolutePath.Trim('/'));
        var port = uri.IsDefaultPort ? (ushort)(secure ? 8443 : 8123) : (ushort)uri.Port;
        return new ClickHouseAddress(uri.Host, port, secure, database.Length > 0 ? database : "default", user, password);
    }

    /// <summary>How messages name the server: host, port and database, never the user or the password.</summary>
    public override string ToString() => $"{Host}:{Port}/{Database}";
}
