using System.IO.Compression;
using DuckDB.NET.Data;
using Npgsql;
using Segmentation.Prepare.Sources;

namespace Segmentation.Tests.RealData;

/// <summary>
/// The UCI rows in two databases, each loaded by the database itself from the shared CSV.gz (never through our
/// readers): a PostgreSQL database of its own on the test server (SEGMENTATION_TEST_POSTGRES, which ./test.sh
/// sets after starting a throwaway cluster), dropped afterwards, and a DuckDB file. Each holds the rows twice:
/// <c>online_retail</c> with typed columns (integer, numeric, timestamp), as a warehouse keeps them, and
/// <c>online_retail_text</c> with every column text, as a raw staging table does.
/// </summary>
public sealed class DatabaseFixture : IDisposable
{
    public const string Typed = "online_retail";
    public const string Text = "online_retail_text";

    private readonly string _server;
    private readonly string _database = $"segmentation_test_{Guid.NewGuid():N}";
    private readonly TempFolder _folder = new();

    public DatabaseFixture()
    {
        _server = Environment.GetEnvironmentVariable("SEGMENTATION_TEST_POSTGRES") is { Length: > 0 } server ? server
            : throw new InvalidOperationException(
                "The database tests need a PostgreSQL server: run ./test.sh, which starts a throwaway one, or set SEGMENTATION_TEST_POSTGRES to a connection string.");
        Execute(_server, $"CREATE DATABASE {_database}");
        PostgreSql = new NpgsqlConnectionStringBuilder(_server) { Database = _database }.ConnectionString;
        var csv = Unzipped(TestPaths.RealFile("online_retail.csv.gz"));
        Execute(PostgreSql, $"""
            CREATE TABLE {Typed} ("InvoiceNo" text, "StockCode" text, "Description" text, "Quantity" integer, "InvoiceDate" timestamp,
                "UnitPrice" numeric(12,3), "CustomerID" integer, "Country" text);
            CREATE TABLE {Text} ("InvoiceNo" text, "StockCode" text, "Description" text, "Quantity" text, "InvoiceDate" text,
                "UnitPrice" text, "CustomerID" text, "Country" text);
            """);
        foreach (var table in new[] { Typed, Text }) CopyInto(table, csv);

        DuckDbFile = _folder.File("online_retail.duckdb");
        using var duck = new DuckDBConnection($"DataSource={DuckDbFile}");
        duck.Open();
        using var command = duck.CreateCommand();
        command.CommandText = $"""
            CREATE TABLE {Typed} AS SELECT * FROM read_csv($path, header = true, columns = {"{"}'InvoiceNo': 'VARCHAR', 'StockCode': 'VARCHAR',
                'Description': 'VARCHAR', 'Quantity': 'INTEGER', 'InvoiceDate': 'TIMESTAMP', 'UnitPrice': 'DECIMAL(12,3)', 'CustomerID': 'INTEGER', 'Country': 'VARCHAR'{"}"});
            CREATE TABLE {Text} AS SELECT * FROM read_csv($path, header = true, all_varchar = true);
            """;
        command.Parameters.Add(new DuckDBParameter("path", csv));
        command.ExecuteNonQuery();
    }

    /// <summary>The connection string of the test's own PostgreSQL database.</summary>
    public string PostgreSql { get; }

    public string DuckDbFile { get; }

    public DatabaseInput Input(DatabaseProvider provider, string table) =>
        DatabaseInput.Parse(provider == DatabaseProvider.PostgreSql ? PostgreSql : DuckDbFile, table, null);

    /// <summary>Runs SQL on the test database (a table the test makes).</summary>
    public void Execute(string sql) => Execute(PostgreSql, sql);

    private string Unzipped(string gz)
    {
        var path = _folder.File("online_retail.csv");
        using var input = new GZipStream(File.OpenRead(gz), CompressionMode.Decompress);
        using var output = File.Create(path);
        input.CopyTo(output);
        return path;
    }

    private void CopyInto(string table, string csv)
    {
        using var connection = new NpgsqlConnection(PostgreSql);
        connection.Open();
        using var writer = connection.BeginTextImport($"COPY {table} FROM STDIN (FORMAT csv, HEADER true)");
        using var reader = File.OpenText(csv);
        var buffer = new char[1 << 16];
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0) writer.Write(buffer, 0, read);
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        Execute(_server, $"DROP DATABASE IF EXISTS {_database} WITH (FORCE)");
        _folder.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class DatabaseCollection : ICollectionFixture<DatabaseFixture>, ICollectionFixture<RealDataFixture>
{
    public const string Name = "databases";
}
