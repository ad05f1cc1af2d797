using System.Diagnostics;

namespace Segmentation.Benchmarks;

/// <summary>
/// A fixed piece of work timed on one thread just before a measured process starts: how fast the machine is at that
/// moment. /proc/stat sees the other processes of this machine (<see cref="HostCpu"/>) but not a neighbour on the
/// same physical host, whose share of the caches, memory bandwidth and cores slows the same work with this machine
/// otherwise idle: in the eleventh session the 10M-row run took 10.2 s and, in such a spell, 13.4 s, with the rest of
/// the machine at 0.02 cores both times. The probe is the same work every time, so a longer probe means a slower
/// machine, whatever /proc/stat says: 0.089-0.093 s then, 0.110 s in the spell, 0.16-0.19 s with both cores kept busy.
/// It tells a slow machine from a slow change; it moved less than the run did, so it does not say by how much.
/// </summary>
internal static class SpeedProbe
{
    // 1M doubles to sort (8 MB: beyond the caches of a core, as the engine's and the sweep's arrays are), from a fixed seed.
    private static readonly double[] Values = Filled(1 << 20);

    /// <summary>The fastest of three runs of the work, in seconds (the fastest: a spell slows every run, a hiccup one).</summary>
    public static double Seconds()
    {
        var best = double.MaxValue;
        var scratch = new double[Values.Length];
        for (var run = 0; run < 3; run++)
        {
            var clock = Stopwatch.StartNew();
            Values.CopyTo(scratch, 0);
            Array.Sort(scratch);
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }
        return best;
    }

    private static double[] Filled(int n)
    {
        var random = new Random(42);
        var values = new double[n];
        for (var i = 0; i < n; i++) values[i] = random.NextDouble();
        return values;
    }
}
