using DuckDB.NET.Data;
using Microsoft.Data.Sqlite;
using Segmentation.Tests;

namespace Segmentation.Cli.Tests;

/// <summary><c>run --db</c>: a DuckDB file's table gives the run its CSV gives, and the history names it without the connection.</summary>
[Trait(Tier.Name, Tier.Full)]
public sealed class DatabaseInputCommandTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_duckdb_table_gives_the_same_segments_as_its_csv_and_is_left_unchanged()
    {
        var csv = _dir.File("sample.csv");
        Assert.Equal(0, Cli.Run("export", "--sample", "--out", csv).ExitCode);
        var database = _dir.File("shop.duckdb");
        using (var connection = new DuckDBConnection($"DataSource={database}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE sales AS SELECT * FROM read_csv($path, header = true)";
            command.Parameters.Add(new DuckDBParameter("path", csv));
            command.ExecuteNonQuery();
        }
        var before = File.ReadAllBytes(database);

        var fromCsv = Cli.Run("run", "--input", csv, "--out", _dir.File("csv"), "--no-report", "--no-history");
        var fromTable = Cli.Run("run", "--db", database, "--table", "sales", "--out", _dir.File("table"), "--no-report", "--history", _dir.File("history.db"));
        var again = Cli.Run("run", "--db", database, "--table", "sales", "--out", _dir.File("again"), "--no-report", "--history", _dir.File("history.db"));

        Assert.Equal((0, 0, 0), (fromCsv.ExitCode, fromTable.ExitCode, again.ExitCode));
        Assert.Equal(File.ReadAllText(_dir.File("csv/customer_segments.csv")), File.ReadAllText(_dir.File("table/customer_segments.csv")));
        Assert.Equal(before, File.ReadAllBytes(database));
        var recorded = History(_dir.File("history.db"));
        Assert.Equal(2, recorded.Count);
        Assert.All(recorded, r => Assert.Equal("DuckDB shop.duckdb table sales", r.Input));
        // The same rows give the same fingerprint: a SHA-256 of what was read.
        Assert.Matches("^[0-9a-f]{64}$", recorded[0].Sha);
        Assert.Equal(recorded[0].Sha, recorded[1].Sha);
    }

    [Fact]
    public void A_table_that_is_not_there_is_one_line_naming_the_flag_and_nothing_is_written()
    {
        var database = _dir.File("empty.duckdb");
        using (var connection = new DuckDBConnection($"DataSource={database}"))
        {
            connection.Open();
        }

        var result = Cli.Run("run", "--db", database, "--table", "sales", "--out", _dir.File("run"), "--no-history");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.StartsWith("error: DuckDB empty.duckdb table sales: the table cannot be read (", result.Error, StringComparison.Ordinal);
        Assert.Contains("(see --table)", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
        Assert.False(Directory.Exists(_dir.File("run")));
    }

    [Fact]
    public void A_connection_string_variable_that_is_not_set_is_a_command_line_error()
    {
        var result = Cli.Run("run", "--db", "env:SEGMENTATION_TEST_UNSET_VARIABLE", "--table", "sales", "--out", _dir.File("run"));

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--db: the environment variable 'SEGMENTATION_TEST_UNSET_VARIABLE' is not set", result.Error, StringComparison.Ordinal);
    }

    private static List<(string Input, string Sha)> History(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT input, input_sha256 FROM runs ORDER BY id";
        using var reader = command.ExecuteReader();
        var rows = new List<(string, string)>();
        while (reader.Read()) rows.Add((reader.GetString(0), reader.GetString(1)));
        return rows;
    }
}
