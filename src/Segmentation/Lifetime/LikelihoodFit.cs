using Segmentation.Numerics;

namespace Segmentation.Lifetime;

/// <summary>
/// Maximum likelihood over positive parameters: the search runs on their logarithms (so every step stays in the
/// space), the diagnostics are taken on the parameters themselves.
/// </summary>
internal static class LikelihoodFit
{
    /// <summary>Beyond this a log-parameter is taken to have run off to 0 or infinity: the likelihood is flat that way.</summary>
    private const double Edge = 12;

    /// <summary>Where the search stops: a log-parameter this far out is past <see cref="Edge"/> for good.</summary>
    private const double StopBeyond = 16;

    /// <param name="atLimit">
    /// Where the search may stop short of the optimum: the model has reached a limit that the caller fits as such (BG/BB's
    /// no-dropout limit, which the search would approach only along a slow ridge).
    /// </param>
    public static (double[] Parameters, FitDiagnostics Diagnostics) Maximise(string model, string[] names, Func<double[], double> logLikelihood,
        double[] start, int customers, int patterns, Func<double[], bool>? atLimit = null)
    {
        double Negative(double[] logs) => -logLikelihood(logs.Select(v => Math.Exp(v)).ToArray());
        // Well past the edge the search stops: the point is read as a boundary either way.
        bool Beyond(double[] logs) => logs.Any(v => Math.Abs(v) > StopBeyond) || atLimit?.Invoke([.. logs.Select(Math.Exp)]) == true;
        var minimum = Optimizer.Minimize(Negative, start.Select(v => Math.Log(v)).ToArray(), beyond: Beyond);
        if (atLimit?.Invoke([.. minimum.Point.Select(Math.Exp)]) == true) minimum = minimum with { Converged = true };
        if (!double.IsFinite(minimum.Value)) throw new ModelFitException(model, "the likelihood is not finite anywhere the search went");
        var parameters = minimum.Point.Select(v => Math.Exp(v)).ToArray();
        var boundary = new List<string>();
        for (var i = 0; i < names.Length; i++)
        {
            if (minimum.Point[i] < -Edge) boundary.Add($"{names[i]} went to 0 ({parameters[i]:G3})");
            if (minimum.Point[i] > Edge) boundary.Add($"{names[i]} went to infinity ({parameters[i]:G3})");
        }
        var gradient = Optimizer.Gradient(p => logLikelihood(p), parameters, relative: true);
        var information = Optimizer.Hessian(p => -logLikelihood(p), parameters, relative: true);
        var covariance = boundary.Count == 0 ? Optimizer.Invert(information) : null;
        var errors = Enumerable.Range(0, names.Length)
            .Select(i => covariance is not null && covariance[i][i] > 0 ? Math.Sqrt(covariance[i][i]) : double.NaN).ToArray();
        var logCovariance = boundary.Count == 0 ? Optimizer.Invert(Optimizer.Hessian(Negative, minimum.Point)) : null;
        var diagnostics = new FitDiagnostics(-minimum.Value, errors, Math.Sqrt(gradient.Sum(g => g * g)), boundary, minimum.Iterations, customers, patterns)
        {
            LogCovariance = logCovariance is not null && logCovariance.Select((row, i) => row[i]).All(v => v > 0) ? logCovariance : null,
        };
        if (!minimum.Converged && boundary.Count == 0)
        {
            throw new ModelFitException(model, $"the search did not settle after {minimum.Iterations} iterations (gradient norm {diagnostics.GradientNorm:G3})");
        }
        return (parameters, diagnostics);
    }

    /// <summary>
    /// A model's no-dropout limit fitted from where the full search ended, its diagnostics led by
    /// <paramref name="reading"/>: why the model is its limit, in words.
    /// </summary>
    public static (double[] Parameters, FitDiagnostics Diagnostics) MaximiseLimit(string model, string[] names, Func<double[], double> logLikelihood,
        double[] start, int customers, int patterns, string reading)
    {
        var (values, diagnostics) = Maximise(model + " (no-dropout limit)", names, logLikelihood, start, customers, patterns);
        return (values, diagnostics with { Boundary = [reading, .. diagnostics.Boundary] });
    }
}
