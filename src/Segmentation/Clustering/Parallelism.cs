namespace Segmentation.Clustering;

/// <summary>How many threads a clustering step may use: the option's count, or every core when it has none.</summary>
internal static class Parallelism
{
    public static ParallelOptions Of(int? threads) => new() { MaxDegreeOfParallelism = threads ?? Environment.ProcessorCount };
}
