using Segmentation.Prepare.Sources;

namespace Segmentation.Audiences;

/// <summary>Which header holds which contact field: named by the user, else recognised by the names exports give it.</summary>
internal static class ContactFields
{
    /// <summary>Names compared after <see cref="ColumnRoles.Normalise"/> ("E-mail", "Email Address" and "email_address" are one), most specific first.</summary>
    public static IReadOnlyList<string> Aliases(ContactField field) => field switch
    {
        ContactField.Email => ["email", "emailaddress", "customeremail", "mail", "mailaddress", "emailadresse", "courriel", "correo", "correoelectronico"],
        ContactField.Phone => ["phone", "phonenumber", "mobile", "mobilephone", "mobilenumber", "cellphone", "cell", "telephone", "tel", "telefon", "telefono"],
        ContactField.FirstName => ["firstname", "givenname", "forename", "first", "vorname", "prenom", "nombre"],
        ContactField.LastName => ["lastname", "surname", "familyname", "last", "nachname", "nom", "apellido"],
        ContactField.Postcode => ["postcode", "postalcode", "zip", "zipcode", "postcodezip", "plz", "postleitzahl", "codepostal", "codigopostal", "cap"],
        ContactField.Country => ColumnRoles.Aliases(ColumnRole.Country),
        _ => ["consent", "marketingconsent", "emailconsent", "acceptsmarketing", "acceptsemailmarketing", "optin", "emailoptin", "marketingoptin", "subscribed", "newsletter"],
    };

    /// <summary>
    /// The index of each contact field in <paramref name="header"/>: the user's named header first, else the first
    /// alias found; fields the header lacks are absent. A named header the file lacks is an error naming the option.
    /// </summary>
    public static IReadOnlyDictionary<ContactField, int> Find(string file, IReadOnlyList<string> header, IReadOnlyDictionary<ContactField, string> named)
    {
        var normalised = header.Select(ColumnRoles.Normalise).ToArray();
        var found = new Dictionary<ContactField, int>();
        foreach (var field in Enum.GetValues<ContactField>())
        {
            if (named.TryGetValue(field, out var name))
            {
                var index = ColumnMapping.IndexOf(header, name);
                if (index < 0) throw new InputException(file, $"there is no column '{name}' for the {Word(field)}; the header has: {string.Join(", ", header.Select(h => $"'{h}'"))}", row: 1, column: name);
                found[field] = index;
                continue;
            }
            foreach (var alias in Aliases(field))
            {
                var index = Array.IndexOf(normalised, alias);
                if (index >= 0 && !found.ContainsValue(index)) { found[field] = index; break; }
            }
        }
        return found;
    }

    public static string Word(ContactField field) => field switch
    {
        ContactField.FirstName => "first name",
        ContactField.LastName => "last name",
        ContactField.Consent => "marketing consent",
        _ => field.ToString().ToLowerInvariant(),
    };
}
