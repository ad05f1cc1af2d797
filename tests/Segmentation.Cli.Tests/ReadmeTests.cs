using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Segmentation.Tests;

namespace Segmentation.Cli.Tests;

/// <summary>
/// The README's command lines, checked against the real command tree and then run, in the README's order, in a
/// scratch folder laid out like a checkout beside ../shared/data: the documentation cannot drift from what works.
/// </summary>
[Trait(Tier.Name, Tier.Full)]
public sealed partial class ReadmeTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [GeneratedRegex(@"dotnet run --project src/Segmentation\.Cli -- (?<args>.+)")]
    private static partial Regex CliLine();

    private static List<string> Lines()
    {
        var text = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "README.md")).Replace("\\\n", " ", StringComparison.Ordinal);
        return CliLine().Matches(text).Select(m => m.Groups["args"].Value.Split('#')[0].Trim()).ToList();
    }

    private static string[] Args(string commandLine) => Regex.Matches(commandLine, "'[^']*'|\\S+").Select(m => m.Value.Trim('\'')).ToArray();

    public static TheoryData<string> Commands()
    {
        var data = new TheoryData<string>();
        foreach (var line in Lines()) data.Add(line);
        return data;
    }

    [Fact]
    public void The_readme_documents_the_main_commands()
    {
        var commands = Lines();

        Assert.Contains("run --sample", commands);
        Assert.Contains(commands, c => c.StartsWith("refresh ", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.StartsWith("history list", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.StartsWith("score ", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.StartsWith("export ", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_command_line_in_the_readme_parses(string commandLine)
    {
        var result = CliApp.Build(TextWriter.Null, TextWriter.Null).Parse(Args(commandLine));

        Assert.True(result.Errors.Count == 0, $"{commandLine}: {string.Join("; ", result.Errors.Select(e => e.Message))}");
    }

    /// <summary>Lines the test does not run, and why: each is still parsed above.</summary>
    private static string? NotRun(string commandLine) => commandLine switch
    {
        _ when commandLine.StartsWith("download", StringComparison.Ordinal) => "needs the network; the workbook is put where it would land",
        _ when commandLine.Contains("--rows", StringComparison.Ordinal) => "a benchmark input of 10-20 million rows",
        _ when commandLine.Contains("--db env:", StringComparison.Ordinal) => "needs a PostgreSQL server with a sales table; DatabaseSourceTests run the same statement against one",
        _ when commandLine.Contains("--db clickhouse://", StringComparison.Ordinal) => "needs a ClickHouse server with a sales table; ClickHouseSourceTests and WriteBackTests run the same against a two-shard cluster",
        _ when commandLine.StartsWith("serve", StringComparison.Ordinal) => "runs until stopped; Segmentation.Web.Tests start the same host on a free port and run the README's curl example",
        _ => null,
    };

    [Fact]
    public void Every_command_line_in_the_readme_runs_in_order_on_a_fresh_checkout()
    {
        var work = Directory.CreateDirectory(_dir.File("work/main")).FullName;
        Directory.CreateDirectory(_dir.File("work/shared"));
        Directory.CreateSymbolicLink(_dir.File("work/shared/data"), TestPaths.SharedData);
        Directory.CreateDirectory(Path.Combine(work, "data", "raw"));
        Directory.CreateDirectory(Path.Combine(work, "data", "processed"));
        PointOfSaleExport(Path.Combine(work, "pos.csv"));
        Shop(work);

        var ran = new List<string>();
        foreach (var line in Lines())
        {
            if (NotRun(line) is not null)
            {
                if (line.StartsWith("download", StringComparison.Ordinal)) File.Copy(TestPaths.RealFile("Online_Retail.xlsx"), Path.Combine(work, "data", "raw", "Online_Retail.xlsx"));
                continue;
            }
            var (code, stdout, stderr) = Run(work, Args(line));
            Assert.True(code == 0, $"README: `{line}` exited {code}: {stderr}{stdout[..Math.Min(stdout.Length, 400)]}");
            ran.Add(line);
        }

        Assert.True(ran.Count >= 10, $"{ran.Count} lines ran");
        Assert.True(File.Exists(Path.Combine(work, "data", "processed", "december", "refresh.json")));
        Assert.True(File.Exists(Path.Combine(work, "data", "processed", "scored.csv")));
        var (_, history, _) = Run(work, "history", "list", "--db", "data/processed/history.db");
        Assert.Contains("(refresh of ", history, StringComparison.Ordinal);
    }

    /// <summary>The README's example of another layout: semicolons, one amount per line, no invoice numbers.</summary>
    private static void PointOfSaleExport(string path)
    {
        var random = new Random(3);
        var csv = new StringBuilder("client;when;total;shop\n");
        for (var c = 0; c < 80; c++)
        {
            for (var o = 0; o < 1 + random.Next(c % 5 == 0 ? 20 : 4); o++)
            {
                var when = new DateTime(2024, 1, 1).AddDays(random.Next(360)).AddMinutes(random.Next(900));
                csv.Append(CultureInfo.InvariantCulture, $"P{c:000};{when:yyyy-MM-dd HH:mm:ss};{(2 + random.Next(30000) / 100.0).ToString(CultureInfo.InvariantCulture)};north\n");
            }
        }
        File.WriteAllText(path, csv.ToString());
    }

    /// <summary>The README's DuckDB database: the sample's rows as a table <c>sales</c> in <c>shop.duckdb</c>.</summary>
    private static void Shop(string work)
    {
        var csv = Path.Combine(work, "shop.csv");
        Assert.Equal(0, Run(work, "export", "--sample", "--out", csv).Code);
        using var connection = new DuckDB.NET.Data.DuckDBConnection($"DataSource={Path.Combine(work, "shop.duckdb")}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE sales AS SELECT * FROM read_csv($path, header = true)";
        command.Parameters.Add(new DuckDB.NET.Data.DuckDBParameter("path", csv));
        command.ExecuteNonQuery();
    }

    private static (int Code, string Out, string Error) Run(string workingDirectory, params string[] args)
    {
        var configuration = Path.GetFileName(Path.GetDirectoryName(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar))!);
        var cli = Path.Combine(TestPaths.RepoRoot, "src", "Segmentation.Cli", "bin", configuration, "net10.0", "Segmentation.Cli.dll");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(cli);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
