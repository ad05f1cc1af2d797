namespace Segmentation.Clustering;

/// <summary>
/// A Gaussian mixture with full covariances fitted by EM, as scikit-learn's GaussianMixture does it: each
/// initialisation starts from the responsibilities of one seeded k-means fit, EM runs until the mean log-likelihood
/// gains less than the tolerance, every covariance gets <see cref="Options.RegCovar"/> added to its diagonal (so a
/// component cannot collapse onto points that share a value, as many customers share one order), and the
/// initialisation with the highest likelihood is kept. Each customer gets the component of highest responsibility and
/// that responsibility, how sure the assignment is.
/// </summary>
internal static class GaussianMixture
{
    private const int D = KMeans.Dim;
    internal static readonly double LogTwoPi = Math.Log(2 * Math.PI);

    /// <summary>The gap between 1 and the next double (numpy's finfo(float64).eps).</summary>
    private const double MachineEpsilon = 2.220446049250313e-16;

    /// <summary>A component's variance on an axis below this marks it as collapsed (standardised features have variance 1).</summary>
    public const double CollapsedVariance = 1e-3;

    /// <param name="VarianceFloor">
    /// Per axis, the least variance a component may have there (after <paramref name="RegCovar"/>); null: none, as
    /// scikit-learn. See <see cref="MixtureSweep.PointMassFloor"/>.
    /// </param>
    public sealed record Options(int Initialisations = 5, double RegCovar = 1e-6, double Tolerance = 1e-3, int MaxIterations = 100, double[]? VarianceFloor = null);

    /// <param name="Weights">Mixing weights, one per component.</param>
    /// <param name="Means">k rows of <see cref="KMeans.Dim"/> values, row-major.</param>
    /// <param name="Covariances">k row-major 3 x 3 matrices, one after another.</param>
    /// <param name="LogLikelihood">Mean log-likelihood of the points (scikit-learn's score).</param>
    public sealed record Result(double[] Weights, double[] Means, double[] Covariances, int[] Labels, double[] Probabilities,
        double LogLikelihood, int Iterations, bool Converged, int Initialisation)
    {
        public int K => Weights.Length;

        /// <summary>Free parameters: k means, k symmetric covariances, k - 1 weights.</summary>
        public int Parameters => K * D + K * D * (D + 1) / 2 + K - 1;

        public double Bic(int n) => -2 * LogLikelihood * n + Parameters * Math.Log(n);

        public double Aic(int n) => -2 * LogLikelihood * n + 2 * Parameters;

        /// <summary>
        /// Components with a variance below <see cref="CollapsedVariance"/> on some axis: sitting on customers who share a
        /// value (many share one order, so one log1p frequency). Their density, and so the likelihood and BIC, grows
        /// without bound as the regularisation shrinks: a BIC bought with such components says little about the segments.
        /// </summary>
        public int Collapsed => Enumerable.Range(0, K).Count(c => Enumerable.Range(0, D).Any(j => Covariances[c * D * D + j * D + j] < CollapsedVariance));
    }

    /// <summary>
    /// Components held at the floor: a variance on some axis no more than the floor (to a part in a million), i.e. a
    /// component that would collapse onto a shared value without it.
    /// </summary>
    public static int HeldAtFloor(Result result, double[] floor) => Enumerable.Range(0, result.K)
        .Count(c => Enumerable.Range(0, D).Any(j => floor[j] > 0 && result.Covariances[c * D * D + j * D + j] <= floor[j] * (1 + 1e-6)));

    /// <summary>Each point's most likely component under <paramref name="mixture"/>, and its probability.</summary>
    public static (int[] Labels, double[] Probabilities) Predict(double[] points, MixtureParameters mixture)
    {
        var k = mixture.Weights.Length;
        var n = points.Length / D;
        var means = mixture.Means.SelectMany(m => m).ToArray();
        var cholesky = new double[k * D * D];
        for (var c = 0; c < k; c++) Cholesky(mixture.Covariances[c], cholesky.AsSpan(c * D * D, D * D));
        var resp = new double[n * k];
        EStep(points, n, k, mixture.Weights, means, cholesky, resp);
        return HardLabels(resp, n, k);
    }

    private static (int[] Labels, double[] Probabilities) HardLabels(double[] resp, int n, int k)
    {
        var labels = new int[n];
        var probabilities = new double[n];
        for (var i = 0; i < n; i++)
        {
            var c = 0;
            for (var j = 1; j < k; j++) if (resp[i * k + j] > resp[i * k + c]) c = j;
            labels[i] = c;
            probabilities[i] = resp[i * k + c];
        }
        return (labels, probabilities);
    }

    public static Result Fit(double[] points, int k, int seed, Options? options = null)
    {
        options ??= new Options();
        var n = points.Length / D;
        Result? best = null;
        for (var init = 0; init < options.Initialisations; init++)
        {
            var start = KMeans.Fit(points, k, seed + init, maxIterations: 300).Labels;
            var resp = new double[n * k];
            for (var i = 0; i < n; i++) resp[i * k + start[i]] = 1;
            var fit = Em(points, n, k, resp, options) with { Initialisation = init };
            if (best is null || fit.LogLikelihood > best.LogLikelihood) best = fit;
        }
        return best!;
    }

    private static Result Em(double[] points, int n, int k, double[] resp, Options options)
    {
        var weights = new double[k];
        var means = new double[k * D];
        var covariances = new double[k * D * D];
        var cholesky = new double[k * D * D];
        MStep(points, n, k, resp, options, weights, means, covariances, cholesky);
        var lowerBound = double.NegativeInfinity;
        var converged = false;
        var iterations = 0;
        while (iterations < options.MaxIterations)
        {
            iterations++;
            var previous = lowerBound;
            lowerBound = EStep(points, n, k, weights, means, cholesky, resp);
            MStep(points, n, k, resp, options, weights, means, covariances, cholesky);
            if (Math.Abs(lowerBound - previous) < options.Tolerance) { converged = true; break; }
        }
        // A last E-step so that labels and probabilities are those of the final parameters (as scikit-learn's fit_predict).
        var logLikelihood = EStep(points, n, k, weights, means, cholesky, resp);
        var (labels, probabilities) = HardLabels(resp, n, k);
        return new Result(weights, means, covariances, labels, probabilities, logLikelihood, iterations, converged, 0);
    }

    /// <summary>Responsibilities into <paramref name="resp"/>; returns the mean log-likelihood.</summary>
    private static double EStep(double[] points, int n, int k, double[] weights, double[] means, double[] cholesky, double[] resp)
    {
        var logWeights = weights.Select(w => Math.Log(w)).ToArray();
        var logDet = new double[k];
        for (var c = 0; c < k; c++)
        {
            for (var j = 0; j < D; j++) logDet[c] += Math.Log(cholesky[c * D * D + j * D + j]);
        }
        var total = 0.0;
        Span<double> y = stackalloc double[D];
        for (var i = 0; i < n; i++)
        {
            var max = double.NegativeInfinity;
            for (var c = 0; c < k; c++)
            {
                // Mahalanobis distance through the covariance's Cholesky factor L: solve L y = x - mean.
                var l = cholesky.AsSpan(c * D * D, D * D);
                var m = 0.0;
                for (var r = 0; r < D; r++)
                {
                    var v = points[i * D + r] - means[c * D + r];
                    for (var s = 0; s < r; s++) v -= l[r * D + s] * y[s];
                    y[r] = v / l[r * D + r];
                    m += y[r] * y[r];
                }
                var logProb = logWeights[c] - 0.5 * (D * LogTwoPi + m) - logDet[c];
                resp[i * k + c] = logProb;
                max = Math.Max(max, logProb);
            }
            var sum = 0.0;
            for (var c = 0; c < k; c++) sum += Math.Exp(resp[i * k + c] - max);
            var norm = max + Math.Log(sum);
            total += norm;
            for (var c = 0; c < k; c++) resp[i * k + c] = Math.Exp(resp[i * k + c] - norm);
        }
        return total / n;
    }

    /// <summary>Weights, means and regularised covariances from the responsibilities, and each covariance's Cholesky factor.</summary>
    private static void MStep(double[] points, int n, int k, double[] resp, Options options, double[] weights, double[] means, double[] covariances, double[] cholesky)
    {
        var nk = new double[k];
        Array.Clear(means);
        Array.Clear(covariances);
        for (var i = 0; i < n; i++)
        {
            for (var c = 0; c < k; c++)
            {
                var r = resp[i * k + c];
                nk[c] += r;
                for (var j = 0; j < D; j++) means[c * D + j] += r * points[i * D + j];
            }
        }
        for (var c = 0; c < k; c++)
        {
            // scikit-learn's guard against an empty component: ten machine epsilons.
            nk[c] += 10 * MachineEpsilon;
            for (var j = 0; j < D; j++) means[c * D + j] /= nk[c];
        }
        Span<double> diff = stackalloc double[D];
        for (var i = 0; i < n; i++)
        {
            for (var c = 0; c < k; c++)
            {
                var r = resp[i * k + c];
                if (r == 0) continue;
                for (var j = 0; j < D; j++) diff[j] = points[i * D + j] - means[c * D + j];
                for (var a = 0; a < D; a++)
                {
                    for (var b = 0; b <= a; b++) covariances[c * D * D + a * D + b] += r * diff[a] * diff[b];
                }
            }
        }
        for (var c = 0; c < k; c++)
        {
            weights[c] = nk[c] / n;
            var cov = covariances.AsSpan(c * D * D, D * D);
            for (var a = 0; a < D; a++)
            {
                for (var b = 0; b <= a; b++)
                {
                    cov[a * D + b] /= nk[c];
                    cov[b * D + a] = cov[a * D + b];
                }
                cov[a * D + a] += options.RegCovar;
                if (options.VarianceFloor is { } floor) cov[a * D + a] = Math.Max(cov[a * D + a], floor[a]);
            }
            Cholesky(cov, cholesky.AsSpan(c * D * D, D * D));
        }
    }

    /// <summary>The lower-triangular L with L L^T = <paramref name="matrix"/> (symmetric positive definite, as regularisation keeps it).</summary>
    internal static void Cholesky(ReadOnlySpan<double> matrix, Span<double> l)
    {
        l.Clear();
        for (var r = 0; r < D; r++)
        {
            for (var c = 0; c <= r; c++)
            {
                var sum = matrix[r * D + c];
                for (var s = 0; s < c; s++) sum -= l[r * D + s] * l[c * D + s];
                if (r == c)
                {
                    if (sum <= 0) throw new InvalidOperationException("a component's covariance is not positive definite even with its regularisation");
                    l[r * D + r] = Math.Sqrt(sum);
                }
                else
                {
                    l[r * D + c] = sum / l[c * D + c];
                }
            }
        }
    }
}
