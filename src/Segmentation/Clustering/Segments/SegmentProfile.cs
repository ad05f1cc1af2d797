namespace Segmentation.Clustering.Segments;

/// <summary>Customers of one country within a segment.</summary>
public sealed record CountryCount(string Country, int Customers);

/// <summary>One cluster segment described for people: size, value, typical R, F and M, and what to do.</summary>
public sealed record SegmentProfile
{
    public int Cluster { get; init; }
    public string Segment { get; init; } = "";
    public string Description { get; init; } = "";
    public string Actions { get; init; } = "";
    public string Priority { get; init; } = "";
    public int Customers { get; init; }
    public double Share { get; init; }
    public double MeanRecency { get; init; }
    public double MedianRecency { get; init; }
    public double MeanFrequency { get; init; }
    public double MedianFrequency { get; init; }
    public double MeanMonetary { get; init; }
    public double MedianMonetary { get; init; }
    public decimal Revenue { get; init; }
    public double RevenueShare { get; init; }
    public double[] Centroid { get; init; } = [];
    public IReadOnlyList<CountryCount> TopCountries { get; init; } = [];

    /// <summary>The probability at or above which an assignment counts as confident.</summary>
    public const double ConfidentProbability = 0.9;

    /// <summary>
    /// Gaussian mixture: the share of the segment's customers assigned with probability at least
    /// <see cref="ConfidentProbability"/>; null for the other methods, or an empty segment.
    /// </summary>
    public double? ConfidentShare { get; init; }

    /// <summary>Gaussian mixture: the mean probability of the segment's customers; null otherwise.</summary>
    public double? MeanProbability { get; init; }

    /// <summary>The segment's mean lifetime value, when the run estimated it.</summary>
    public double? MeanClv { get; init; }

    /// <summary>The segment's share of all customers' lifetime value, when the run estimated it.</summary>
    public double? ClvShare { get; init; }

    /// <summary>High-value customers of the segment at risk of leaving, when the run estimated lifetime value.</summary>
    public int? AtRisk { get; init; }

    /// <summary>Customers almost as near another segment's centre as this one's.</summary>
    public int Borderline { get; init; }

    /// <summary>Customers whose own recency contradicts the segment's name (see <see cref="CustomerSegment.RecencyContradictsName"/>).</summary>
    public int RecencyContradictsName { get; init; }
}

/// <summary>One RFM score segment: customers and revenue.</summary>
public sealed record ScoreSegmentProfile(string Segment, int Customers, double Share, decimal Revenue, double RevenueShare);
