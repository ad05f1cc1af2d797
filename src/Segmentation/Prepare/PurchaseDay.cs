namespace Segmentation.Prepare;

/// <summary>
/// A customer's purchases on one day, added up (kept rows only): what the buy-till-you-die models count, where
/// several orders on one day are one purchase.
/// </summary>
public readonly record struct PurchaseDay(string CustomerId, DateTime Day, decimal Value);
