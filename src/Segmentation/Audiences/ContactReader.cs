using System.Globalization;
using System.Text.RegularExpressions;
using Segmentation.Prepare.Sources;

namespace Segmentation.Audiences;

/// <summary>
/// Reads the contact data of chosen customers from a transactions file (CSV, CSV.gz, Excel, Parquet): each field's
/// latest non-empty value, by the row's date (by row order where the date does not parse). Only at export: contacts
/// never enter a run, its files, its reports or the history. A message names a file, a row and a column, never a value.
/// </summary>
internal static partial class ContactReader
{
    /// <param name="customerHeader">The header of the customer ids, as the run read them.</param>
    /// <param name="dateHeader">The header of the dates; null: row order alone says which value is the latest.</param>
    /// <param name="customers">The customers whose contacts are wanted: the rest are not kept.</param>
    public static ContactBook Read(string path, string customerHeader, string? dateHeader, IReadOnlySet<string> customers, IReadOnlyDictionary<ContactField, string> named)
    {
        if (!File.Exists(path)) throw new InputException(path, "the file does not exist", option: OptionNames.AudienceInput);
        using var sheet = FileSheet.Open(path);
        if (!sheet.Read()) throw new InputException(path, "the file is empty");
        var header = Enumerable.Range(0, sheet.FieldCount).Select(i => Convert.ToString(sheet.GetValue(i), CultureInfo.InvariantCulture) ?? "").ToArray();
        var customer = ColumnMapping.IndexOf(header, customerHeader);
        if (customer < 0) throw new InputException(path, $"there is no column '{customerHeader}', which held the run's customer ids", row: 1, column: customerHeader);
        var date = dateHeader is null ? -1 : ColumnMapping.IndexOf(header, dateHeader);
        var fields = ContactFields.Find(path, header, named);
        // Without an e-mail or a phone there is no audience to make: the rows need not be read.
        if (new ContactBook(new Dictionary<string, Contact>(), fields.Keys.ToHashSet()) is { Reaches: false } unreachable) return unreachable;
        var latest = new Dictionary<string, (DateTime When, long Row, string? Value)[]>(StringComparer.Ordinal);
        var count = Enum.GetValues<ContactField>().Length;
        for (long row = 2; sheet.Read(); row++)
        {
            if (Key(sheet.GetValue(customer)) is not { } id || !customers.Contains(id)) continue;
            var when = date >= 0 ? When(sheet.GetValue(date)) : DateTime.MinValue;
            if (!latest.TryGetValue(id, out var values)) latest[id] = values = new (DateTime, long, string?)[count];
            foreach (var (field, index) in fields)
            {
                var text = Text(sheet.GetValue(index));
                if (text is null) continue;
                ref var held = ref values[(int)field];
                if (held.Value is null || (when, row).CompareTo((held.When, held.Row)) >= 0) held = (when, row, text);
            }
        }
        var book = latest.ToDictionary(kv => kv.Key, kv =>
        {
            string? V(ContactField f) => kv.Value[(int)f].Value;
            return new Contact(V(ContactField.Email), V(ContactField.Phone), V(ContactField.FirstName), V(ContactField.LastName), V(ContactField.Postcode),
                V(ContactField.Country), V(ContactField.Consent) is { } consent ? Consent(consent) : null);
        }, StringComparer.Ordinal);
        return new ContactBook(book, fields.Keys.ToHashSet());
    }

    /// <summary>A marketing-consent cell read as yes or no; anything else is no answer (and an export leaves the customer out).</summary>
    public static bool? Consent(string text) => text.Trim().ToLowerInvariant() switch
    {
        "yes" or "y" or "true" or "1" or "opt-in" or "optin" or "opted in" or "subscribed" or "granted" or "ja" or "oui" or "si" => true,
        "no" or "n" or "false" or "0" or "opt-out" or "optout" or "opted out" or "unsubscribed" or "denied" or "nein" or "non" => false,
        _ => null,
    };

    /// <summary>A customer id as the run wrote it: trimmed, a whole number without its ".0" (a workbook's number).</summary>
    public static string? Key(object? cell)
    {
        switch (cell)
        {
            case null: return null;
            case double d when double.IsFinite(d) && d == Math.Floor(d) && Math.Abs(d) < 1e15: return ((long)d).ToString(CultureInfo.InvariantCulture);
            case decimal m when m == decimal.Truncate(m): return decimal.Truncate(m).ToString(CultureInfo.InvariantCulture);
        }
        var text = Text(cell);
        return text is not null && WholeWithZeros().IsMatch(text) ? text[..text.IndexOf('.', StringComparison.Ordinal)] : text;
    }

    private static string? Text(object? cell)
    {
        var text = cell switch
        {
            null => null,
            DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => cell.ToString(),
        };
        text = text?.Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }

    private static DateTime When(object? cell) => cell switch
    {
        DateTime t => t,
        DateTimeOffset o => o.UtcDateTime,
        string s when DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var t) => t,
        _ => DateTime.MinValue,
    };

    [GeneratedRegex(@"^-?[0-9]+\.0+$")]
    private static partial Regex WholeWithZeros();
}
