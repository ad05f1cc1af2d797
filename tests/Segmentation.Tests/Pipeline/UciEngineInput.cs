using Segmentation.Prepare.Engine;
using Segmentation.Prepare.Sources;

namespace Segmentation.Tests.Pipeline;

/// <summary>The UCI CSV.gz as the embedded engine reads it (as <c>FileEngineRead</c> binds it): its relation and the values its FROM clause reads.</summary>
internal static class UciEngineInput
{
    public static (string Path, SourceRelation Relation, (string, object?)[] Source) Csv()
    {
        var path = TestPaths.RealFile("online_retail.csv.gz");
        IReadOnlyList<string> header;
        using (var stream = TransactionReader.Open(path, IngestOptions.Default)) header = stream.Header;
        var (from, column) = DuckDbEngine.Csv(header.Count, gzipped: true);
        var relation = SourceRelation.Bind(path, from, ResolvedColumns.Resolve(path, header, IngestOptions.Default), column);
        return (path, relation, [("path", path), ("delim", ",")]);
    }
}
