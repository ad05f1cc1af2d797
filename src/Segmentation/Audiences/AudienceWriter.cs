using Segmentation.IO;

namespace Segmentation.Audiences;

/// <summary>
/// An audience file in a tool's import format, written atomically. Klaviyo and Mailchimp get the contact as given
/// (trimmed; a column the input lacks is left out) with the segment, action and value figures as properties; Google
/// and Meta get exactly their documented headers, with the normalised values, hashed as each asks.
/// </summary>
internal static class AudienceWriter
{
    public static IReadOnlyList<string> Header(AudienceFormat format, IReadOnlySet<ContactField> fields, bool valued) => format switch
    {
        AudienceFormat.Google => ["Email", "Phone", "First Name", "Last Name", "Country", "Zip"],
        AudienceFormat.Meta => ["EMAIL", "PHONE", "FN", "LN", "ZIP", "COUNTRY"],
        _ => [format == AudienceFormat.Mailchimp ? "Email Address" : "Email",
            .. Present(fields).Select(f => Label(format, f)), "Customer ID", "Segment", "Action",
            .. valued ? new[] { "CLV", "P(alive)", "Expected Next Purchase", "At Risk Of Leaving" } : []],
    };

    /// <summary>The row of one customer, or null when they have no usable contact for <paramref name="format"/>.</summary>
    public static string[]? Row(AudienceFormat format, bool hash, AudienceMember m, Contact c, IReadOnlySet<ContactField> fields, bool valued)
    {
        var email = ContactNormaliser.Email(c.Email);
        var phone = ContactNormaliser.Phone(c.Phone, c.Country);
        string H(string? value) => value is null ? "" : ContactNormaliser.Sha256(value);
        switch (format)
        {
            case AudienceFormat.Google:
                if (email is null && phone is null) return null;
                // Country and Zip are never hashed: Customer Match reads them as they are.
                string G(string? value) => value is null ? "" : hash ? ContactNormaliser.Sha256(value) : value;
                return [G(email), G(phone), G(ContactNormaliser.Name(c.FirstName)), G(ContactNormaliser.Name(c.LastName)),
                    Countries.Iso(c.Country)?.ToUpperInvariant() ?? "", c.Postcode?.Trim() ?? ""];
            case AudienceFormat.Meta:
                if (email is null && phone is null) return null;
                // Meta's phone is the E.164 digits without the +.
                return [H(email), H(phone?[1..]), H(ContactNormaliser.Name(c.FirstName)), H(ContactNormaliser.Name(c.LastName)),
                    H(ContactNormaliser.Postcode(c.Postcode, c.Country)), H(Countries.Iso(c.Country))];
            default:
                if (email is null) return null;
                return [email, .. Present(fields).Select(f => f switch
                {
                    ContactField.Phone => phone ?? "",
                    ContactField.FirstName => c.FirstName ?? "",
                    ContactField.LastName => c.LastName ?? "",
                    ContactField.Postcode => c.Postcode ?? "",
                    _ => c.Country ?? "",
                }), m.CustomerId, m.Segment, m.Action, .. valued ? new[] { m.Clv, m.PAlive, m.NextPurchase, m.AtRisk ? "yes" : "no" } : []];
        }
    }

    public static void Write(string path, IReadOnlyList<string> header, IEnumerable<string[]> rows) => AtomicFile.WriteText(path, w => Write(w, header, rows));

    public static void Write(TextWriter w, IReadOnlyList<string> header, IEnumerable<string[]> rows)
    {
        w.NewLine = "\n";
        w.WriteLine(string.Join(',', header.Select(Csv.Field)));
        // Every value through the CSV guard: a name or an e-mail starting = + - @ is written with an apostrophe, as
        // everywhere we write a CSV. E.164 phones start with +: they are digits, and a tool reads them as text.
        foreach (var row in rows) w.WriteLine(string.Join(',', row.Select(v => v.StartsWith('+') && v.Skip(1).All(char.IsAsciiDigit) ? v : Csv.Field(v))));
    }

    /// <summary>The contact columns besides the e-mail that Klaviyo and Mailchimp get: those the input has (consent decides who, it is no column).</summary>
    private static IEnumerable<ContactField> Present(IReadOnlySet<ContactField> fields) =>
        new[] { ContactField.Phone, ContactField.FirstName, ContactField.LastName, ContactField.Postcode, ContactField.Country }.Where(fields.Contains);

    private static string Label(AudienceFormat format, ContactField field) => (format, field) switch
    {
        (_, ContactField.Phone) => "Phone Number",
        (_, ContactField.FirstName) => "First Name",
        (_, ContactField.LastName) => "Last Name",
        (AudienceFormat.Mailchimp, ContactField.Postcode) => "Zip",
        (_, ContactField.Postcode) => "Zip Code",
        _ => "Country",
    };
}
