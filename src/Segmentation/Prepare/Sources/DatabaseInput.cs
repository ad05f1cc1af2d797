namespace Segmentation.Prepare.Sources;

/// <summary>The database engines a table or query can be read from.</summary>
public enum DatabaseProvider
{
    /// <summary>A PostgreSQL server, through Npgsql: the cleaning and RFM run on the server.</summary>
    PostgreSql,

    /// <summary>A DuckDB database file, opened read-only by the embedded engine.</summary>
    DuckDb,

    /// <summary>A ClickHouse server (one, or the entry to a cluster's Distributed tables), through its HTTP interface.</summary>
    ClickHouse,
}

/// <summary>
/// Transactions in a database: a table (<c>sales</c> or <c>schema.sales</c>) or a query the user wrote, on a
/// PostgreSQL or ClickHouse server or in a DuckDB file. The connection string is a secret: it is never part of
/// <see cref="Describe"/>, of a message or of the history.
/// </summary>
public sealed record DatabaseInput
{
    private DatabaseInput(DatabaseProvider provider, string connection, string? table, string? query, ClickHouseAddress? clickHouse = null)
    {
        Provider = provider;
        ClickHouse = clickHouse;
        Connection = connection;
        Table = table;
        Query = query;
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The ADO.NET connection string (PostgreSQL) or the database file (DuckDB).</summary>
    public string Connection { get; }

    public string? Table { get; }
    public string? Query { get; }

    /// <summary>The server, for <see cref="DatabaseProvider.ClickHouse"/>.</summary>
    internal ClickHouseAddress? ClickHouse { get; }

    /// <summary>
    /// The input <c>--db</c>, <c>--table</c> and <c>--query</c> name. <paramref name="db"/> is a DuckDB database file
    /// (a path ending .duckdb, .ddb or .db, or any existing file), a PostgreSQL connection string
    /// (<c>Host=...;Database=...</c>) or a ClickHouse address (<c>clickhouse://host:8123/database</c>, see
    /// <see cref="ClickHouseAddress"/>); <c>env:NAME</c> takes any of them from the environment variable NAME.
    /// </summary>
    public static DatabaseInput Parse(string db, string? table, string? query, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        if ((table is null) == (query is null)) throw new OptionException(OptionNames.Table, $"name the transactions with either {OptionException.Ref(OptionNames.Table)} NAME or {OptionException.Ref(OptionNames.Query)} SQL");
        if (table is not null && string.IsNullOrWhiteSpace(table)) throw new OptionException(OptionNames.Table, "the table name is empty");
        if (query is not null && string.IsNullOrWhiteSpace(query)) throw new OptionException(OptionNames.Query, "the query is empty");

        var value = db;
        if (db.StartsWith("env:", StringComparison.Ordinal))
        {
            var name = db["env:".Length..];
            value = environment(name) is { Length: > 0 } set ? set
                : throw new OptionException(OptionNames.Database, $"the environment variable '{name}' is not set");
        }
        if (string.IsNullOrWhiteSpace(value)) throw new OptionException(OptionNames.Database, "the database is empty");
        value = value.Trim();
        table = table?.Trim();
        query = query?.Trim().TrimEnd(';').TrimEnd();
        return ClickHouseAddress.Names(value)
            ? new DatabaseInput(DatabaseProvider.ClickHouse, value, table, query, ClickHouseAddress.Parse(value, environment))
            : new DatabaseInput(ProviderOf(value), value, table, query);
    }

    private static DatabaseProvider ProviderOf(string value)
    {
        var extension = System.IO.Path.GetExtension(value).ToLowerInvariant();
        if (extension is ".duckdb" or ".ddb" or ".db" || System.IO.File.Exists(value)) return DatabaseProvider.DuckDb;
        if (value.Contains('=', StringComparison.Ordinal)) return DatabaseProvider.PostgreSql;
        // The value may be a password-bearing string with a typo: it is not repeated in the message.
        throw new OptionException(OptionNames.Database,
            "give a DuckDB database file (.duckdb), a PostgreSQL connection string (Host=...;Database=...;Username=...) or a ClickHouse address (clickhouse://host:8123/database), or env:NAME to take it from a variable");
    }

    /// <summary>How messages and the history name the input: the provider and the table or the query, never the connection.</summary>
    public string Describe()
    {
        var engine = Provider switch
        {
            DatabaseProvider.PostgreSql => "PostgreSQL",
            DatabaseProvider.ClickHouse => "ClickHouse",
            _ => $"DuckDB {System.IO.Path.GetFileName(Connection)}",
        };
        return Table is not null ? $"{engine} table {Table}" : $"{engine} query ({Query!.ReplaceLineEndings(" ")})";
    }

    /// <summary>The option a table or query that fails in the database is put right by.</summary>
    internal string FailingOption => Table is not null ? OptionNames.Table : OptionNames.Query;

    /// <summary>
    /// The FROM clause: the table's name with each dotted part quoted (so no name can break out of it), or the
    /// user's own query as a subquery. The query runs with the connection's rights, read-only (a read-only transaction;
    /// ClickHouse's readonly setting).
    /// </summary>
    internal string From => Provider == DatabaseProvider.ClickHouse
        ? (Table is not null ? Engine.ClickHouseSql.TableName(Table) : $"({Query})")
        : Table is not null ? string.Join(".", Table.Split('.').Select(Quote)) : $"({Query}) AS source";

    private static string Quote(string part)
    {
        var name = part.Trim();
        // Already quoted by the user ("Sales Lines"): taken as written, quotes checked by the database.
        if (name.Length >= 2 && name[0] == '"' && name[^1] == '"') name = name[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal);
        return "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
