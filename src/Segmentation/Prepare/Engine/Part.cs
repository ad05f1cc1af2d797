namespace Segmentation.Prepare.Engine;

/// <summary>
/// One of <see cref="Count"/> disjoint parts of the customers, by a hash of the customer key. An input too large
/// for the engine's memory in one statement is prepared part by part (every row of a customer in the same part),
/// and the parts' results add up: what the statement holds in memory shrinks with the part, not the input.
/// </summary>
internal readonly record struct Part(int Index, int Count);
