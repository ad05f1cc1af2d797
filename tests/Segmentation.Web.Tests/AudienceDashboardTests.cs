using System.Globalization;
using System.Net;
using System.Text;
using nietras.SeparatedValues;
using Segmentation.App;
using Segmentation.Prepare;
using Segmentation.Prepare.Sample;
using Segmentation.Tests;

namespace Segmentation.Web.Tests;

/// <summary>
/// The dashboard's audiences: an upload with contact columns offers each segment as a tool's import file, from the
/// contacts read before the upload was deleted; the page's own data never carries a contact.
/// </summary>
[Trait(Tier.Name, Tier.Full)]
public sealed class AudienceDashboardTests
{
    private static void WithContacts(string plain, string path)
    {
        using var reader = Sep.Reader(o => o with { Unescape = true }).FromFile(plain);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        var header = reader.Header.ColNames.ToList();
        var customer = header.IndexOf("CustomerID");
        writer.WriteLine(string.Join(',', header.Concat(["Email Address", "Mobile", "Marketing Consent"])));
        foreach (var row in reader)
        {
            var cells = new List<string>();
            for (var i = 0; i < header.Count; i++) cells.Add(row[i].ToString());
            // The sample has rows without a customer, as real exports do: they get no contact either.
            if (!int.TryParse(cells[customer], CultureInfo.InvariantCulture, out var n)) { cells.AddRange(["", "", ""]); }
            else cells.AddRange([n % 4 == 0 ? "" : $" Buyer{n}@Example.com", $"+44 7700 9{n % 100_000:D5}", n % 5 == 0 ? "no" : "yes"]);
            writer.WriteLine(string.Join(',', cells.Select(c => c.Contains(',', StringComparison.Ordinal) || c.Contains('"', StringComparison.Ordinal) ? $"\"{c.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : c)));
        }
    }

    [Fact]
    public async Task An_upload_with_contacts_offers_each_segment_as_an_import_file_and_the_page_never_carries_a_contact()
    {
        using var folder = new TempFolder();
        var plain = folder.File("plain.csv");
        SegmentationApp.Export(TransactionSource.Sample(SampleOptions.Default with { Customers = 400, Seed = 3 }), plain);
        var input = folder.File("with_contacts.csv");
        WithContacts(plain, input);
        await using var server = await Server.Start();
        using var client = server.NewSession();

        // The start-up sample has no contacts: nothing to export.
        await client.GetStringAsync("/app/view");
        using (var none = await client.GetAsync("/app/audience?segment=x&format=meta"))
        {
            Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        }

        var view = await Server.UploadAndWait(client, input);
        Assert.Equal("done", view.GetProperty("job").GetProperty("state").GetString());
        var run = view.GetProperty("run");
        Assert.Equal("email, phone, country, consent", run.GetProperty("audiences").GetString());
        var page = view.GetRawText() + await client.GetStringAsync("/app/customers?size=500");
        Assert.DoesNotContain("example.com", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("7700 9", page, StringComparison.Ordinal);

        var segment = run.GetProperty("profiles")[0].GetProperty("segment").GetString()!;
        using var response = await client.GetAsync("/app/audience?" + $"segment={Uri.EscapeDataString(segment)}&format=klaviyo");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Email,Phone Number,Country,Customer ID,Segment,Action", lines[0]);
        int Header(string name) => int.Parse(response.Headers.GetValues(name).Single(), CultureInfo.InvariantCulture);
        // Counted again from the segment's customers: consent first, then an e-mail.
        var members = (await client.GetStringAsync("/app/download/customer_segments.csv")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(l => l.Split(',')).Where(f => f[9] == segment).Select(f => int.Parse(f[0], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(members.Count, Header("X-Audience-Customers"));
        Assert.Equal(members.Count(n => n % 5 == 0), Header("X-Audience-No-Consent"));
        Assert.Equal(members.Count(n => n % 5 != 0 && n % 4 == 0), Header("X-Audience-No-Contact"));
        Assert.Equal(members.Where(n => n % 5 != 0 && n % 4 != 0).Select(n => $"buyer{n}@example.com,+447700 9{n % 100_000:D5}".Replace(" ", "", StringComparison.Ordinal)).Order(),
            lines.Skip(1).Select(l => string.Join(',', l.Split(',')[..2])).Order());
        Assert.Equal(lines.Length - 1, Header("X-Audience-Exported"));

        using var bad = await client.GetAsync("/app/audience?segment=x&format=fax");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
