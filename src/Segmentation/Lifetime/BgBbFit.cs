using Segmentation.Numerics;

namespace Segmentation.Lifetime;

/// <summary>
/// A fitted BG/BB model (Fader, Hardie and Shang 2010), for purchases at discrete opportunities (a yearly donation, a
/// monthly box): while alive a customer buys at each opportunity with their own probability, Beta(alpha, beta) across
/// customers, and after each opportunity leaves with their own probability, Beta(gamma, delta). A customer is
/// (x, t_x, n): opportunities taken among the n after the first purchase, and the last one taken (0 for none).
/// </summary>
internal sealed record BgBbFit(double Alpha, double Beta, double Gamma, double Delta, FitDiagnostics Diagnostics)
{
    public const string Model = "BG/BB";

    /// <summary>The paper's equation 5, in logs: alive throughout the n opportunities, or gone after one of those after t_x.</summary>
    public double LogLikelihood(int x, int tx, int n) => LogLikelihood(Alpha, Beta, Gamma, Delta, x, tx, n);

    internal static double LogLikelihood(double alpha, double beta, double gamma, double delta, int x, int tx, int n)
    {
        var (ab, gd) = (SpecialFunctions.LogBeta(alpha, beta), SpecialFunctions.LogBeta(gamma, delta));
        var sum = SpecialFunctions.LogBeta(alpha + x, beta + n - x) - ab + SpecialFunctions.LogBeta(gamma, delta + n) - gd;
        for (var i = 0; i <= n - tx - 1; i++)
        {
            var term = SpecialFunctions.LogBeta(alpha + x, beta + tx - x + i) - ab + SpecialFunctions.LogBeta(gamma + 1, delta + tx + i) - gd;
            sum = Math.Max(sum, term) + Math.Log(1 + Math.Exp(-Math.Abs(sum - term)));
        }
        return sum;
    }

    /// <summary>P(alive at opportunity n + m): the paper's equation 11 (m = 1: alive for the next opportunity).</summary>
    public double ProbabilityAlive(int m, int x, int tx, int n) => Math.Exp(
        SpecialFunctions.LogBeta(Alpha + x, Beta + n - x) - SpecialFunctions.LogBeta(Alpha, Beta)
        + SpecialFunctions.LogBeta(Gamma, Delta + n + m) - SpecialFunctions.LogBeta(Gamma, Delta)
        - LogLikelihood(x, tx, n));

    /// <summary>Expected purchases in the next m opportunities: the paper's equation 13.</summary>
    public double ExpectedPurchases(int m, int x, int tx, int n)
    {
        var lead = SpecialFunctions.LogBeta(Alpha + x + 1, Beta + n - x) - SpecialFunctions.LogBeta(Alpha, Beta) - LogLikelihood(x, tx, n)
            + Math.Log(Delta / (Gamma - 1)) + SpecialFunctions.LogGamma(Gamma + Delta) - SpecialFunctions.LogGamma(1 + Delta);
        var now = SpecialFunctions.LogGamma(1 + Delta + n) - SpecialFunctions.LogGamma(Gamma + Delta + n);
        var then = SpecialFunctions.LogGamma(1 + Delta + n + m) - SpecialFunctions.LogGamma(Gamma + Delta + n + m);
        return Math.Exp(lead) * (Math.Exp(now) - Math.Exp(then));
    }
}
