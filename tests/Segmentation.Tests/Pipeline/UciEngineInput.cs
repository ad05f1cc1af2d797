using Segmentation.Prepare;
using Segmentation.Prepare.Engine;
using Segmentation.Prepare.Sources;

namespace Segmentation.Tests.Pipeline;

/// <summary>The UCI CSV.gz as the embedded engine reads it (as <c>FileEngineRead</c> binds it): its relation and the values its FROM clause reads.</summary>
internal static class UciEngineInput
{
    public static (string Path, SourceRelation Relation, (string, object?)[] Source) Csv()
    {
        var path = TestPaths.RealFile("online_retail.csv.gz");
        ResolvedColumns columns;
        using (var stream = TransactionReader.Open(path, IngestOptions.Default)) columns = stream.Columns;
        var relation = FileEngineRead.CsvRelation(path, columns, gzipped: true);
        return (path, relation, [("path", path), ("delim", ",")]);
    }
}
