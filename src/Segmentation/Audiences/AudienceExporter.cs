using System.Text.Json;
using nietras.SeparatedValues;
using Segmentation.IO;
using Segmentation.Runs.Files;

namespace Segmentation.Audiences;

/// <summary>
/// An audience from a run: its customers of one segment (or at risk of leaving), their contacts read from the run's
/// input at export time, and the file in the chosen tool's format. Contacts exist only in that file.
/// </summary>
internal static class AudienceExporter
{
    /// <summary>Where audiences go in a run's folder by default.</summary>
    public const string Folder = "audiences";

    public static AudienceResult Export(AudienceRequest request)
    {
        if (request.Segment is null == !request.AtRisk)
        {
            throw new OptionException(OptionNames.AudienceSegment, "name one segment, or ask for the customers at risk of leaving");
        }
        var files = new RunFiles(request.Run);
        if (!File.Exists(files.CustomerSegments)) throw new InputException(files.CustomerSegments, "the run folder has no customer_segments.csv");
        var (members, valued, segments) = Members(files.CustomerSegments, request);
        if (request.AtRisk && !valued) throw new InputException(files.CustomerSegments, "the run has no lifetime value: nobody is marked at risk (run it again with lifetime value)");
        if (request.Segment is { } asked && members.Count == 0)
        {
            throw new OptionException(OptionNames.AudienceSegment, $"the run has no segment '{asked}'; it has: {string.Join(", ", segments.Select(s => $"'{s}'"))}");
        }
        var (input, customer, date) = Input(files, request.Input);
        var book = ContactReader.Read(input, customer, date, members.Select(m => m.CustomerId).ToHashSet(StringComparer.Ordinal), request.Columns);
        if (!book.Fields.Contains(ContactField.Email) && !book.Fields.Contains(ContactField.Phone))
        {
            throw new InputException(input, "the file has no column recognised as e-mail or phone: name one", option: OptionNames.AudienceEmailColumn);
        }
        var audience = request.Segment is { } s ? members[0].Segment : "at risk of leaving";
        var output = request.Output ?? Path.Combine(request.Run, Folder, $"{FileName(audience)}_{request.Format.ToString().ToLowerInvariant()}.csv");
        var hashed = request.Format == AudienceFormat.Meta || (request.Format == AudienceFormat.Google && request.Hash);
        var (rows, noContact, noConsent) = (new List<string[]>(), 0, 0);
        foreach (var m in members)
        {
            var contact = book.ByCustomer.GetValueOrDefault(m.CustomerId) ?? new Contact(null, null, null, null, null, null, null);
            if (book.HasConsent && contact.Consent != true) { noConsent++; continue; }
            if (AudienceWriter.Row(request.Format, request.Hash, m, contact, book.Fields, valued) is { } row) rows.Add(row);
            else noContact++;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        AudienceWriter.Write(output, AudienceWriter.Header(request.Format, book.Fields, valued), rows);
        return new AudienceResult(output, request.Format, audience, members.Count, rows.Count, noContact, noConsent, hashed);
    }

    private static (List<AudienceMember> Members, bool Valued, List<string> Segments) Members(string path, AudienceRequest request)
    {
        using var reader = Sep.Reader(o => o with { Unescape = true }).FromFile(path);
        var valued = reader.Header.TryIndexOf("AtRiskOfLeaving", out _);
        var (members, segments) = (new List<AudienceMember>(), new List<string>());
        foreach (var row in reader)
        {
            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var name in (string[])["CustomerID", SegmentsCsv.ClusterSegmentColumn, "Action", .. valued ? ["CLV", "PAlive", "ExpectedNextPurchase", "AtRiskOfLeaving"] : Array.Empty<string>()])
            {
                cells[name] = row.TryGet(name, out var col) ? Csv.ReadField(col.ToString()) : "";
            }
            string Cell(string name) => cells.GetValueOrDefault(name, "");
            var segment = Cell(SegmentsCsv.ClusterSegmentColumn);
            if (!segments.Contains(segment)) segments.Add(segment);
            var atRisk = valued && Cell("AtRiskOfLeaving") == "yes";
            var chosen = request.AtRisk ? atRisk : string.Equals(segment, request.Segment, StringComparison.OrdinalIgnoreCase);
            if (chosen) members.Add(new AudienceMember(Cell("CustomerID"), segment, Cell("Action"), Cell("CLV"), Cell("PAlive"), Cell("ExpectedNextPurchase"), atRisk));
        }
        return (members, valued, segments);
    }

    /// <summary>The transactions file and the headers of its customer and date columns, as the run's data_quality.json recorded them.</summary>
    private static (string Input, string Customer, string? Date) Input(RunFiles files, string? input)
    {
        if (!File.Exists(files.DataQuality)) throw new InputException(files.DataQuality, "the run folder has no data_quality.json (the columns it read)");
        using var json = JsonDocument.Parse(File.ReadAllText(files.DataQuality));
        var root = json.RootElement;
        string? Header(string field) => root.TryGetProperty("columns", out var columns)
            ? columns.EnumerateArray().FirstOrDefault(c => c.GetProperty("field").GetString() == field) is { ValueKind: JsonValueKind.Object } c ? c.GetProperty("header").GetString() : null
            : null;
        var source = root.TryGetProperty("source", out var s) ? s.GetString() : null;
        input ??= source is not null && File.Exists(source) ? source
            : throw new OptionException(OptionNames.AudienceInput, $"the run's input ({source ?? "unknown"}) is not a file here: name the transactions with the contact columns");
        return (input, Header("customer") ?? throw new InputException(files.DataQuality, "the run did not record its customer column"), Header("date"));
    }

    /// <summary>A segment's name as a file name: lower case, words joined by underscores, as the targets' lists.</summary>
    private static string FileName(string name) =>
        string.Join('_', new string([.. name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : ' ')]).Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
