using System.Globalization;
using nietras.SeparatedValues;

namespace Segmentation.Tests.WriteBack;

/// <summary>A written-back table's rows (as text, NULL as null) against the customer file of the same run.</summary>
internal static class WrittenTable
{
    /// <summary>A run quick enough to write back several times in a test: k up to 6, no stability refits.</summary>
    public static Segmentation.Runs.SegmentationOptions Quick { get; } = Segmentation.Runs.SegmentationOptions.Default with
    {
        Clustering = Segmentation.Runs.SegmentationOptions.Default.Clustering with { KMax = 6, StabilityResamples = 0 },
    };

    /// <summary>Rows (customer, value) from a writer that dies after 200,000 of them, as a killed process would.</summary>
    public static IEnumerable<object?[]> RowsThatDie()
    {
        for (var i = 0; ; i++)
        {
            if (i == 200_000) throw new IOException("the writer was killed");
            yield return [$"new{i}", -i];
        }
    }

    public static string[] Header(string csv)
    {
        using var reader = Sep.Reader().FromFile(csv);
        return [.. reader.Header.ColNames];
    }

    /// <summary>
    /// Every row equals the CSV's, value by value (numbers compared as numbers, yes/no as 1/0 or true/false, an empty
    /// field as NULL), with the run's history id in the last column.
    /// </summary>
    public static void AssertEqualsCsv(IReadOnlyList<string?[]> rows, string csv, long? runId)
    {
        using var reader = Sep.Reader().FromFile(csv);
        var header = reader.Header.ColNames.ToArray();
        var expected = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var row in reader)
        {
            var values = new string[header.Length];
            for (var i = 0; i < values.Length; i++) values[i] = row[i].ToString();
            expected[Segmentation.IO.Csv.ReadField(values[0])] = values;
        }

        Assert.Equal(expected.Count, rows.Count);
        foreach (var row in rows)
        {
            var id = row[0]!;
            var want = expected[id];
            for (var i = 1; i < header.Length; i++) Assert.True(Same(want[i], row[i]), $"{id}, {header[i]}: '{want[i]}' in the CSV, '{row[i]}' in the table");
            Assert.Equal(runId?.ToString(CultureInfo.InvariantCulture), row[header.Length]);
        }
    }

    private static bool Same(string csv, string? table) => (csv, table) switch
    {
        ("", null) => true,
        ("yes", "1" or "true") or ("no", "0" or "false") => true,
        // Numbers equal as decimals (77183.60 and 77183.600000).
        _ when decimal.TryParse(csv, NumberStyles.Float, CultureInfo.InvariantCulture, out var a) && decimal.TryParse(table, NumberStyles.Float, CultureInfo.InvariantCulture, out var b) => a == b,
        _ => Segmentation.IO.Csv.ReadField(csv) == table,
    };
}
