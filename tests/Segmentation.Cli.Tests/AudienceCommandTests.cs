using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using nietras.SeparatedValues;
using Segmentation.Tests;

namespace Segmentation.Cli.Tests;

/// <summary>
/// Audiences from a run of the UCI data with contact columns added (one e-mail and phone per customer, some missing,
/// mixed case and blanks, a consent column): each tool's headers, the counts, the hashes against SHA-256 of values
/// normalised here independently, and no contact value anywhere but in the audiences.
/// </summary>
[Trait(Tier.Name, Tier.Full)]
public sealed class AudienceCommandTests : IClassFixture<AudienceCommandTests.Contacts>
{
    private readonly Contacts _contacts;

    public AudienceCommandTests(Contacts contacts) => _contacts = contacts;

    /// <summary>The UCI transactions with contact columns, and a run with lifetime value, reports and history on them.</summary>
    public sealed class Contacts : IDisposable
    {
        internal TempFolder Folder { get; } = new();
        public string Input => Folder.File("contacts.csv");
        public string Run => Folder.File("run");
        internal Cli.Result RunResult { get; }

        public Contacts()
        {
            Write(Input);
            RunResult = Cli.Run("run", "--input", Input, "--clv", "--out", Run, "--history", Folder.File("history.db"), "--stability-resamples", "0");
        }

        public void Dispose() => Folder.Dispose();
    }

    // Customer n's contacts, as written into every one of their rows (e-mail blank on every other row for some).
    private static string? Email(int n) => n % 10 == 0 ? null : n % 3 == 0 ? $"  Customer.{n}@Example.COM " : $"customer{n}@example.com";
    private static string? Phone(int n) => n % 7 == 0 ? null : n % 2 == 1 ? $"+44 7700 9{n % 100_000:D5}" : $"0044 (7700) 9{n % 100_000:D5}";
    private static bool Consents(int n) => n % 11 != 0;

    private static void Write(string path)
    {
        using var reader = Sep.Reader(o => o with { Unescape = true }).From(new GZipStream(File.OpenRead(TestPaths.RealFile("online_retail.csv.gz")), CompressionMode.Decompress));
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        var header = reader.Header.ColNames.ToList();
        var customer = header.IndexOf("CustomerID");
        writer.WriteLine(string.Join(',', header.Concat(["E-mail", "Phone", "First Name", "Last Name", "Zip", "Consent"])));
        var line = 0;
        foreach (var row in reader)
        {
            var cells = new List<string>(header.Count);
            for (var i = 0; i < header.Count; i++) cells.Add(row[i].ToString());
            var id = cells[customer];
            string[] contact = ["", "", "", "", "", ""];
            if (double.TryParse(id, CultureInfo.InvariantCulture, out var number))
            {
                var n = (int)number;
                // Some customers leave the e-mail blank on every other row: the latest non-empty value is still theirs.
                var email = n % 5 == 2 && line++ % 2 == 0 ? "" : Email(n) ?? "";
                contact = [email, Phone(n) ?? "", $"Ann{n % 5}", $"O'Brien-{n % 3}", $"SW1A {n % 9}AA", Consents(n) ? "Yes" : "no"];
            }
            writer.WriteLine(string.Join(',', cells.Concat(contact).Select(Quoted)));
        }
    }

    /// <summary>The PDF's text as pdftotext extracts it (its streams are compressed); null where poppler is not installed.</summary>
    private static string? PdfText(string file)
    {
        try
        {
            using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("pdftotext", ["-enc", "UTF-8", file, "-"]) { RedirectStandardOutput = true })!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? text : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    /// <summary>RFC 4180 quoting alone (the file is an input: no formula guard).</summary>
    private static string Quoted(string value) => value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;

    private static string Sha(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    private List<int> Champions() => [.. File.ReadAllLines(Path.Combine(_contacts.Run, "customer_segments.csv")).Skip(1).Select(l => l.Split(','))
        .Where(f => f[Array.IndexOf(Header, "ClusterSegment")] == "Champions").Select(f => int.Parse(f[0], CultureInfo.InvariantCulture))];

    private string[] Header => File.ReadLines(Path.Combine(_contacts.Run, "customer_segments.csv")).First().Split(',');

    private (Cli.Result Result, string[] Lines) Export(string format, params string[] more)
    {
        var output = _contacts.Folder.File($"champions_{format}{more.Length}.csv");
        var result = Cli.Run(["export-audience", "--run", _contacts.Run, "--segment", "champions", "--format", format, "--out", output, .. more]);
        Assert.True(result.ExitCode == 0, result.Error);
        return (result, File.ReadAllLines(output));
    }

    [Fact]
    public void Each_tool_gets_its_documented_headers_and_the_consenting_customers_with_a_usable_contact()
    {
        Assert.True(_contacts.RunResult.ExitCode == 0, _contacts.RunResult.Error);
        var champions = Champions();
        var consenting = champions.Where(Consents).ToList();
        var withEmail = consenting.Where(n => Email(n) is not null).ToList();
        var withEither = consenting.Where(n => Email(n) is not null || Phone(n) is not null).ToList();

        var (klaviyo, kLines) = Export("klaviyo");
        Assert.Equal("Email,Phone Number,First Name,Last Name,Zip Code,Country,Customer ID,Segment,Action,CLV,P(alive),Expected Next Purchase,At Risk Of Leaving", kLines[0]);
        Assert.Equal(withEmail.Count, kLines.Length - 1);
        Assert.Contains($"{withEmail.Count:N0} of the {champions.Count:N0} customers of Champions (klaviyo)", klaviyo.Out, StringComparison.Ordinal);
        Assert.Contains($"left out without marketing consent: {champions.Count - consenting.Count:N0}", klaviyo.Out, StringComparison.Ordinal);
        Assert.Contains($"left out without a usable e-mail: {consenting.Count - withEmail.Count:N0}", klaviyo.Out, StringComparison.Ordinal);
        // Klaviyo gets the e-mail lower case and trimmed, the customer's id beside it.
        Assert.Equal(withEmail.Select(n => $"{Email(n)!.Trim().ToLowerInvariant()}|{n}").Order(), kLines.Skip(1).Select(l => l.Split(',')).Select(f => $"{f[0]}|{f[6]}").Order());

        var (_, mLines) = Export("mailchimp");
        Assert.StartsWith("Email Address,Phone Number,First Name,Last Name,Zip,Country,Customer ID,Segment,Action", mLines[0], StringComparison.Ordinal);
        Assert.Equal(withEmail.Count, mLines.Length - 1);

        // Google: exactly its headers; unhashed, the normalised values; --hash, their SHA-256 (Country and Zip as they are).
        var (google, gLines) = Export("google");
        Assert.Equal("Email,Phone,First Name,Last Name,Country,Zip", gLines[0]);
        Assert.Contains($"left out without a usable e-mail or phone: {consenting.Count - withEither.Count:N0}", google.Out, StringComparison.Ordinal);
        string[] Expected(int n, Func<string, string> h) =>
        [
            Email(n) is { } e ? h(e.Trim().ToLowerInvariant()) : "",
            Phone(n) is not null ? h($"+4477009{n % 100_000:D5}") : "",
            h($"ann{n % 5}"),
            h($"obrien{n % 3}"),
        ];
        Assert.Equal(withEither.Select(n => string.Join(',', Expected(n, v => v))).Order(), gLines.Skip(1).Select(l => string.Join(',', l.Split(',')[..4])).Order());
        var (hashed, hLines) = Export("google", "--hash");
        Assert.Contains("(google, SHA-256)", hashed.Out, StringComparison.Ordinal);
        Assert.Equal(withEither.Select(n => string.Join(',', Expected(n, Sha))).Order(), hLines.Skip(1).Select(l => string.Join(',', l.Split(',')[..4])).Order());
        Assert.All(hLines.Skip(1), l => Assert.Matches(@",(?:[A-Z]{2})?,SW1A \dAA$", l));

        // Meta: its headers, every value SHA-256; the phone without its +, the postcode without spaces.
        var (_, metaLines) = Export("meta");
        Assert.Equal("EMAIL,PHONE,FN,LN,ZIP,COUNTRY", metaLines[0]);
        Assert.Equal(withEither.Select(n => string.Join(',', [Email(n) is { } e ? Sha(e.Trim().ToLowerInvariant()) : "", Phone(n) is not null ? Sha($"4477009{n % 100_000:D5}") : "",
            Sha($"ann{n % 5}"), Sha($"obrien{n % 3}"), Sha($"sw1a{n % 9}aa")])).Order(), metaLines.Skip(1).Select(l => string.Join(',', l.Split(',')[..5])).Order());
    }

    [Fact]
    public void The_customers_at_risk_go_out_as_an_audience_too()
    {
        var at = Cli.Run("export-audience", "--run", _contacts.Run, "--at-risk", "--format", "klaviyo");
        Assert.True(at.ExitCode == 0, at.Error);
        var column = Array.IndexOf(Header, "AtRiskOfLeaving");
        var flagged = File.ReadAllLines(Path.Combine(_contacts.Run, "customer_segments.csv")).Skip(1).Count(l => l.Split(',')[column] == "yes");
        Assert.Contains($"of the {flagged:N0} customers at risk of leaving (klaviyo)", at.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_contacts.Run, "audiences", "at_risk_of_leaving_klaviyo.csv")));
        var missing = Cli.Run("export-audience", "--run", _contacts.Run, "--segment", "Nobody", "--format", "meta");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("--segment: the run has no segment 'Nobody'; it has: ", missing.Error, StringComparison.Ordinal);
        Assert.Contains("'Champions'", missing.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void No_contact_value_is_in_the_runs_files_reports_history_or_console()
    {
        Assert.True(_contacts.RunResult.ExitCode == 0, _contacts.RunResult.Error);
        var export = Cli.Run("export-audience", "--run", _contacts.Run, "--segment", "champions", "--format", "klaviyo", "--out", _contacts.Folder.File("elsewhere.csv"));
        var texts = new List<(string Where, string Text)>
        {
            ("run's console", _contacts.RunResult.Out + _contacts.RunResult.Error),
            ("export's console", export.Out + export.Error),
            ("history", Encoding.Latin1.GetString(File.ReadAllBytes(_contacts.Folder.File("history.db")))),
        };
        foreach (var file in Directory.EnumerateFiles(_contacts.Run, "*", SearchOption.AllDirectories).Where(f => !f.Contains("audiences", StringComparison.Ordinal)))
        {
            texts.Add((file, file.EndsWith(".pdf", StringComparison.Ordinal) && PdfText(file) is { } text ? text : Encoding.Latin1.GetString(File.ReadAllBytes(file))));
        }
        Assert.Contains(texts, t => t.Where.EndsWith("report.html", StringComparison.Ordinal));
        foreach (var (where, text) in texts)
        {
            Assert.DoesNotContain("example.com", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("7700 9", text, StringComparison.Ordinal);
            Assert.DoesNotContain("O'Brien", text, StringComparison.Ordinal);
            Assert.False(text.Contains("+4477009", StringComparison.Ordinal) || text.Contains("(7700)", StringComparison.Ordinal), $"a phone number in {where}");
        }
    }
}
