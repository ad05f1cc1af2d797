namespace Segmentation.Audiences;

/// <summary>A customer of a run as an audience carries them: their segment and action, and their value figures as the run wrote them (empty without value).</summary>
internal sealed record AudienceMember(string CustomerId, string Segment, string Action, string Clv, string PAlive, string NextPurchase, bool AtRisk);
