using Segmentation.Clustering.Segments;
using Segmentation.Prepare.Sources;

namespace Segmentation.Runs.Files;

/// <summary>
/// Each customer's result written into a table of the source's database, where the tools that read that database
/// (the marketing stack, dashboards) find it: customer_segments.csv's columns (<see cref="CustomerColumns"/>), then
/// the run's history id and snapshot. The table is replaced as a whole; the one before it stays as TABLE_previous.
/// </summary>
internal static class WriteBack
{
    public const string RunIdColumn = "RunId";
    public const string SnapshotColumn = "Snapshot";

    /// <summary>Writes the customers into <paramref name="table"/>; how many were written.</summary>
    public static long Write(DatabaseInput database, string table, IReadOnlyList<CustomerSegment> customers, long? runId, DateTime snapshot)
    {
        var columns = CustomerColumns.For(customers);
        TableColumn[] schema = [.. columns.Select(c => c.Table), new(RunIdColumn, ColumnType.Integer), new(SnapshotColumn, ColumnType.Timestamp)];
        var rows = customers.Select(c => (object?[])[.. columns.Select(column => column.Value(c)), runId, snapshot]);
        return DatabaseTableWriter.Replace(database, table, schema, rows, OptionNames.WriteBack);
    }
}
