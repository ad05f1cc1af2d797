using Segmentation.Lifetime;

namespace Segmentation.Runs.Files;

/// <summary>A fit as metrics.json and clv.json give it.</summary>
internal sealed record ValueFit(IReadOnlyDictionary<string, double?> Parameters, IReadOnlyList<double?> StandardErrors, double LogLikelihood,
    double GradientNorm, IReadOnlyList<string> Boundary, int Customers, int Patterns)
{
    public static ValueFit From(IReadOnlyDictionary<string, double?> parameters, FitDiagnostics d) => new(parameters,
        d.StandardErrors.Select(se => double.IsFinite(se) ? se : (double?)null).ToList(), d.LogLikelihood, d.GradientNorm, d.Boundary, d.Customers, d.Patterns);
}
