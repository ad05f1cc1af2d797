using Segmentation.App;
using Segmentation.Prepare;
using Segmentation.Report;

namespace Segmentation.Tests.Report;

[Collection(RealDataCollection.Name)]
public sealed class CurrencyTests(RealDataFixture data) : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_uci_amounts_are_in_pounds_because_most_revenue_is_from_the_united_kingdom()
    {
        var report = SegmentationApp.Report(data.Run);

        Assert.Equal("GBP", report.Settings.CurrencyCode);
        Assert.Contains("worth £8,", report.Headline.Overview, StringComparison.Ordinal);
        Assert.Contains("Amounts are in GBP (the currency of United Kingdom, the country with the most revenue).", report.Method[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_currency_asked_for_is_used_with_its_symbol_or_the_one_given()
    {
        var euros = SegmentationApp.Report(data.Run, new ReportSettings { CurrencyCode = "EUR" });
        var francs = SegmentationApp.Report(data.Run, new ReportSettings { CurrencyCode = "CHF", Currency = "Fr." });

        Assert.Contains("worth €8,", euros.Headline.Overview, StringComparison.Ordinal);
        Assert.Contains("Amounts are in EUR (as asked).", euros.Method[0], StringComparison.Ordinal);
        Assert.Contains("worth Fr.8,", francs.Headline.Overview, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_country_the_amounts_are_plain_numbers_and_the_report_says_the_currency_is_not_known()
    {
        var lines = new List<string> { "customer_id,order_id,order_date,amount" };
        for (var c = 0; c < 40; c++) lines.Add($"C{c},{c},2011-0{1 + c % 9}-1{c % 10} 10:00,{10 + c * 3}.50");
        var run = SegmentationApp.Segment(TransactionSource.File(_dir.Write("plain.csv", string.Join("\n", lines) + "\n")));

        var report = SegmentationApp.Report(run);

        Assert.Null(report.Settings.CurrencyCode);
        Assert.Contains("orders worth 2,760 ", report.Headline.Overview, StringComparison.Ordinal);
        Assert.Contains("The currency is not known: amounts are in the data's own currency.", report.Method[0], StringComparison.Ordinal);
    }
}
