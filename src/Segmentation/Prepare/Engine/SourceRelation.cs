using Segmentation.Prepare.Sources;

namespace Segmentation.Prepare.Engine;

/// <summary>How a source column's values reach the engine's types.</summary>
internal enum ColumnKind
{
    /// <summary>Text to be parsed (a CSV cell, a text column of a table).</summary>
    Text,

    /// <summary>Typed by the source (a Parquet double, a database's integer or timestamp): converted, never parsed.</summary>
    Typed,

    /// <summary>Already the engine's value (rows the row readers parsed and appended, rows staged typed): used as it is.</summary>
    Ready,
}

/// <summary>A column of the source as the SQL names it, and how its values are read.</summary>
internal sealed record SourceColumn(string Sql, ColumnKind Kind);

/// <summary>
/// The rows the preparation SQL reads: a FROM clause (a file read by DuckDB, a table, a query) and the column
/// that holds each field, null where the source has none. With <see cref="Amount"/>, the line amount is that
/// column; without it, quantity times unit price.
/// </summary>
internal sealed record SourceRelation(
    string Name,
    string From,
    SourceColumn Customer,
    SourceColumn? Invoice,
    SourceColumn Date,
    SourceColumn? Quantity,
    SourceColumn? UnitPrice,
    SourceColumn? Amount,
    SourceColumn? StockCode,
    SourceColumn? Description,
    SourceColumn? Country)
{
    /// <summary>The columns the statement reads, in the order of the fields.</summary>
    public IEnumerable<SourceColumn> Columns() =>
        new[] { Customer, Invoice, Date, Quantity, UnitPrice, Amount, StockCode, Description, Country }.OfType<SourceColumn>();

    /// <summary>Binds a source's columns by the mapping: <paramref name="column"/> gives the SQL and kind of the header's i-th column.</summary>
    public static SourceRelation Bind(string name, string from, ResolvedColumns columns, Func<int, SourceColumn> column) =>
        OfFields(name, from, [.. new[]
        {
            columns.Customer, columns.Invoice, columns.Date, columns.Quantity, columns.UnitPrice,
            columns.Amount, columns.StockCode, columns.Description, columns.Country,
        }.Select(i => i < 0 ? null : column(i))]);

    /// <summary>A relation from its columns in the order of the fields (as <see cref="Columns"/> lists them), null where the source has none.</summary>
    public static SourceRelation OfFields(string name, string from, IReadOnlyList<SourceColumn?> fields) =>
        new(name, from, fields[0]!, fields[1], fields[2]!, fields[3], fields[4], fields[5], fields[6], fields[7], fields[8]);
}
