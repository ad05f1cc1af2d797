using Segmentation.App;
using Segmentation.Report;

namespace Segmentation.Tests.Report;

/// <summary>The report's own limits are checked where every other option is, and named as options, before anything is drawn.</summary>
[Collection(RealDataCollection.Name)]
public sealed class ReportSettingsTests(RealDataFixture data)
{
    [Theory]
    [InlineData(0, 200_000, OptionNames.PlottedCustomers)]
    [InlineData(-5, 200_000, OptionNames.PlottedCustomers)]
    [InlineData(20_000, 0, OptionNames.ListedCustomers)]
    public void A_limit_below_one_customer_is_refused_by_name(int plotted, int listed, string option)
    {
        var settings = new ReportSettings { PlottedCustomers = plotted, ListedCustomers = listed };

        var e = Assert.Throws<OptionException>(() => SegmentationApp.Report(data.Run, settings));
        Assert.Equal(option, e.Option);
        Assert.Contains("must be at least 1", e.Reason, StringComparison.Ordinal);
        Assert.Equal(option, Assert.Throws<OptionException>(() => OptionsValidator.Validate(new PublishOptions { Folder = "x", Report = settings })).Option);
    }

    [Fact]
    public void One_customer_plotted_and_listed_is_a_report_of_a_sample_that_says_so()
    {
        var report = SegmentationApp.Report(data.Run, new ReportSettings { PlottedCustomers = 1, ListedCustomers = 1 });

        Assert.False(report.ListsCustomers);
        // At least one point for every segment, so each stays on the chart.
        Assert.Equal(report.Profiles.Count, report.Plotted.Count);
        Assert.StartsWith("A random", report.PlottedWho, StringComparison.Ordinal);
    }
}
