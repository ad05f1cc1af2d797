using System.Data.Common;
using DuckDB.NET.Data;
using Npgsql;

namespace Segmentation.Prepare.Sources;

/// <summary>
/// Connects to the database a <see cref="DatabaseInput"/> names, read-only, and reads its table or query: the
/// columns' names and whether each holds text (for the pushed-down SQL), or every row through the typed row loop
/// (when a value has to be named, or skipped and counted). Rows are numbered from 1 in the order the database
/// returns them for <c>SELECT *</c>: for a table, its scan order, which for a table loaded once is the load order.
/// </summary>
internal static class DatabaseReader
{
    /// <summary>An open, read-only connection. A failure is a one-line message without the connection string.</summary>
    public static DbConnection Connect(DatabaseInput input)
    {
        var name = input.Describe();
        DbConnection? connection = null;
        try
        {
            if (input.Provider == DatabaseProvider.DuckDb)
            {
                if (!File.Exists(input.Connection)) throw new InputException(name, "the database file does not exist");
                var builder = new DuckDBConnectionStringBuilder { DataSource = input.Connection };
                builder["ACCESS_MODE"] = "READ_ONLY";
                connection = new DuckDBConnection(builder.ConnectionString);
                connection.Open();
            }
            else
            {
                connection = new NpgsqlConnection(input.Connection);
                connection.Open();
                // A query can only read, whatever the connection's rights.
                using var command = connection.CreateCommand();
                command.CommandText = "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY";
                command.ExecuteNonQuery();
            }
            return connection;
        }
        catch (Exception e) when (e is not InputException)
        {
            connection?.Dispose();
            throw Unreadable(name, "cannot connect to the database", e, null);
        }
    }

    /// <summary>The result's column names, and whether each holds text (to be parsed) rather than typed values.</summary>
    public static IReadOnlyList<(string Name, bool IsText)> Schema(DbConnection connection, DatabaseInput input)
    {
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {input.From} LIMIT 0";
            using var reader = command.ExecuteReader();
            return Enumerable.Range(0, reader.FieldCount).Select(i => (reader.GetName(i), reader.GetFieldType(i) == typeof(string))).ToArray();
        }
        catch (DbException e)
        {
            throw Failed(input, e, null);
        }
    }

    /// <summary>Every row of the table or query, parsed and checked as a file's rows are.</summary>
    public static TransactionStream Open(DatabaseInput input, IngestOptions options)
    {
        var name = input.Describe();
        if (input.Provider == DatabaseProvider.ClickHouse) return OpenClickHouse(input, options);
        var connection = Connect(input);
        DbCommand? command = null;
        try
        {
            command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {input.From}";
            // A DuckDB file's rows as they are read: without it DuckDB holds the whole result first.
            if (command is DuckDB.NET.Data.DuckDBCommand duckDb) duckDb.UseStreamingMode = true;
            var reader = command.ExecuteReader();
            var owned = command;
            return TypedRowReader.Open(new DataReaderSheet($"the {(input.Table is not null ? "table" : "query's result")}", reader, owned),
                name, options, InputFormat.Database, connection.Dispose, (_, e, row) => e as InputException ?? Failed(input, e, row), headerIsRow: false);
        }
        catch (Exception e) when (e is not InputException)
        {
            command?.Dispose();
            connection.Dispose();
            throw Failed(input, e, null);
        }
    }

    /// <summary>
    /// Every row of a ClickHouse table or query as text: the row readers parse them as a file's. A Distributed table's
    /// rows come in no fixed order; a --query with ORDER BY fixes the numbers its messages give.
    /// </summary>
    private static TransactionStream OpenClickHouse(DatabaseInput input, IngestOptions options)
    {
        var name = input.Describe();
        var option = input.FailingOption;
        var server = ClickHouseServer.Connect(input.ClickHouse!, name);
        try
        {
            var reader = server.Read($"SELECT * FROM {input.From}", option);
            return TypedRowReader.Open(new DataReaderSheet($"the {(input.Table is not null ? "table" : "query's result")}", reader, server),
                name, options, InputFormat.Database, () => { }, (_, e, row) => e as InputException ?? server.Failed("the rows cannot be read", e, option), headerIsRow: false);
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    /// <summary>The table or query failed in the database (a missing table, a syntax error, a write refused).</summary>
    private static InputException Failed(DatabaseInput input, Exception e, long? row) =>
        Unreadable(input.Describe(), input.Table is not null ? "the table cannot be read" : "the query cannot be run", e, row, input.FailingOption);

    private static InputException Unreadable(string name, string what, Exception e, long? row, string option = OptionNames.Database) =>
        new(name, $"{what} ({e.Message.ReplaceLineEndings(" ").Trim()})", row, inner: e, option: option);
}
