namespace Segmentation.Lifetime;

/// <summary>
/// How a maximum-likelihood fit ended: the log-likelihood, each parameter's standard error (from the inverse of the
/// observed information; NaN where it is not defined), the gradient's norm at the optimum (near 0 at a true
/// maximum inside the parameter space), the parameters found on a boundary of the space, in words, and the counts.
/// </summary>
public sealed record FitDiagnostics(
    double LogLikelihood,
    IReadOnlyList<double> StandardErrors,
    double GradientNorm,
    IReadOnlyList<string> Boundary,
    int Iterations,
    int Customers,
    int Patterns)
{
    /// <summary>
    /// The covariance of the parameters' logarithms (the inverse observed information there), from which parameter
    /// draws for intervals are taken; null when it is not defined (a boundary, a singular information).
    /// </summary>
    public IReadOnlyList<IReadOnlyList<double>>? LogCovariance { get; init; }

    public bool OnBoundary => Boundary.Count > 0;
}

/// <summary>A fit that cannot be trusted: the likelihood did not reach a maximum, or the data cannot identify the model.</summary>
public sealed class ModelFitException(string model, string reason) : Exception($"{model}: {reason}")
{
    public string Model { get; } = model;
    public string Reason { get; } = reason;
}
