namespace Segmentation.Prepare.Sources;

/// <summary>
/// One transaction line as read from the file, before cleaning. Keys are text, normalised so that a
/// workbook's numeric cell 17850.0 and a CSV's "17850" are the same customer. <see cref="Amount"/> is
/// Quantity x UnitPrice, or the file's own line-amount column when it has one.
/// </summary>
/// <param name="Row">1-based row as a spreadsheet shows it (the header is row 1).</param>
internal readonly record struct Transaction(
    long Row,
    string? CustomerId,
    string? InvoiceNo,
    DateTime Date,
    decimal? Quantity,
    decimal? UnitPrice,
    decimal Amount,
    string? StockCode,
    string? Description,
    string? Country);
