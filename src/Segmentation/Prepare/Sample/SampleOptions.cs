namespace Segmentation.Prepare.Sample;

/// <summary>Size and seed of the synthetic dataset. The same options always give the same rows.</summary>
public sealed record SampleOptions
{
    public int Customers { get; init; } = 1_500;
    public int Seed { get; init; } = 42;
    public DateTime Start { get; init; } = new(2010, 12, 1);
    public DateTime End { get; init; } = new(2011, 12, 9);

    /// <summary>
    /// Also write made-up contact columns (Email, Phone, Consent) into a sample file, to try audiences with: addresses
    /// at example.com and phones in the range Ofcom keeps for fiction, some missing, some mixed case, some without consent.
    /// </summary>
    public bool Contacts { get; init; }

    public static SampleOptions Default { get; } = new();
}
