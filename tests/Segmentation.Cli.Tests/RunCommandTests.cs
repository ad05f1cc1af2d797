using System.Text.Json;
using Segmentation.Tests;

namespace Segmentation.Cli.Tests;

[Trait(Tier.Name, Tier.Full)]
public sealed class RunCommandTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Run_on_the_sample_writes_the_rfm_table_and_the_account_and_prints_a_summary()
    {
        var result = Cli.Run("run", "--sample", "--out", _dir.Path, "--timings");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["customer_segments.csv", "data_quality.json", "metrics.json", "model.zip", "report.html", "report.pdf", "rfm.csv", "segment_profile.csv"], _dir.Files());
        Assert.Contains("Data quality: sample data (seed 42, 1,500 customers)", result.Out, StringComparison.Ordinal);
        Assert.Matches(@"ingest\s+\d+\.\d\d s", result.Out);
        using var account = JsonDocument.Parse(File.ReadAllText(_dir.File("data_quality.json")));
        var root = account.RootElement;
        var removed = root.GetProperty("removed").EnumerateArray().Sum(r => r.GetProperty("rows").GetInt64());
        Assert.Equal(root.GetProperty("rows_in").GetInt64() - removed, root.GetProperty("rows_out").GetInt64());
        var rfmLines = File.ReadAllLines(_dir.File("rfm.csv"));
        Assert.Equal(root.GetProperty("customers").GetInt32() + 1, rfmLines.Length);
    }

    [Fact]
    public void The_same_sample_run_twice_writes_the_same_bytes()
    {
        Assert.Equal(0, Cli.Run("run", "--sample", "--out", _dir.File("a")).ExitCode);
        Assert.Equal(0, Cli.Run("run", "--sample", "--out", _dir.File("b")).ExitCode);

        Assert.Equal(File.ReadAllBytes(_dir.File("a/rfm.csv")), File.ReadAllBytes(_dir.File("b/rfm.csv")));
    }

    [Fact]
    public void Every_command_has_help()
    {
        foreach (var command in new[] { "run", "sample", "download" })
        {
            var result = Cli.Run(command, "--help");
            Assert.Equal(0, result.ExitCode);
            Assert.Contains("--out", result.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Sample_writes_a_gzip_file_that_run_reads_back()
    {
        var path = _dir.File("s.csv.gz");

        Assert.Equal(0, Cli.Run("sample", "--out", path, "--customers", "300", "--seed", "5").ExitCode);
        var result = Cli.Run("run", "--input", path, "--out", _dir.File("out"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(": 300 customers;", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Download_without_network_fails_fast_naming_the_url_and_where_to_put_the_file()
    {
        var target = _dir.File("raw/Online_Retail.xlsx");
        // Port 9 (discard) on loopback refuses at once: what a machine without network sees, without waiting.
        const string Url = "http://127.0.0.1:9/Online%20Retail.xlsx";

        var result = Cli.Run("download", "--url", Url, "--out", target, "--timeout", "5");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains(Url, result.Error, StringComparison.Ordinal);
        Assert.Contains("save it as " + Path.GetFullPath(target), result.Error, StringComparison.Ordinal);
        Assert.Empty(_dir.Files());
    }

    [Fact]
    public void A_home_made_export_with_its_own_column_names_runs_without_any_column_flag()
    {
        var input = _dir.Write("company.csv",
            "order_id,customer_id,order_date,qty,unit_price\n" +
            "1001,C1,2011-01-03 10:00,2,5.00\n1002,C1,2011-02-03 10:00,1,7.50\n1003,C2,2011-02-04 11:00,3,2.00\n" +
            "1004,C3,2011-02-05 11:00,3,2.00\n1005,C4,2011-03-05 11:00,1,20.00\n");

        var result = Cli.Run("run", "--input", input, "--out", _dir.File("out"), "--no-report", "--no-history");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("columns read: customer = customer_id, invoice = order_id, date = order_date, quantity = qty, unit price = unit_price", result.Out, StringComparison.Ordinal);
        Assert.Contains("revenue                                            49.50", result.Out, StringComparison.Ordinal);
        Assert.Equal(5, File.ReadAllLines(_dir.File("out/customer_segments.csv")).Length);
    }

    [Fact]
    public void Reruns_into_one_folder_keep_only_the_stated_number_of_earlier_runs_and_the_history_keeps_them_all()
    {
        var folder = _dir.File("runs/latest");
        string[] Run() => ["run", "--sample", "--sample-customers", "300", "--kmax", "3", "--no-report", "--out", folder, "--keep-previous", "2"];

        for (var i = 0; i < 4; i++) Assert.Equal(0, Cli.Run(Run()).ExitCode);
        var last = Cli.Run(Run());

        Assert.Equal(0, last.ExitCode);
        var earlier = Directory.GetDirectories(_dir.File("runs")).Where(d => Path.GetFileName(d).StartsWith("latest.", StringComparison.Ordinal)).ToArray();
        Assert.True(earlier.Length == 2, string.Join(", ", earlier) + last.Out);
        Assert.Contains("Deleted 1 older run folder(s) beyond --keep-previous", last.Out, StringComparison.Ordinal);
        var history = Cli.Run("history", "list", "--db", _dir.File("runs/history.db")).Out.Split('\n');
        Assert.Equal(5, history.Count(l => l.Contains("latest", StringComparison.Ordinal)));
        Assert.Equal(2, history.Count(l => l.Contains("(folder deleted)", StringComparison.Ordinal)));
    }

    [Fact]
    public void Another_layout_runs_through_the_column_flags_with_a_semicolon_delimiter()
    {
        var input = _dir.Write("pos.csv", "client;when;total\nA;2011-01-01 10:00;10\nB;2011-01-02 10:00;3\nC;2011-01-03 11:00;50\nD;2011-01-05 11:00;5\nA;2011-01-05 12:00;7\n");

        var result = Cli.Run("run", "--input", input, "--delimiter", ";", "--customer-column", "client", "--date-column", "when",
            "--amount-column", "total", "--no-invoice-column", "--out", _dir.File("out"), "--no-report", "--no-history");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("customers                                              4", result.Out, StringComparison.Ordinal);
        Assert.Contains("revenue                                            75.00", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cleaning_flags_for_fees_and_cancellations_are_each_counted_in_the_account()
    {
        var input = _dir.Write("orders.csv", "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n" +
            "1,22423,X,10,2011-01-01 10:00:00,2,100,UK\n1,POST,POSTAGE,1,2011-01-01 10:00:00,18,100,UK\nC1,22423,X,-10,2011-01-01 10:16:00,2,100,UK\n" +
            "2,85123A,Y,4,2011-01-03 10:00:00,5,100,UK\n3,GIFT,Voucher,1,2011-01-04 10:00:00,10,200,UK\n4,85123A,Y,2,2011-01-05 10:00:00,5,200,UK\n" +
            "5,22423,X,4,2011-01-06 10:00:00,2,300,UK\nC5,22423,X,-1,2011-01-07 10:00:00,2,300,UK\n");

        var result = Cli.Run("run", "--input", input, "--net-cancellations", "--exclude-products", "uci, gift", "--k", "2",
            "--out", _dir.File("out"), "--no-report", "--no-history");

        Assert.True(result.ExitCode == 0, result.Error);
        using var account = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir.File("out"), "data_quality.json")));
        var removed = account.RootElement.GetProperty("removed").EnumerateArray()
            .ToDictionary(r => r.GetProperty("rule").GetString()!, r => r.GetProperty("rows").GetInt64());
        Assert.Equal(2, removed["excluded_product"]);
        Assert.Equal(2, removed["cancelled_invoice"]);
        Assert.Equal(1, removed["purchase_cancelled_in_full"]);
        Assert.Equal(1, account.RootElement.GetProperty("purchases_reduced").GetInt64());
        Assert.Equal(20m + 10m + 6m, account.RootElement.GetProperty("revenue").GetDecimal());
        Assert.Contains("of which reduced by a partial cancellation", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Netting_cancellations_that_are_kept_is_a_usage_error_naming_the_flag()
    {
        var result = Cli.Run("run", "--sample", "--net-cancellations", "--keep-cancelled", "--out", _dir.File("out"));

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith("error: --net-cancellations:", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dir.File("out")));
    }
}
