using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Segmentation.Clustering;
using Segmentation.Numerics;
using Segmentation.Prepare;

namespace Segmentation.Benchmarks;

/// <summary>
/// The Gaussian-mixture sweep and DBSCAN, ours in this process against scikit-learn's in a Python process
/// (sklearn_methods.py), on the same features of one prepared input, each side timed from features in memory to
/// fits and indices: the mixture for k = 2..10 with 5 starts from k-means each, reg_covar 1e-6, tol 1e-3; DBSCAN with
/// the k-distance curve, the fit at our eps (the curve's knee) and min_samples 10, and the indices of the clustered
/// points. Both sides take the silhouette on a seeded 5,000 above 10,000 customers.
/// </summary>
internal static class MethodsComparison
{
    private const int Starts = 5;

    public static string Run(IReadOnlyList<string> inputs, int repetitions, string python)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "sklearn_methods.py");
        var report = new StringBuilder()
            .AppendLine("## Gaussian mixtures and DBSCAN: ours against scikit-learn").AppendLine()
            .AppendLine($"In-process times from scaled features to fits and indices, median of {repetitions} (scikit-learn's measured inside its process, after loading the")
            .AppendLine($"features). Mixture: k = 2..10, {Starts} starts from seeded k-means each, full covariances, EM to a gain below 1e-3, BIC and the three indices;")
            .AppendLine("ours adds a variance floor on axes with a point mass (so BICs differ where one exists) and runs its fits on both cores; scikit-learn's")
            .AppendLine("EM is single-threaded (numpy may use both cores). DBSCAN: each point's 10th-neighbour distance, the fit at our eps (the knee), the indices.").AppendLine()
            .AppendLine("| input | customers | method | ours (s) | scikit-learn (s) | ratio | agreement |")
            .AppendLine("|---|---:|---|---:|---:|---:|---|");
        foreach (var input in inputs)
        {
            var prepared = Preparation.Run(input);
            var (_, features) = FeatureScaler.FitTransform(prepared.Rfm, log1p: true);
            var file = Path.GetTempFileName();
            try
            {
                File.WriteAllLines(file, features.Select(f => string.Join(",", f.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))));
                var options = ClusteringOptions.Default with { StabilityResamples = 0, Restarts = Starts };
                var name = Path.GetFileName(input);

                var (ours, mixture) = Timed(repetitions, () => MixtureSweep.Run(features, options));
                var (theirs, sk) = Peer(repetitions, python, script, file, "--what", "gmm", "--n-init", Starts.ToString(CultureInfo.InvariantCulture));
                var worst = sk.GetProperty("k").EnumerateArray()
                    .Select(e => (K: e.GetProperty("k").GetInt32(), Difference: mixture.At(e.GetProperty("k").GetInt32()).Bic!.Value - e.GetProperty("bic").GetDouble()))
                    .MaxBy(d => Math.Abs(d.Difference));
                report.AppendLine($"| {name} | {features.Length:N0} | Gaussian mixture sweep | {ours:F2} | {theirs:F2} | {theirs / ours:F1}x | BIC ours - theirs, largest: {worst.Difference:+#,0;-#,0} at k = {worst.K} ({worst.Difference / Math.Abs(mixture.At(worst.K).Bic!.Value):+0.0%;-0.0%}) |");
                Console.Error.WriteLine($"{name} mixtures: ours {ours:F2} s, scikit-learn {theirs:F2} s");

                var (oursDensity, density) = Timed(repetitions, () => DensityClustering.Run(features, options));
                var summary = density.Density!;
                var (theirsDensity, skd) = Peer(repetitions, python, script, file, "--what", "dbscan", "--eps", summary.Eps.ToString("R", CultureInfo.InvariantCulture), "--min-samples", summary.MinSamples.ToString(CultureInfo.InvariantCulture));
                report.AppendLine($"| {name} | {features.Length:N0} | DBSCAN (eps {summary.Eps:G4}) | {oursDensity:F2} | {theirsDensity:F2} | {theirsDensity / oursDensity:F1}x | clusters {summary.Clusters} and {skd.GetProperty("clusters").GetInt32()}, noise {summary.Noise:N0} and {skd.GetProperty("noise").GetInt32():N0} |");
                Console.Error.WriteLine($"{name} DBSCAN: ours {oursDensity:F2} s, scikit-learn {theirsDensity:F2} s");
            }
            finally
            {
                File.Delete(file);
            }
        }
        return report.AppendLine().ToString();
    }

    private static (double Seconds, T Last) Timed<T>(int repetitions, Func<T> work)
    {
        var times = new List<double>();
        T last = default!;
        for (var r = 0; r < repetitions; r++)
        {
            var clock = Stopwatch.StartNew();
            last = work();
            times.Add(clock.Elapsed.TotalSeconds);
        }
        return (Statistics.Median(times), last);
    }

    private static (double Seconds, JsonElement Last) Peer(int repetitions, string python, string script, string features, params string[] arguments)
    {
        var times = new List<double>();
        JsonElement last = default;
        for (var r = 0; r < repetitions; r++)
        {
            var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { script, features }.Concat(arguments)) start.ArgumentList.Add(a);
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            if (process.ExitCode != 0) throw new InvalidOperationException($"scikit-learn failed: {stderr.Result}");
            last = JsonDocument.Parse(stdout.Result).RootElement;
            times.Add(last.GetProperty("seconds").GetDouble());
        }
        return (Statistics.Median(times), last);
    }
}
