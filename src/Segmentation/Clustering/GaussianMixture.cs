using System.Runtime.Intrinsics;

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
        var x = new PointColumns(points);
        var means = mixture.Means.SelectMany(m => m).ToArray();
        var cholesky = new double[k * D * D];
        for (var c = 0; c < k; c++) Cholesky(mixture.Covariances[c], cholesky.AsSpan(c * D * D, D * D));
        var resp = new double[k * x.Padded];
        EStep(x, k, mixture.Weights, means, cholesky, resp);
        return HardLabels(resp, x, k);
    }

    /// <summary>The component of highest responsibility (the first of equals) and that responsibility.</summary>
    private static (int[] Labels, double[] Probabilities) HardLabels(double[] resp, PointColumns x, int k)
    {
        var labels = new int[x.Count];
        var probabilities = new double[x.Count];
        for (var i = 0; i < x.Count; i++)
        {
            var c = 0;
            for (var j = 1; j < k; j++) if (resp[j * x.Padded + i] > resp[c * x.Padded + i]) c = j;
            labels[i] = c;
            probabilities[i] = resp[c * x.Padded + i];
        }
        return (labels, probabilities);
    }

    /// <summary>The best of <see cref="Options.Initialisations"/> EM runs (the highest likelihood; the first of equals).</summary>
    public static Result Fit(double[] points, int k, int seed, Options? options = null)
    {
        options ??= new Options();
        var x = new PointColumns(points);
        Result? best = null;
        for (var init = 0; init < options.Initialisations; init++)
        {
            var fit = FitOnce(points, x, k, seed, init, options);
            if (Better(fit, best)) best = fit;
        }
        return best!;
    }

    /// <summary>Whether <paramref name="fit"/> beats <paramref name="best"/>: a higher likelihood, or an equal one from an earlier initialisation (so the order in which runs finish does not matter).</summary>
    public static bool Better(Result fit, Result? best) =>
        best is null || fit.LogLikelihood > best.LogLikelihood || (fit.LogLikelihood == best.LogLikelihood && fit.Initialisation < best.Initialisation);

    /// <summary>One EM run, from the responsibilities of a k-means fit seeded <paramref name="seed"/> + <paramref name="initialisation"/>.</summary>
    public static Result FitOnce(double[] points, PointColumns x, int k, int seed, int initialisation, Options options)
    {
        var start = KMeans.Fit(points, k, seed + initialisation, maxIterations: 300).Labels;
        var resp = new double[k * x.Padded];
        for (var i = 0; i < x.Count; i++) resp[start[i] * x.Padded + i] = 1;
        return Em(x, k, resp, options) with { Initialisation = initialisation };
    }

    private static Result Em(PointColumns x, int k, double[] resp, Options options)
    {
        var weights = new double[k];
        var means = new double[k * D];
        var covariances = new double[k * D * D];
        var cholesky = new double[k * D * D];
        MStep(x, k, resp, options, weights, means, covariances, cholesky);
        var lowerBound = double.NegativeInfinity;
        var converged = false;
        var iterations = 0;
        while (iterations < options.MaxIterations)
        {
            iterations++;
            var previous = lowerBound;
            lowerBound = EStep(x, k, weights, means, cholesky, resp);
            MStep(x, k, resp, options, weights, means, covariances, cholesky);
            if (Math.Abs(lowerBound - previous) < options.Tolerance) { converged = true; break; }
        }
        // A last E-step so that labels and probabilities are those of the final parameters (as scikit-learn's fit_predict).
        var logLikelihood = EStep(x, k, weights, means, cholesky, resp);
        var (labels, probabilities) = HardLabels(resp, x, k);
        return new Result(weights, means, covariances, labels, probabilities, logLikelihood, iterations, converged, 0);
    }

    /// <summary>
    /// Responsibilities into <paramref name="resp"/> (component-major, 0 for the padding); returns the mean
    /// log-likelihood. Four points at a time; each point's arithmetic is the one <see cref="Model.ModelSql"/> writes
    /// for the database: forward substitution through the Cholesky factor, the log-density, then exp(l - norm).
    /// </summary>
    private static double EStep(PointColumns x, int k, double[] weights, double[] means, double[] cholesky, double[] resp)
    {
        var p = x.Padded;
        var logWeights = weights.Select(w => Math.Log(w)).ToArray();
        var logDet = new double[k];
        for (var c = 0; c < k; c++)
        {
            for (var j = 0; j < D; j++) logDet[c] += Math.Log(cholesky[c * D * D + j * D + j]);
        }
        var half = Vector256.Create(0.5);
        var constant = Vector256.Create(D * LogTwoPi);
        Span<Vector256<double>> logProb = stackalloc Vector256<double>[k];
        var total = Vector256<double>.Zero;
        var tail = 0.0;
        for (var i = 0; i < p; i += PointColumns.Width)
        {
            var x0 = Vector256.LoadUnsafe(ref x.X0[0], (nuint)i);
            var x1 = Vector256.LoadUnsafe(ref x.X1[0], (nuint)i);
            var x2 = Vector256.LoadUnsafe(ref x.X2[0], (nuint)i);
            var max = Vector256.Create(double.NegativeInfinity);
            for (var c = 0; c < k; c++)
            {
                // Mahalanobis distance through the covariance's Cholesky factor L: solve L y = x - mean.
                var l = cholesky.AsSpan(c * D * D, D * D);
                var y0 = (x0 - Vector256.Create(means[c * D])) / Vector256.Create(l[0]);
                var y1 = (x1 - Vector256.Create(means[c * D + 1]) - Vector256.Create(l[3]) * y0) / Vector256.Create(l[4]);
                var y2 = (x2 - Vector256.Create(means[c * D + 2]) - Vector256.Create(l[6]) * y0 - Vector256.Create(l[7]) * y1) / Vector256.Create(l[8]);
                var m = y0 * y0 + y1 * y1 + y2 * y2;
                logProb[c] = Vector256.Create(logWeights[c]) - half * (constant + m) - Vector256.Create(logDet[c]);
                max = Vector256.Max(max, logProb[c]);
            }
            var sum = Vector256<double>.Zero;
            for (var c = 0; c < k; c++) sum += Vector256.Exp(logProb[c] - max);
            var norm = max + Vector256.Log(sum);
            for (var c = 0; c < k; c++) Vector256.Exp(logProb[c] - norm).StoreUnsafe(ref resp[0], (nuint)(c * p + i));
            if (i + PointColumns.Width <= x.Count)
            {
                total += norm;
            }
            else
            {
                for (var lane = 0; lane < x.Count - i; lane++) tail += norm.GetElement(lane);
            }
        }
        for (var c = 0; c < k; c++) Array.Clear(resp, c * p + x.Count, p - x.Count);
        return (Vector256.Sum(total) + tail) / x.Count;
    }

    /// <summary>Weights, means and regularised covariances from the responsibilities, and each covariance's Cholesky factor.</summary>
    private static void MStep(PointColumns x, int k, double[] resp, Options options, double[] weights, double[] means, double[] covariances, double[] cholesky)
    {
        var p = x.Padded;
        for (var c = 0; c < k; c++)
        {
            var (nk, s0, s1, s2) = (Vector256<double>.Zero, Vector256<double>.Zero, Vector256<double>.Zero, Vector256<double>.Zero);
            for (var i = 0; i < p; i += PointColumns.Width)
            {
                var r = Vector256.LoadUnsafe(ref resp[0], (nuint)(c * p + i));
                nk += r;
                s0 += r * Vector256.LoadUnsafe(ref x.X0[0], (nuint)i);
                s1 += r * Vector256.LoadUnsafe(ref x.X1[0], (nuint)i);
                s2 += r * Vector256.LoadUnsafe(ref x.X2[0], (nuint)i);
            }
            // scikit-learn's guard against an empty component: ten machine epsilons.
            var count = Vector256.Sum(nk) + 10 * MachineEpsilon;
            var (m0, m1, m2) = (Vector256.Sum(s0) / count, Vector256.Sum(s1) / count, Vector256.Sum(s2) / count);
            (means[c * D], means[c * D + 1], means[c * D + 2]) = (m0, m1, m2);

            // The covariance about the new mean (a second pass: no cancellation of large sums of squares).
            var (c00, c10, c11, c20, c21, c22) = (Vector256<double>.Zero, Vector256<double>.Zero, Vector256<double>.Zero, Vector256<double>.Zero, Vector256<double>.Zero, Vector256<double>.Zero);
            var (v0, v1, v2) = (Vector256.Create(m0), Vector256.Create(m1), Vector256.Create(m2));
            for (var i = 0; i < p; i += PointColumns.Width)
            {
                var r = Vector256.LoadUnsafe(ref resp[0], (nuint)(c * p + i));
                var d0 = Vector256.LoadUnsafe(ref x.X0[0], (nuint)i) - v0;
                var d1 = Vector256.LoadUnsafe(ref x.X1[0], (nuint)i) - v1;
                var d2 = Vector256.LoadUnsafe(ref x.X2[0], (nuint)i) - v2;
                var r0 = r * d0;
                var r1 = r * d1;
                c00 += r0 * d0;
                c10 += r1 * d0;
                c11 += r1 * d1;
                c20 += r * d2 * d0;
                c21 += r * d2 * d1;
                c22 += r * d2 * d2;
            }
            weights[c] = count / x.Count;
            var cov = covariances.AsSpan(c * D * D, D * D);
            (cov[0], cov[3], cov[4], cov[6], cov[7], cov[8]) = (Vector256.Sum(c00) / count, Vector256.Sum(c10) / count, Vector256.Sum(c11) / count,
                Vector256.Sum(c20) / count, Vector256.Sum(c21) / count, Vector256.Sum(c22) / count);
            for (var a = 0; a < D; a++)
            {
                for (var b = 0; b < a; b++) cov[b * D + a] = cov[a * D + b];
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
