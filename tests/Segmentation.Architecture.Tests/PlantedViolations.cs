// One violation of each wall, planted where the architecture rules can read it: each rule must fail on this
// assembly, or it would be passing for the wrong reason. Nothing here is called.
#pragma warning disable CA1812, IDE0051

namespace Segmentation.Prepare.Planted
{
    /// <summary>Prepare uses a later room.</summary>
    internal sealed class UsesARun { public Segmentation.Runs.SegmentationRun? Run { get; init; } }
}

namespace Segmentation.Lifetime.Planted
{
    internal sealed class UsesClustering { public Segmentation.Clustering.ClusteringOptions? Options { get; init; } }
}

namespace Segmentation.Clustering.Planted
{
    internal sealed class UsesRunsAndEngines
    {
        public Segmentation.Runs.SegmentationOptions? Options { get; init; }
        public DuckDB.NET.Data.DuckDBConnection? DuckDb { get; init; }
        public Npgsql.NpgsqlConnection? Postgres { get; init; }
        public ClickHouse.Driver.ClickHouseClient? ClickHouse { get; init; }
        public ExcelDataReader.IExcelDataReader? Excel { get; init; }
        public Microsoft.Data.Sqlite.SqliteConnection? History { get; init; }
    }
}

namespace Segmentation.Lifetime.Planted
{
    /// <summary>A core message in a door's spelling.</summary>
    internal static class SpellsAFlag
    {
        public static string Reason() => "give a date with --as-of";
    }
}

namespace Segmentation.Runs.Planted
{
    internal sealed class UsesTheReport
    {
        public Segmentation.Report.ReportModel? Report { get; init; }
        public Microsoft.ML.MLContext? MlNet { get; init; }
    }
}

namespace Segmentation.Audiences.Planted
{
    internal sealed class UsesTheReport { public Segmentation.Report.ReportModel? Report { get; init; } }
}

namespace Segmentation.Report.Planted
{
    internal sealed class UsesTheApplicationLayer { public Segmentation.App.PublishOptions? Publish { get; init; } }
}

namespace Segmentation.Formatting.Planted
{
    internal sealed class UsesARoom { public Segmentation.Prepare.RfmTable? Rfm { get; init; } }
}

namespace Segmentation.Pipeline.Planted
{
    /// <summary>A namespace that is neither a room nor the foundation.</summary>
    internal sealed class Homeless;
}
