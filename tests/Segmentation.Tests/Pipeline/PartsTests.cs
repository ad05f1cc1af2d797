using Segmentation.Prepare;
using Segmentation.Prepare.Engine;

namespace Segmentation.Tests.Pipeline;

/// <summary>
/// An input too large for the engine's memory is prepared in parts of the customers, staged once and one statement each:
/// the parts' results add up to the whole statement's, on the real rows, under every cleaning that looks across rows.
/// </summary>
[Trait(Tier.Name, Tier.Full)]
public sealed class PartsTests
{
    private static PreparationResult Prepare(CleaningOptions cleaning, int parts)
    {
        var (_, relation, source) = UciEngineInput.Csv();
        var options = PrepareOptions.Default with { Cleaning = cleaning };
        using var engine = PreparationStatement.Engine(options);
        return parts == 1
            ? PreparationStatement.Run(engine, relation, options, source, progress: null, rows: null).Result
            : PreparationStatement.InParts(engine, relation, options, source, parts, PreparationQuery.Rules(relation, cleaning));
    }

    public static TheoryData<string> Cleanings => ["standard", "drop duplicates", "net cancellations, no fees, as of 2011-09-01"];

    private static CleaningOptions Cleaning(string name) => name switch
    {
        "drop duplicates" => CleaningOptions.Default with { DropDuplicates = true },
        "net cancellations, no fees, as of 2011-09-01" => CleaningOptions.Default with
        {
            NetCancellations = true, ExcludedProducts = CleaningOptions.OnlineRetailNonProducts, Before = new DateTime(2011, 9, 1),
        },
        _ => CleaningOptions.Default,
    };

    [Theory]
    [MemberData(nameof(Cleanings))]
    public void Parts_add_up_to_the_whole_statement(string cleaningName)
    {
        var cleaning = Cleaning(cleaningName);
        var whole = Prepare(cleaning, 1);

        foreach (var parts in new[] { 3, 8 })
        {
            var inParts = Prepare(cleaning, parts);
            Assert.Equal(
                (whole.RowsIn, whole.RowsOut, whole.Repeats, whole.Reduced, whole.Invoices, whole.Revenue, whole.FirstKept, whole.LastKept, whole.FirstAny, whole.LastAny),
                (inParts.RowsIn, inParts.RowsOut, inParts.Repeats, inParts.Reduced, inParts.Invoices, inParts.Revenue, inParts.FirstKept, inParts.LastKept, inParts.FirstAny, inParts.LastAny));
            foreach (var rule in Enum.GetValues<DropReason>()) Assert.Equal(whole.Removed(rule), inParts.Removed(rule));
            Assert.Equal(whole.Rfm(null).Customers, inParts.Rfm(null).Customers);
            var (a, b) = (whole.Sales(), inParts.Sales());
            Assert.Equal(a.Months, b.Months);
            Assert.Equal(a.Countries, b.Countries);
            Assert.Equal(a.TopProducts, b.TopProducts);
        }
        // The standard cleaning's figures, so that "the same" is not two empty results.
        if (cleaningName == "standard") Assert.Equal((5_268L, 4_338), (whole.Repeats, whole.Customers));
    }

    [Theory]
    [InlineData(10_000_000L, 2048, 1)]
    [InlineData(100_000_000L, 2048, 5)]
    [InlineData(100_000_000L, 512, 20)]
    [InlineData(null, 2048, 1)]
    public void An_input_is_split_into_as_many_parts_as_its_rows_need(long? rows, int memory, int parts) =>
        Assert.Equal(parts, PreparationStatement.PartsFor(rows, memory));
}
