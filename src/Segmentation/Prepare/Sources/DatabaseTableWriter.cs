using System.Globalization;
using System.Text;
using Npgsql;
using NpgsqlTypes;
using Segmentation.Prepare.Engine;

namespace Segmentation.Prepare.Sources;

/// <summary>
/// Replaces a table of the source's database with rows we computed (write-back), atomically: the rows go into a
/// staging table (<c>TABLE__staging</c>), which then takes the table's name, the table before it kept as
/// <c>TABLE_previous</c>. A writer that dies on the way leaves the table as it was. In PostgreSQL all of it is one
/// transaction; in ClickHouse (no transactions) the staging table is complete and counted before one RENAME
/// statement swaps both names. Names are quoted identifiers; values travel as binary COPY (PostgreSQL) or as
/// escaped tab-separated text (ClickHouse): no value is ever SQL. The database's drivers live in this room only.
/// </summary>
internal static class DatabaseTableWriter
{
    public const string PreviousSuffix = "_previous";
    public const string StagingSuffix = "__staging";

    /// <summary>Replaces <paramref name="table"/> (<c>name</c> or <c>schema.name</c>) with the rows; how many were written.</summary>
    public static long Replace(DatabaseInput database, string table, IReadOnlyList<TableColumn> columns, IEnumerable<object?[]> rows, string option)
    {
        var name = TableName.Parse(table, option);
        return database.Provider switch
        {
            DatabaseProvider.PostgreSql => PostgreSql(database, name, columns, rows, option),
            DatabaseProvider.ClickHouse => ClickHouse(database, name, columns, rows, option),
            _ => throw new OptionException(option, "results are written back to a PostgreSQL or ClickHouse database; a DuckDB file is opened read-only"),
        };
    }

    /// <summary>A table's name: an optional schema (PostgreSQL) or database (ClickHouse), and the table.</summary>
    internal sealed record TableName(string? Schema, string Table)
    {
        public static TableName Parse(string text, string option)
        {
            var parts = text.Split('.');
            if (parts.Length > 2 || parts.Any(p => p.Trim().Length == 0)) throw new OptionException(option, "name the table as TABLE or SCHEMA.TABLE");
            return parts.Length == 2 ? new TableName(parts[0].Trim(), parts[1].Trim()) : new TableName(null, parts[0].Trim());
        }

        public TableName With(string suffix) => this with { Table = Table + suffix };

        public string Quoted(Func<string, string> quote) => Schema is null ? quote(Table) : $"{quote(Schema)}.{quote(Table)}";
    }

    private static long PostgreSql(DatabaseInput database, TableName name, IReadOnlyList<TableColumn> columns, IEnumerable<object?[]> rows, string option)
    {
        static string Type(ColumnType t) => t switch
        {
            ColumnType.Text => "text",
            ColumnType.Integer => "bigint",
            ColumnType.Decimal => "numeric",
            ColumnType.Real => "double precision",
            ColumnType.Flag => "boolean",
            ColumnType.Day => "date",
            _ => "timestamp",
        };
        static NpgsqlDbType DbType(ColumnType t) => t switch
        {
            ColumnType.Text => NpgsqlDbType.Text,
            ColumnType.Integer => NpgsqlDbType.Bigint,
            ColumnType.Decimal => NpgsqlDbType.Numeric,
            ColumnType.Real => NpgsqlDbType.Double,
            ColumnType.Flag => NpgsqlDbType.Boolean,
            ColumnType.Day => NpgsqlDbType.Date,
            _ => NpgsqlDbType.Timestamp,
        };
        var quote = SqlDialect.Quote;
        var staging = name.With(StagingSuffix).Quoted(quote);
        try
        {
            using var connection = new NpgsqlConnection(database.Connection);
            connection.Open();
            using var transaction = connection.BeginTransaction();
            void Execute(string sql)
            {
                using var command = new NpgsqlCommand(sql, connection, transaction);
                command.ExecuteNonQuery();
            }
            Execute($"DROP TABLE IF EXISTS {staging}");
            Execute($"CREATE TABLE {staging} ({string.Join(", ", columns.Select(c => $"{quote(c.Name)} {Type(c.Type)}"))})");
            long written = 0;
            using (var writer = connection.BeginBinaryImport($"COPY {staging} ({string.Join(", ", columns.Select(c => quote(c.Name)))}) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var row in rows)
                {
                    writer.StartRow();
                    for (var i = 0; i < columns.Count; i++)
                    {
                        if (row[i] is null) writer.WriteNull();
                        else writer.Write(columns[i].Type == ColumnType.Integer ? Convert.ToInt64(row[i], CultureInfo.InvariantCulture) : row[i]!, DbType(columns[i].Type));
                    }
                    written++;
                }
                writer.Complete();
            }
            Execute($"DROP TABLE IF EXISTS {name.With(PreviousSuffix).Quoted(quote)}");
            Execute($"ALTER TABLE IF EXISTS {name.Quoted(quote)} RENAME TO {quote(name.Table + PreviousSuffix)}");
            Execute($"ALTER TABLE {staging} RENAME TO {quote(name.Table)}");
            transaction.Commit();
            return written;
        }
        catch (Exception e) when (e is NpgsqlException or PostgresException or InvalidOperationException or IOException)
        {
            throw new InputException(database.Describe(), $"cannot write the results into table {name.Quoted(s => s)} ({e.Message.ReplaceLineEndings(" ").Trim()})", inner: e, option: option);
        }
    }

    /// <summary>
    /// Replaces a ClickHouse <paramref name="table"/> with what <paramref name="select"/> gives (its columns in
    /// <paramref name="columns"/>' order), computed and written by the server itself: no row passes through us.
    /// </summary>
    public static long ReplaceFromQuery(DatabaseInput database, string table, IReadOnlyList<TableColumn> columns, string select, string option)
    {
        if (database.Provider != DatabaseProvider.ClickHouse) throw new NotSupportedException("only ClickHouse writes a table from a query here");
        var name = TableName.Parse(table, option);
        using var server = ClickHouseServer.Connect(database.ClickHouse!, database.Describe());
        return ClickHouseSwap(server, database, name, columns, option, staging =>
        {
            server.Execute($"INSERT INTO {staging} ({string.Join(", ", columns.Select(c => ClickHouseSql.Identifier(c.Name)))})\n{select}", option);
            return null;
        });
    }

    private static long ClickHouse(DatabaseInput database, TableName name, IReadOnlyList<TableColumn> columns, IEnumerable<object?[]> rows, string option)
    {
        using var server = ClickHouseServer.Connect(database.ClickHouse!, database.Describe());
        return ClickHouseSwap(server, database, name, columns, option, staging =>
        {
            long written = 0;
            server.Insert($"INSERT INTO {staging} FORMAT TabSeparated", writer =>
            {
                var line = new StringBuilder();
                foreach (var row in rows)
                {
                    line.Clear();
                    for (var i = 0; i < columns.Count; i++)
                    {
                        if (i > 0) line.Append('\t');
                        line.Append(Tsv(row[i], columns[i].Type));
                    }
                    writer.Write(line.Append('\n'));
                    written++;
                }
            }, option);
            return written;
        });
    }

    /// <summary>
    /// A fresh staging table filled by <paramref name="fill"/> (which says how many rows it sent, or null when the
    /// server computed them), counted, then swapped in by one RENAME: the table before becomes TABLE_previous.
    /// </summary>
    private static long ClickHouseSwap(ClickHouseServer server, DatabaseInput database, TableName name, IReadOnlyList<TableColumn> columns, string option, Func<string, long?> fill)
    {
        static string Type(ColumnType t) => t switch
        {
            ColumnType.Text => "Nullable(String)",
            ColumnType.Integer => "Nullable(Int64)",
            // Decimals, for figures too (rounded to at most 6 places before they are written): 18.16 parses a double's
            // text to the next double but one now and then (1.6281 read back as 1.6280999999999999), a decimal exactly.
            ColumnType.Decimal or ColumnType.Real => "Nullable(Decimal(18, 6))",
            ColumnType.Flag => "Nullable(UInt8)",
            ColumnType.Day => "Nullable(Date)",
            _ => "Nullable(DateTime)",
        };
        var quote = ClickHouseSql.Identifier;
        var table = name.Quoted(quote);
        var staging = name.With(StagingSuffix).Quoted(quote);
        var previous = name.With(PreviousSuffix).Quoted(quote);
        server.Execute($"DROP TABLE IF EXISTS {staging}", option);
        server.Execute($"CREATE TABLE {staging} ({string.Join(", ", columns.Select(c => $"{quote(c.Name)} {Type(c.Type)}"))}) ENGINE = MergeTree() ORDER BY tuple()", option);
        var sent = fill(staging);
        var stored = server.Scalar($"SELECT count() FROM {staging}", option);
        if (sent is { } written && stored != written)
            throw new InputException(database.Describe(), $"the staging table {staging} holds {stored:N0} rows where {written:N0} were sent; the table {table} is unchanged", option: option);
        var exists = server.Scalar($"EXISTS TABLE {table}", option) == 1;
        server.Execute($"DROP TABLE IF EXISTS {previous}", option);
        server.Execute(exists ? $"RENAME TABLE {table} TO {previous}, {staging} TO {table}" : $"RENAME TABLE {staging} TO {table}", option);
        return stored;
    }

    /// <summary>A value in ClickHouse's TabSeparated form: \N for NULL, text escaped, numbers invariant, flags 1 or 0.</summary>
    internal static string Tsv(object? value, ColumnType type) => value switch
    {
        null => @"\N",
        string text => ClickHouseSql.TabSeparated(text),
        bool b => b ? "1" : "0",
        double d => double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : @"\N",
        DateTime t => t.ToString(type == ColumnType.Day ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => ClickHouseSql.TabSeparated(value.ToString() ?? ""),
    };
}
