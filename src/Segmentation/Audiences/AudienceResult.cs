namespace Segmentation.Audiences;

/// <summary>What an audience export wrote: the customers it holds, and those it left out and why.</summary>
/// <param name="Selected">Customers of the segment (or at risk) in the run.</param>
/// <param name="Exported">Rows written.</param>
/// <param name="NoContact">Left out: no usable e-mail (or, for the ad platforms, no usable e-mail or phone).</param>
/// <param name="NoConsent">Left out: the file has a consent column and the customer's latest answer is not yes.</param>
public sealed record AudienceResult(string Path, AudienceFormat Format, string Audience, int Selected, int Exported, int NoContact, int NoConsent, bool Hashed);
