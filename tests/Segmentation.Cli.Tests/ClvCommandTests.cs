using Segmentation.Tests;

namespace Segmentation.Cli.Tests;

[Trait(Tier.Name, Tier.Full)]
public sealed class ClvCommandTests
{
    private static readonly string[] CdnowColumns =
    [
        "--customer-column", "customer_id", "--date-column", "date", "--amount-column", "dollar_value", "--no-invoice-column",
        // Eight customers' first purchase is worth 0.00: still a purchase.
        "--keep-nonpositive-price",
    ];

    /// <summary><c>clv</c> on the CDNOW sample calibrated to 1997-09-30 (the published split), writing clv.csv into <paramref name="folder"/>.</summary>
    private static Cli.Result ClvOnCdnow(TempFolder folder, params string[] options) =>
        Cli.Run(["clv", "--input", TestPaths.RealFile("cdnow_sample.csv"), .. CdnowColumns, "--calibration-end", "1997-09-30", .. options, "--out", folder.File("clv.csv")]);

    [Fact]
    public void Clv_on_CDNOW_prints_the_published_fits_and_the_holdout_check_and_writes_a_row_per_customer()
    {
        using var folder = new TempFolder();
        var result = ClvOnCdnow(folder, "--unit", "weeks");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("Calibration to 1997-09-30: 2,357 customers, 946 bought again (times in weeks)", result.Out, StringComparison.Ordinal);
        Assert.Contains("BG/NBD: r = 0.2426 (0.0126), alpha = 4.4136 (0.3782), a = 0.7929 (0.1857), b = 2.4259 (", result.Out, StringComparison.Ordinal);
        Assert.Contains("Gamma-Gamma: p = 6.2496, q = 3.7442, gamma = 15.4435 on 946 repeat customers", result.Out, StringComparison.Ordinal);
        // The data runs to 1998-06-30: that is the holdout when none is named.
        Assert.Contains("Holdout of 39.0 weeks:", result.Out, StringComparison.Ordinal);
        var lines = File.ReadAllLines(folder.File("clv.csv"));
        Assert.Equal(2358, lines.Length);
        Assert.StartsWith("CustomerID,Frequency,Recency,T,MonetaryValue,PAlive,PNoPurchase90d,ExpectedPurchases90d,ExpectedAverageValue,CLV12m", lines[0], StringComparison.Ordinal);

        // The fits as data beside it: the published BG/NBD (Fader, Hardie and Lee 2005) and Gamma-Gamma (Fader and Hardie 2013) figures.
        Assert.Contains($"Wrote {folder.File("clv.json")}", result.Out, StringComparison.Ordinal);
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(folder.File("clv.json")));
        var value = json.RootElement;
        Assert.Equal("BG/NBD", value.GetProperty("purchase_model").GetString());
        Assert.Equal("weeks", value.GetProperty("unit").GetString());
        double Parameter(string fit, string name) => value.GetProperty(fit).GetProperty("parameters").GetProperty(name).GetDouble();
        Assert.Equal(0.243, Parameter("purchases", "r"), 3);
        Assert.Equal(4.414, Parameter("purchases", "alpha"), 3);
        Assert.Equal(0.793, Parameter("purchases", "a"), 3);
        Assert.Equal(2.426, Parameter("purchases", "b"), 3);
        Assert.Equal(6.25, Parameter("gamma_gamma", "p"), 2);
        Assert.Equal(3.74, Parameter("gamma_gamma", "q"), 2);
        Assert.Equal(15.44, Parameter("gamma_gamma", "gamma"), 2);
        Assert.Equal(4, value.GetProperty("purchases").GetProperty("standard_errors").GetArrayLength());
        Assert.Equal(-9582.4, value.GetProperty("purchases").GetProperty("log_likelihood").GetDouble(), 1);
        Assert.Equal(1882, value.GetProperty("holdout").GetProperty("actual").GetInt32());
    }

    [Fact]
    public void A_clv_output_named_json_is_refused_rather_than_overwritten_by_its_fits()
    {
        using var folder = new TempFolder();
        var result = Cli.Run(["clv", "--input", TestPaths.RealFile("cdnow_sample.csv"), .. CdnowColumns, "--out", folder.File("clv.json")]);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("ends in .json", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File("clv.json")));
    }

    [Theory]
    [InlineData(new string[0], 71)]
    [InlineData(new[] { "--at-risk-alive-below", "0.3" }, 24)]
    [InlineData(new[] { "--at-risk-top-share", "0.5" }, 250)]
    public void The_at_risk_customers_on_CDNOW_are_those_of_the_top_share_by_value_below_the_threshold(string[] flags, int expected)
    {
        using var folder = new TempFolder();
        var result = ClvOnCdnow(folder, ["--unit", "weeks", .. flags]);
        Assert.True(result.ExitCode == 0, result.Error);
        var lines = File.ReadAllLines(folder.File("clv.csv"));
        var header = lines[0].Split(',');
        int Column(string name) => Array.IndexOf(header, name);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        var share = flags.Contains("--at-risk-top-share") ? 0.5 : 0.2;
        var below = flags.Contains("--at-risk-alive-below") ? 0.3 : 0.5;
        double Number(string[] row, string name) => double.Parse(row[Column(name)], System.Globalization.CultureInfo.InvariantCulture);
        // Counted again from the file: CDNOW's BG/NBD sees real dropout, so the default is one half.
        var flagged = rows.Count(r => Number(r, "CLVPercentile") >= 100 * (1 - share) && Number(r, "PAlive") < below);
        Assert.Equal(expected, flagged);
        Assert.Equal(expected, rows.Count(r => r[Column("AtRiskOfLeaving")] == "yes"));
        Assert.Contains($"At risk of leaving: {expected} of the top {share * 100:0}% by value, with a P(alive) below {below * 100:0.0}%", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void An_at_risk_share_outside_0_to_1_is_refused_by_its_flag()
    {
        using var folder = new TempFolder();
        var result = ClvOnCdnow(folder, "--at-risk-top-share", "1.5");
        // A wrong option is a usage error, as the command line's own are.
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--at-risk-top-share: must be a share above 0 and at most 1 (got 1.5)", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File("clv.csv")));
    }

    [Fact]
    public void Clv_bgbb_on_CDNOW_in_calendar_months_counts_one_chance_a_month_and_checks_the_holdout()
    {
        using var folder = new TempFolder();
        var result = ClvOnCdnow(folder, "--unit", "months", "--btyd-model", "bgbb");
        Assert.True(result.ExitCode == 0, result.Error);
        // Months with a repeat purchase after the first purchase's month: fewer than the 946 who bought again on another day.
        Assert.Contains("Calibration to 1997-09-30: 2,357 customers, 855 bought again (times in months)", result.Out, StringComparison.Ordinal);
        Assert.Contains("BG/BB: alpha = 0.5338 (0.0607), beta = 3.0486 (0.2702), gamma = 3.7514 (", result.Out, StringComparison.Ordinal);
        Assert.Contains("Holdout of 9.0 months: predicted 996.7 repeat purchases, actual 1,478", result.Out, StringComparison.Ordinal);
        var lines = File.ReadAllLines(folder.File("clv.csv"));
        Assert.Equal(2358, lines.Length);
    }

    [Fact]
    public void Clv_auto_on_CDNOW_prints_the_comparison_and_keeps_the_model_closest_on_the_holdout()
    {
        using var folder = new TempFolder();
        var result = ClvOnCdnow(folder, "--unit", "weeks", "--btyd-model", "auto");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("Pareto/NBD: r = 0.5533 (", result.Out, StringComparison.Ordinal);
        Assert.Matches(@"BG/NBD +-9,582\.4 +19,195\.9 +1,653\.4 +1,882 +-12\.1% +0\.785 +1\.608", result.Out);
        Assert.Contains("kept: Pareto/NBD does best", result.Out, StringComparison.Ordinal);
        Assert.Equal(2358, File.ReadAllLines(folder.File("clv.csv")).Length);
    }

    [Fact]
    public void An_unknown_purchase_model_is_refused_naming_the_flag()
    {
        var result = Cli.Run(["clv", "--input", TestPaths.RealFile("cdnow_sample.csv"), .. CdnowColumns, "--btyd-model", "gamma"]);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--btyd-model", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_calibration_end_that_is_not_a_day_is_refused_naming_the_flag()
    {
        var result = Cli.Run(["clv", "--input", TestPaths.RealFile("cdnow_sample.csv"), .. CdnowColumns, "--calibration-end", "30/09/1997"]);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: --calibration-end: '30/09/1997' is not a day such as 2011-09-09", result.Error.Trim());
    }
}

[Trait(Tier.Name, Tier.Full)]
public sealed class RunWithClvTests
{
    [Fact]
    public void Run_with_clv_adds_the_clv_commands_values_per_customer_profiles_and_ranked_campaign_lists()
    {
        using var folder = new TempFolder();
        var input = TestPaths.RealFile("online_retail.csv.gz");
        var run = Cli.Run("run", "--input", input, "--clv", "--out", folder.File("run"), "--no-report", "--no-history", "--stability-resamples", "0");
        Assert.True(run.ExitCode == 0, run.Error);
        var clv = Cli.Run("clv", "--input", input, "--out", folder.File("clv.csv"));
        Assert.True(clv.ExitCode == 0, clv.Error);

        static List<Dictionary<string, string>> Read(string path)
        {
            var lines = File.ReadAllLines(path);
            var header = lines[0].Split(',');
            // The fields compared here come before any quoted text, or are read from the end of the line.
            return lines.Skip(1).Select(l => Fields(l)).Select(f => header.Zip(f).ToDictionary(p => p.First, p => p.Second)).ToList();
        }
        static string[] Fields(string line)
        {
            var fields = new List<string>();
            var quoted = false;
            var current = new System.Text.StringBuilder();
            foreach (var ch in line)
            {
                if (ch == '"') quoted = !quoted;
                else if (ch == ',' && !quoted) { fields.Add(current.ToString()); current.Clear(); }
                else current.Append(ch);
            }
            fields.Add(current.ToString());
            return [.. fields];
        }

        var customers = Read(folder.File("run/customer_segments.csv"));
        var values = Read(folder.File("clv.csv")).ToDictionary(r => r["CustomerID"]);
        Assert.Equal(4338, customers.Count);
        Assert.Equal(4338, values.Count);
        foreach (var c in customers)
        {
            var v = values[c["CustomerID"]];
            Assert.Equal(Math.Round(double.Parse(v["CLV12m"], System.Globalization.CultureInfo.InvariantCulture), 2),
                double.Parse(c["CLV"], System.Globalization.CultureInfo.InvariantCulture), 6);
            Assert.Equal(Math.Round(double.Parse(v["PAlive"], System.Globalization.CultureInfo.InvariantCulture), 6),
                double.Parse(c["PAlive"], System.Globalization.CultureInfo.InvariantCulture), 9);
        }

        var profiles = Read(folder.File("run/segment_profile.csv"));
        Assert.Equal(1.0, profiles.Sum(p => double.Parse(p["CLVShare"], System.Globalization.CultureInfo.InvariantCulture)), 4);
        var targets = Directory.GetFiles(folder.File("run/targets"), "*.csv").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(profiles.Count, targets.Count);
        foreach (var (profile, path) in profiles.Zip(targets))
        {
            var rows = Read(path);
            Assert.Equal(int.Parse(profile["Customers"], System.Globalization.CultureInfo.InvariantCulture), rows.Count);
            Assert.All(rows, r => Assert.Equal(profile["Segment"], r["ClusterSegment"]));
            var clvs = rows.Select(r => double.Parse(r["CLV"], System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(clvs.OrderDescending(), clvs);
        }
    }
}

[Trait(Tier.Name, Tier.Full)]
public sealed class ReportWithClvTests
{
    [Fact]
    public void The_reports_of_a_run_with_clv_and_a_calibration_end_show_value_by_segment_and_the_holdout_check_of_the_clv_command()
    {
        using var folder = new TempFolder();
        var input = TestPaths.RealFile("online_retail.csv.gz");
        var run = Cli.Run("run", "--input", input, "--clv", "--clv-calibration-end", "2011-09-09", "--out", folder.File("run"), "--no-history", "--stability-resamples", "0");
        Assert.True(run.ExitCode == 0, run.Error);
        var clv = Cli.Run("clv", "--input", input, "--calibration-end", "2011-09-09", "--out", folder.File("clv.csv"));
        Assert.True(clv.ExitCode == 0, clv.Error);

        var html = File.ReadAllText(folder.File("run/report.html"));
        Assert.Contains("<h2 id=\"lifetime-value\">Lifetime value</h2>", html, StringComparison.Ordinal);
        Assert.Contains("High value, at risk of leaving", html, StringComparison.Ordinal);
        // The holdout check is the clv command's: the same predicted and actual totals.
        var totals = System.Text.RegularExpressions.Regex.Match(clv.Out, @"predicted ([\d,.]+) repeat purchases, actual ([\d,]+) \(([-\d.]+%)\)");
        Assert.True(totals.Success, clv.Out);
        var predicted = double.Parse(totals.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"the model predicted {predicted:N0} repeat purchases in the following 91 days; the customers made {totals.Groups[2].Value} ({totals.Groups[3].Value})", html, StringComparison.Ordinal);
        foreach (var line in File.ReadAllLines(folder.File("run/segment_profile.csv")).Skip(1))
        {
            var segment = line.Split(',')[1];
            Assert.Contains($"<td>{segment}</td>", html, StringComparison.Ordinal);
        }
        Assert.StartsWith("%PDF", File.ReadAllText(folder.File("run/report.pdf"))[..4], StringComparison.Ordinal);

        // Who is at risk on the UCI year: the fit sees little dropout, so the default is the lowest tenth of the top fifth by P(alive).
        using var metrics = System.Text.Json.JsonDocument.Parse(File.ReadAllText(folder.File("run/metrics.json")));
        var value = metrics.RootElement.GetProperty("value");
        Assert.True(value.GetProperty("at_risk_relative").GetBoolean());
        var below = value.GetProperty("at_risk_alive_below").GetDouble();
        var lines = File.ReadAllLines(folder.File("run/customer_segments.csv"));
        var header = lines[0].Split(',');
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        double Number(string[] row, string name) => double.Parse(row[Array.IndexOf(header, name)], System.Globalization.CultureInfo.InvariantCulture);
        var top = rows.Where(r => Number(r, "CLVPercentile") >= 80).Select(r => Number(r, "PAlive")).Order().ToList();
        Assert.Equal(top[(int)Math.Ceiling(0.1 * top.Count) - 1], below, 6);
        var flagged = rows.Count(r => r[Array.IndexOf(header, "AtRiskOfLeaving")] == "yes");
        Assert.Equal(value.GetProperty("at_risk_of_leaving").GetInt32(), flagged);
        Assert.InRange(flagged, (int)Math.Ceiling(0.1 * top.Count), top.Count / 5);
        Assert.Contains($"{flagged} of the top 20% by value have", html, StringComparison.Ordinal);

        // clv.json and metrics.json's value have one shape.
        using var clvJson = System.Text.Json.JsonDocument.Parse(File.ReadAllText(folder.File("clv.json")));
        Assert.Equal(value.EnumerateObject().Select(p => p.Name), clvJson.RootElement.EnumerateObject().Select(p => p.Name));
    }
}
