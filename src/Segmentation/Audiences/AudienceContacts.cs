namespace Segmentation.Audiences;

/// <summary>
/// The contacts of a run's customers, held in memory for the web session that uploaded them (its file is deleted
/// after the run): only audiences read them.
/// </summary>
public sealed class AudienceContacts
{
    internal AudienceContacts(ContactBook book) => Book = book;

    internal ContactBook Book { get; }

    /// <summary>The contact fields the file carries.</summary>
    public IReadOnlyList<ContactField> Fields => [.. Book.Fields.Order()];

    /// <summary>Customers of the run with any contact value.</summary>
    public int Customers => Book.ByCustomer.Count;
}
