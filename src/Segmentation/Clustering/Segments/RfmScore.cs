namespace Segmentation.Clustering.Segments;

/// <summary>A customer's R, F and M scores (1..5, 5 best) and the standard segment of the code.</summary>
public readonly record struct RfmScore(int R, int F, int M)
{
    public string Code => $"{R}{F}{M}";
    public string Segment => RfmScoreSegments.Of(R, F, M);
}
