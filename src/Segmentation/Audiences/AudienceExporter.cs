using System.Text.Json;
using nietras.SeparatedValues;
using Segmentation.IO;
using Segmentation.Prepare.Sources;
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
        var files = new RunFiles(request.Run);
        if (!File.Exists(files.CustomerSegments)) throw new InputException(files.CustomerSegments, "the run folder has no customer_segments.csv");
        using var reader = Sep.Reader(o => o with { Unescape = true }).FromFile(files.CustomerSegments);
        var (members, valued) = Chosen(reader, request.Segment, request.AtRisk);
        var (input, customer, date) = Input(files, request.Input);
        var book = ContactReader.Read(input, customer, date, members.Select(m => m.CustomerId).ToHashSet(StringComparer.Ordinal), request.Columns);
        var output = request.Output ?? Path.Combine(request.Run, Folder, FileName(Audience(members, request.AtRisk), request.Format));
        var (header, rows, result) = Build(input, members, valued, book, request.Format, request.Hash, request.AtRisk);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        AudienceWriter.Write(output, header, rows);
        return result with { Path = output };
    }

    /// <summary>
    /// An audience of a run in hand (the web app's; its customers as customer_segments.csv has them), from contacts read at upload: the file's text
    /// and its counts. A segment the run lacks, or nobody at risk without value, is an <see cref="OptionException"/>.
    /// </summary>
    public static (string Csv, AudienceResult Result) Export(string customersCsv, AudienceContacts contacts,
        string? segment, bool atRisk, AudienceFormat format, bool hash)
    {
        using var reader = Sep.Reader(o => o with { Unescape = true }).FromText(customersCsv);
        var (members, valued) = Chosen(reader, segment, atRisk);
        var (header, rows, result) = Build("upload", members, valued, contacts.Book, format, hash, atRisk);
        var text = new StringWriter();
        AudienceWriter.Write(text, header, rows);
        return (text.ToString(), result with { Path = FileName(result.Audience, format) });
    }

    /// <summary>The customers of one segment, or those at risk; a segment the run lacks, or at risk without value, is refused.</summary>
    private static (List<AudienceMember> Members, bool Valued) Chosen(SepReader reader, string? segment, bool atRisk)
    {
        if (segment is null == !atRisk) throw new OptionException(OptionNames.AudienceSegment, "name one segment, or ask for the customers at risk of leaving");
        var (members, valued, segments) = Members(reader, segment, atRisk);
        if (atRisk && !valued) throw new OptionException(OptionNames.AudienceSegment, "the run has no lifetime value, so nobody is marked at risk: name a segment, or run it again with lifetime value");
        if (segment is not null && members.Count == 0) throw new OptionException(OptionNames.AudienceSegment, $"the run has no segment '{segment}'; it has: {string.Join(", ", segments.Select(s => $"'{s}'"))}");
        return (members, valued);
    }

    private static string Audience(List<AudienceMember> members, bool atRisk) => atRisk ? "at risk of leaving" : members[0].Segment;

    private static string FileName(string audience, AudienceFormat format) => $"{RunFiles.FileNameOf(audience)}_{format.ToString().ToLowerInvariant()}.csv";

    /// <summary>The rows of an audience and its counts: consent first, then a usable contact.</summary>
    private static (IReadOnlyList<string> Header, List<string[]> Rows, AudienceResult Result) Build(string input, List<AudienceMember> members, bool valued, ContactBook book,
        AudienceFormat format, bool hash, bool atRisk)
    {
        if (!book.Reaches)
        {
            throw new InputException(input, "the file has no column recognised as e-mail or phone: name one", option: OptionNames.AudienceEmailColumn);
        }
        var hashed = format == AudienceFormat.Meta || (format == AudienceFormat.Google && hash);
        var (rows, noContact, noConsent) = (new List<string[]>(), 0, 0);
        foreach (var m in members)
        {
            var contact = book.ByCustomer.GetValueOrDefault(m.CustomerId) ?? new Contact(null, null, null, null, null, null, null);
            if (book.HasConsent && contact.Consent != true) { noConsent++; continue; }
            if (AudienceWriter.Row(format, hash, m, contact, book.Fields, valued) is { } row) rows.Add(row);
            else noContact++;
        }
        return (AudienceWriter.Header(format, book.Fields, valued), rows,
            new AudienceResult("", format, Audience(members, atRisk), members.Count, rows.Count, noContact, noConsent, hashed));
    }

    private static (List<AudienceMember> Members, bool Valued, List<string> Segments) Members(SepReader reader, string? segment, bool atRiskOnly)
    {
        var valued = reader.Header.TryIndexOf("AtRiskOfLeaving", out _);
        var (members, segments) = (new List<AudienceMember>(), new List<string>());
        foreach (var row in reader)
        {
            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var column in (string[])["CustomerID", SegmentsCsv.ClusterSegmentColumn, "Action", .. valued ? ["CLV", "PAlive", "ExpectedNextPurchase", "AtRiskOfLeaving"] : Array.Empty<string>()])
            {
                cells[column] = row.TryGet(column, out var col) ? Csv.ReadField(col.ToString()) : "";
            }
            string Cell(string column) => cells.GetValueOrDefault(column, "");
            var name = Cell(SegmentsCsv.ClusterSegmentColumn);
            if (!segments.Contains(name)) segments.Add(name);
            var atRisk = valued && Cell("AtRiskOfLeaving") == "yes";
            var chosen = atRiskOnly ? atRisk : string.Equals(name, segment, StringComparison.OrdinalIgnoreCase);
            if (chosen) members.Add(new AudienceMember(Cell("CustomerID"), name, Cell("Action"), Cell("CLV"), Cell("PAlive"), Cell("ExpectedNextPurchase"), atRisk));
        }
        return (members, valued, segments);
    }

    /// <summary>The transactions file and the headers of its customer and date columns, as the run's data_quality.json recorded them.</summary>
    private static (string Input, string Customer, string? Date) Input(RunFiles files, string? input)
    {
        if (!File.Exists(files.DataQuality)) throw new InputException(files.DataQuality, "the run folder has no data_quality.json (the columns it read)");
        using var json = JsonDocument.Parse(File.ReadAllText(files.DataQuality));
        var root = json.RootElement;
        // The run's ColumnUse list, as data_quality.json writes it: each field by its word.
        string? Header(ColumnRole role) => root.TryGetProperty("columns", out var columns)
            ? columns.EnumerateArray().FirstOrDefault(c => c.GetProperty("field").GetString() == ColumnRoles.Word(role)) is { ValueKind: JsonValueKind.Object } c ? c.GetProperty("header").GetString() : null
            : null;
        var source = root.TryGetProperty("source", out var s) ? s.GetString() : null;
        input ??= source is not null && File.Exists(source) ? source
            : throw new OptionException(OptionNames.AudienceInput, $"the run's input ({source ?? "unknown"}) is not a file here: name the transactions with the contact columns");
        return (input, Header(ColumnRole.Customer) ?? throw new InputException(files.DataQuality, "the run did not record its customer column"), Header(ColumnRole.Date));
    }
}
