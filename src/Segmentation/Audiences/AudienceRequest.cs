namespace Segmentation.Audiences;

/// <summary>Who goes into an audience and where it is written.</summary>
/// <param name="Run">A run's folder (customer_segments.csv, metrics.json, data_quality.json).</param>
/// <param name="Segment">The cluster segment's name (case ignored); null with <see cref="AtRisk"/>.</param>
/// <param name="AtRisk">The customers at risk of leaving instead of a segment (a run with lifetime value).</param>
/// <param name="Input">The transactions with the contact columns; null: the run's own input, when it is a file that is still there.</param>
/// <param name="Output">The file to write; null: audiences/&lt;segment&gt;_&lt;format&gt;.csv in the run's folder.</param>
public sealed record AudienceRequest(string Run, string? Segment, bool AtRisk, AudienceFormat Format, string? Input = null, bool Hash = false, string? Output = null)
{
    /// <summary>Contact columns named by the user; the others are recognised by their usual names.</summary>
    public IReadOnlyDictionary<ContactField, string> Columns { get; init; } = new Dictionary<ContactField, string>();
}
