using Segmentation.Prepare.Sources;

namespace Segmentation.Tests.Ingest;

[Trait(Tier.Name, Tier.Full)]
public sealed class XlsxSheetReaderTests
{
    [Fact]
    public void The_fast_reader_gives_every_cell_of_the_real_workbook_exactly_as_ExcelDataReader_does()
    {
        var path = TestPaths.RealFile("Online_Retail.xlsx");
        using var fast = ExcelTransactionReader.OpenSheet(File.OpenRead(path), path, null);
        using var reference = ExcelTransactionReader.OpenSheet(File.OpenRead(path), path, null, preferFast: false);

        long rows = 0, cells = 0;
        var mismatches = new List<string>();
        while (reference.Read())
        {
            Assert.True(fast.Read(), $"the fast reader ends early, at row {rows + 1}");
            rows++;
            for (var i = 0; i < reference.FieldCount; i++)
            {
                var (a, b) = (reference.GetValue(i), fast.GetValue(i));
                cells++;
                if (!Equals(a, b) && mismatches.Count < 10) mismatches.Add($"row {rows}, column {i}: '{a}' ({a?.GetType().Name}) vs '{b}' ({b?.GetType().Name})");
            }
        }

        Assert.False(fast.Read(), "the fast reader has rows the reference does not");
        Assert.Equal(541_910, rows);
        Assert.Equal(541_910L * 8, cells);
        Assert.Empty(mismatches);
    }
}
