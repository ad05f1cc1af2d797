namespace Segmentation.Prepare;

/// <summary>
/// One customer's RFM. Recency: whole days from the last purchase to the snapshot, rounded down.
/// Frequency: distinct orders (invoices). Monetary: sum of the line amounts.
/// </summary>
public sealed record CustomerRfm(
    string CustomerId,
    int Recency,
    int Frequency,
    decimal Monetary,
    DateTime FirstPurchase,
    DateTime LastPurchase,
    int Lines,
    string? Country);
