namespace Segmentation.Numerics;

/// <summary>Where a minimisation ended: the point, the value there, the iterations it took and whether it met its tolerance.</summary>
internal sealed record Minimum(double[] Point, double Value, int Iterations, bool Converged);

/// <summary>
/// Minimisation without derivatives (Nelder and Mead's simplex, restarted once from its own answer so that a
/// collapsed simplex does not stop it early), then Newton steps on central-difference derivatives to polish the
/// answer to the precision the likelihood allows. For the handful of parameters of the buy-till-you-die models.
/// </summary>
internal static class Optimizer
{
    /// <param name="beyond">
    /// Where the search may stop at once, unconverged: past it the caller reads the point as a boundary (a parameter
    /// gone to 0 or infinity), and walking on along a flat ridge would take tens of thousands of steps.
    /// </param>
    public static Minimum Minimize(Func<double[], double> f, double[] start, double tolerance = 1e-12, int maxIterations = 50_000, Func<double[], bool>? beyond = null)
    {
        var first = NelderMead(f, start, 0.5, tolerance, maxIterations, beyond);
        if (beyond?.Invoke(first.Point) == true) return first with { Converged = false };
        var second = NelderMead(f, first.Point, 0.1, tolerance, maxIterations, beyond);
        if (beyond?.Invoke(second.Point) == true) return new Minimum(second.Point, second.Value, first.Iterations + second.Iterations, false);
        var polished = Newton(f, second.Point, second.Value);
        return new Minimum(polished.Point, polished.Value, first.Iterations + second.Iterations + polished.Iterations, second.Converged);
    }

    private static Minimum NelderMead(Func<double[], double> f, double[] start, double step, double tolerance, int maxIterations, Func<double[], bool>? beyond)
    {
        var n = start.Length;
        var points = new double[n + 1][];
        var values = new double[n + 1];
        points[0] = (double[])start.Clone();
        values[0] = Safe(f, points[0]);
        for (var i = 0; i < n; i++)
        {
            var p = (double[])start.Clone();
            p[i] += step;
            points[i + 1] = p;
            values[i + 1] = Safe(f, p);
        }
        var iterations = 0;
        for (; iterations < maxIterations; iterations++)
        {
            var order = Enumerable.Range(0, n + 1).OrderBy(i => values[i]).ToArray();
            points = order.Select(i => points[i]).ToArray();
            values = order.Select(i => values[i]).ToArray();
            if (Math.Abs(values[n] - values[0]) <= tolerance * (Math.Abs(values[0]) + tolerance) && Spread(points) < 1e-9) break;
            if (beyond?.Invoke(points[0]) == true) break;
            var centroid = new double[n];
            for (var i = 0; i < n; i++) for (var j = 0; j < n; j++) centroid[j] += points[i][j] / n;
            double[] Along(double t) => centroid.Select((c, j) => c + t * (points[n][j] - c)).ToArray();
            var reflected = Along(-1);
            var fr = Safe(f, reflected);
            if (fr < values[0])
            {
                var expanded = Along(-2);
                var fe = Safe(f, expanded);
                (points[n], values[n]) = fe < fr ? (expanded, fe) : (reflected, fr);
            }
            else if (fr < values[n - 1])
            {
                (points[n], values[n]) = (reflected, fr);
            }
            else
            {
                var contracted = fr < values[n] ? Along(-0.5) : Along(0.5);
                var fc = Safe(f, contracted);
                if (fc < Math.Min(fr, values[n]))
                {
                    (points[n], values[n]) = (contracted, fc);
                }
                else
                {
                    for (var i = 1; i <= n; i++)
                    {
                        points[i] = points[i].Select((x, j) => points[0][j] + 0.5 * (x - points[0][j])).ToArray();
                        values[i] = Safe(f, points[i]);
                    }
                }
            }
        }
        var best = Array.IndexOf(values, values.Min());
        return new Minimum(points[best], values[best], iterations, iterations < maxIterations);
    }

    private static double Spread(double[][] points) =>
        points.Skip(1).Max(p => p.Select((x, j) => Math.Abs(x - points[0][j])).Max());

    private static double Safe(Func<double[], double> f, double[] x)
    {
        var v = f(x);
        return double.IsFinite(v) ? v : double.PositiveInfinity;
    }

    /// <summary>Newton steps while they lower the value; stops at the first that does not.</summary>
    private static Minimum Newton(Func<double[], double> f, double[] x, double value)
    {
        var steps = 0;
        for (; steps < 20; steps++)
        {
            var gradient = Gradient(f, x);
            var hessian = Hessian(f, x);
            if (Invert(hessian) is not { } inverse) break;
            var step = new double[x.Length];
            for (var i = 0; i < x.Length; i++) for (var j = 0; j < x.Length; j++) step[i] -= inverse[i][j] * gradient[j];
            var next = x.Select((v, i) => v + step[i]).ToArray();
            var nextValue = Safe(f, next);
            if (!(nextValue < value)) break;
            (x, value) = (next, nextValue);
        }
        return new Minimum(x, value, steps, true);
    }

    /// <summary>
    /// Central-difference gradient, with steps scaled to each coordinate (<paramref name="relative"/>: a fraction of
    /// it, for coordinates that must stay positive however small they are).
    /// </summary>
    public static double[] Gradient(Func<double[], double> f, double[] x, bool relative = false)
    {
        var g = new double[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            var h = 1e-6 * (relative ? Math.Abs(x[i]) : Math.Max(1, Math.Abs(x[i])));
            var up = (double[])x.Clone();
            var down = (double[])x.Clone();
            up[i] += h;
            down[i] -= h;
            g[i] = (f(up) - f(down)) / (2 * h);
        }
        return g;
    }

    /// <summary>Central-difference Hessian (<paramref name="relative"/> as for <see cref="Gradient"/>).</summary>
    public static double[][] Hessian(Func<double[], double> f, double[] x, bool relative = false)
    {
        var n = x.Length;
        var hessian = new double[n][];
        for (var i = 0; i < n; i++) hessian[i] = new double[n];
        var f0 = f(x);
        for (var i = 0; i < n; i++)
        {
            var hi = 1e-4 * (relative ? Math.Abs(x[i]) : Math.Max(1, Math.Abs(x[i])));
            for (var j = i; j < n; j++)
            {
                var hj = 1e-4 * (relative ? Math.Abs(x[j]) : Math.Max(1, Math.Abs(x[j])));
                double At(double di, double dj)
                {
                    var p = (double[])x.Clone();
                    p[i] += di;
                    p[j] += dj;
                    return f(p);
                }
                hessian[i][j] = hessian[j][i] = i == j
                    ? (At(hi, 0) - 2 * f0 + At(-hi, 0)) / (hi * hi)
                    : (At(hi, hj) - At(hi, -hj) - At(-hi, hj) + At(-hi, -hj)) / (4 * hi * hj);
            }
        }
        return hessian;
    }

    /// <summary>The inverse of a small square matrix (Gauss-Jordan with partial pivoting), or null when it is singular.</summary>
    public static double[][]? Invert(double[][] matrix)
    {
        var n = matrix.Length;
        var a = matrix.Select((row, i) => row.Concat(Enumerable.Range(0, n).Select(j => i == j ? 1.0 : 0.0)).ToArray()).ToArray();
        for (var c = 0; c < n; c++)
        {
            var pivot = Enumerable.Range(c, n - c).MaxBy(r => Math.Abs(a[r][c]));
            if (Math.Abs(a[pivot][c]) < 1e-300 || !double.IsFinite(a[pivot][c])) return null;
            (a[c], a[pivot]) = (a[pivot], a[c]);
            var d = a[c][c];
            for (var j = 0; j < 2 * n; j++) a[c][j] /= d;
            for (var r = 0; r < n; r++)
            {
                if (r == c) continue;
                var factor = a[r][c];
                for (var j = 0; j < 2 * n; j++) a[r][j] -= factor * a[c][j];
            }
        }
        return a.Select(row => row[n..]).ToArray();
    }
}
