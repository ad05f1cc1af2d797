namespace Segmentation.Lifetime.Diagnostics;

/// <summary>How many customers made <see cref="Repeats"/> repeat purchases ("7+" for the last bar): in the data, and on average in the model's simulations.</summary>
public sealed record RepeatCount(string Repeats, int Actual, double Simulated);
