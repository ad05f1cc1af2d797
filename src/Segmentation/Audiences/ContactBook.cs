namespace Segmentation.Audiences;

/// <summary>The contacts of the customers asked for, by customer id, and which contact fields the file has.</summary>
/// <param name="Fields">The contact fields the file carries: an export drops the others.</param>
internal sealed record ContactBook(IReadOnlyDictionary<string, Contact> ByCustomer, IReadOnlySet<ContactField> Fields)
{
    public bool HasConsent => Fields.Contains(ContactField.Consent);

    /// <summary>Whether the file can reach anyone: it has an e-mail or a phone column (an audience needs one).</summary>
    public bool Reaches => Fields.Contains(ContactField.Email) || Fields.Contains(ContactField.Phone);
}
