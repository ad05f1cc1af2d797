using System.Diagnostics;
using System.Text;
using Segmentation.Clustering;
using Segmentation.Numerics;
using Segmentation.Prepare;

namespace Segmentation.Benchmarks;

/// <summary>
/// The k sweep alone, in this process, on the features of one prepared input: ours (<see cref="KMeansSweep"/>)
/// against the ML.NET sweep it replaced (<see cref="MlNetSweep"/>), alternating, both fitting every customer with
/// the same k range, restarts, seeds and indices (silhouette exact up to 10,000 customers, on a seeded 5,000 above).
/// </summary>
internal static class SweepComparison
{
    public static string Run(IReadOnlyList<string> inputs, int repetitions)
    {
        var report = new StringBuilder()
            .AppendLine("## The k sweep: ours against the ML.NET sweep it replaced").AppendLine()
            .AppendLine("In one process, on the same features: k = 2..10, 10 restarts each, every customer fitted, the four indices (silhouette exact up to")
            .AppendLine("10,000 customers, on a seeded sample of 5,000 above). Ours: k-means++ and Lloyd with Hamerly's bounds in double precision;")
            .AppendLine("ML.NET: its KMeans trainer (k-means++, float32) per (k, restart), labels by its prediction. Both run their 90 fits on every core;")
            .AppendLine("neither measures stability (ours' bootstrap refits are turned off here, as the ML.NET sweep had none).")
            .AppendLine("Medians of the runs; above 100,000 customers ML.NET's sweep runs once, ours every run. \"Silhouettes\" is the part of ours spent on the 9 silhouettes.").AppendLine()
            .AppendLine("| input | customers | ours (s) | of which silhouettes (s) | ML.NET (s) | ML.NET / ours | inertia, ours against ML.NET (worst k) |")
            .AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var input in inputs)
        {
            var prepared = Preparation.Run(input);
            var (_, features) = FeatureScaler.FitTransform(prepared.Rfm, log1p: true);
            // Stability (bootstrap refits) is work the ML.NET sweep never did: left out of both sides.
            var options = ClusteringOptions.Default with { StabilityResamples = 0 };
            // ML.NET's sweep takes minutes above 100,000 customers: it runs once there, ours every repetition (after it).
            var theirTimes = features.Length < 100_000 ? repetitions : 1;
            var ours = new List<double>();
            var theirs = new List<double>();
            var silhouettes = new List<double>();
            SweepResult? sweep = null;
            IReadOnlyList<(int K, double Inertia)> baseline = [];
            for (var r = 0; r < repetitions; r++)
            {
                var clock = Stopwatch.StartNew();
                if (r < theirTimes)
                {
                    baseline = MlNetSweep.Run(features, options);
                    theirs.Add(clock.Elapsed.TotalSeconds);
                }
                clock.Restart();
                sweep = KMeansSweep.Run(features, options);
                ours.Add(clock.Elapsed.TotalSeconds);
                clock.Restart();
                var sample = KMeansSweep.Sample(features.Length, options.SilhouetteExactLimit, options.SilhouetteSampleSize, options.Seed);
                Parallel.ForEach(sweep.Fits, f => ClusterQuality.Silhouette(features, f.Labels, f.K, sample.Indices, threads: 1));
                silhouettes.Add(clock.Elapsed.TotalSeconds);
                Console.Error.WriteLine($"{Path.GetFileName(input)} sweep run {r + 1}: ours {ours[^1]:F2} s" + (r < theirTimes ? $", ML.NET {theirs[^1]:F2} s" : ""));
            }
            var worst = baseline.Select(b => (b.K, Ratio: sweep!.At(b.K).Inertia / b.Inertia - 1)).MaxBy(b => b.Ratio);
            report.AppendLine($"| {Path.GetFileName(input)} | {features.Length:N0} | {Statistics.Median(ours):F2} | {Statistics.Median(silhouettes):F2} | {Statistics.Median(theirs):F2} | {Statistics.Median(theirs) / Statistics.Median(ours):F1}x | {worst.Ratio * 100:+0.000;-0.000}% (k = {worst.K}) |");
        }
        return report.AppendLine().ToString();
    }
}
