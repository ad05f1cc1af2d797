namespace Segmentation.Lifetime.Diagnostics;

/// <summary>
/// A customer's expected purchases in the next <see cref="HorizonDays"/> and P(alive), for each repeat-purchase count
/// (rows, <see cref="Frequencies"/>) and recency (columns, <see cref="Recencies"/>: the time from the first purchase to
/// the last, in <see cref="Unit"/>), all with the longest history, <see cref="T"/>.
/// </summary>
public sealed record FrequencyRecencyMatrix(
    TimeUnit Unit,
    double T,
    int HorizonDays,
    IReadOnlyList<int> Frequencies,
    IReadOnlyList<double> Recencies,
    IReadOnlyList<IReadOnlyList<double>> Expected,
    IReadOnlyList<IReadOnlyList<double>> Alive);
