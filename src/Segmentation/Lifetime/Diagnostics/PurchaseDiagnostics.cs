namespace Segmentation.Lifetime.Diagnostics;

/// <summary>
/// The field's diagnostic plots of a purchase model, as numbers: what the reports, the notebook and the dashboard draw
/// (each renderer draws these and computes nothing).
/// </summary>
/// <param name="Model">The purchase model diagnosed ("BG/NBD").</param>
/// <param name="PeriodTransactions">Customers by repeat purchases in the calibration period, in the data and simulated from the fit.</param>
/// <param name="Matrix">Expected purchases and P(alive) over frequency and recency, for a customer of the longest T.</param>
/// <param name="Tracking">Repeat purchases over calendar time, actual against expected; null when the summary was read without its transactions.</param>
/// <param name="Rates">How purchase rates vary across customers.</param>
/// <param name="Dropout">How customers vary in leaving; null when the fit sees no dropout.</param>
public sealed record PurchaseDiagnostics(
    string Model,
    IReadOnlyList<RepeatCount> PeriodTransactions,
    FrequencyRecencyMatrix Matrix,
    RepeatTracking? Tracking,
    DensityCurve Rates,
    DensityCurve? Dropout);
