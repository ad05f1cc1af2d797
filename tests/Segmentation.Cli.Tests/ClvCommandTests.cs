using Segmentation.Tests;

namespace Segmentation.Cli.Tests;

public sealed class ClvCommandTests
{
    private static readonly string[] CdnowColumns =
    [
        "--customer-column", "customer_id", "--date-column", "date", "--amount-column", "dollar_value", "--no-invoice-column",
        // Eight customers' first purchase is worth 0.00: still a purchase.
        "--keep-nonpositive-price",
    ];

    [Fact]
    public void Clv_on_CDNOW_prints_the_published_fits_and_the_holdout_check_and_writes_a_row_per_customer()
    {
        using var folder = new TempFolder();
        var result = Cli.Run(["clv", "--input", TestPaths.RealFile("cdnow_sample.csv"), .. CdnowColumns, "--calibration-end", "1997-09-30", "--unit", "weeks",
            "--out", folder.File("clv.csv")]);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("Calibration to 1997-09-30: 2,357 customers, 946 bought again (times in weeks)", result.Out, StringComparison.Ordinal);
        Assert.Contains("BG/NBD: r = 0.2426 (0.0126), alpha = 4.4136 (0.3782), a = 0.7929 (0.1857), b = 2.4259 (", result.Out, StringComparison.Ordinal);
        Assert.Contains("Gamma-Gamma: p = 6.2496, q = 3.7442, gamma = 15.4435 on 946 repeat customers", result.Out, StringComparison.Ordinal);
        // The data runs to 1998-06-30: that is the holdout when none is named.
        Assert.Contains("Holdout of 39.0 weeks:", result.Out, StringComparison.Ordinal);
        var lines = File.ReadAllLines(folder.File("clv.csv"));
        Assert.Equal(2358, lines.Length);
        Assert.StartsWith("CustomerID,Frequency,Recency,T,MonetaryValue,PAlive,PNoPurchase90d,ExpectedPurchases90d,ExpectedAverageValue,CLV12m", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_calibration_end_that_is_not_a_day_is_refused_naming_the_flag()
    {
        var result = Cli.Run(["clv", "--input", TestPaths.RealFile("cdnow_sample.csv"), .. CdnowColumns, "--calibration-end", "30/09/1997"]);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: --calibration-end: '30/09/1997' is not a day such as 2011-09-09", result.Error.Trim());
    }
}
