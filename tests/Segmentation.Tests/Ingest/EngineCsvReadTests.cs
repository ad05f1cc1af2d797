using DuckDB.NET.Data;
using Segmentation.Prepare;
using Segmentation.Prepare.Engine;

namespace Segmentation.Tests.Ingest;

/// <summary>
/// The engine's read of a CSV types the numbers as it reads them: it must read exactly what the statement's cast of
/// the text reads, to the same value, and fail where the cast gives NULL (either way the row readers then name the value).
/// </summary>
public sealed class EngineCsvReadTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("2.55")]
    [InlineData("-12")]
    [InlineData(" 7 ")]
    [InlineData("+3")]
    [InlineData(".5")]
    [InlineData("5.")]
    [InlineData("1e3")]
    [InlineData("1.5e-2")]
    [InlineData("1.1234567")]
    [InlineData("\"4\"")]
    [InlineData("abc")]
    [InlineData("0x10")]
    [InlineData("nan")]
    [InlineData("inf")]
    [InlineData("   ")]
    [InlineData("5-")]
    [InlineData("1 000")]
    [InlineData("1.5.2")]
    [InlineData("12345678901234.5")]
    public void A_number_read_typed_is_what_the_cast_of_its_text_gives_and_fails_where_that_is_null(string text)
    {
        var path = _dir.Write("n.csv", $"Key,Value\nx,{text}\n");
        using var engine = PreparationStatement.Engine(PrepareOptions.Default);
        var (asText, _) = DuckDbEngine.Csv(2, gzipped: false, numbers: []);
        var (typed, _) = DuckDbEngine.Csv(2, gzipped: false, numbers: [1]);

        var cast = Scalar(engine, $"SELECT CAST({SqlDialect.DuckDb.TryNumber("c1")} AS VARCHAR) FROM {asText}", path);

        if (cast is null) Assert.Throws<DuckDBException>(() => Scalar(engine, $"SELECT CAST(c1 AS VARCHAR) FROM {typed}", path));
        else Assert.Equal(cast, Scalar(engine, $"SELECT CAST(c1 AS VARCHAR) FROM {typed}", path));
    }

    private static string? Scalar(DuckDbEngine engine, string sql, string path)
    {
        using var command = engine.Command(sql, ("path", path), ("delim", ","));
        return command.ExecuteScalar() as string;
    }
}
