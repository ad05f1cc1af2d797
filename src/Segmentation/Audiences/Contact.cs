namespace Segmentation.Audiences;

/// <summary>A customer's contact data as the file last gave each field (the latest non-empty value); null where it never did.</summary>
/// <param name="Consent">Marketing consent when the file has a consent column: yes, no, or null when the customer's cells were all empty.</param>
internal sealed record Contact(string? Email, string? Phone, string? FirstName, string? LastName, string? Postcode, string? Country, bool? Consent);
