namespace Segmentation.Lifetime;

/// <summary>
/// How one purchase model did on the calibration period: its log-likelihood, parameters and BIC (-2 LL + k ln n, n
/// customers), and its predictions of the holdout when there was one; or why it could not be fitted.
/// </summary>
public sealed record ModelScore(string Model, double LogLikelihood, int Parameters, double Bic, HoldoutValidation? Holdout)
{
    /// <summary>Why the model has no fit (its likelihood did not reach a maximum); null when it was fitted.</summary>
    public string? Failure { get; init; }
}
