using System.Globalization;

namespace Segmentation.Benchmarks;

/// <summary>
/// The machine's CPU time so far, from /proc/stat's first line (in clock ticks): what every process has used, and what
/// the hypervisor took away (steal). Read before and after a measured process, and with that process's own CPU time
/// taken out, it says how busy the rest of the machine was while it ran: the load a figure was measured under.
/// </summary>
internal readonly record struct HostCpu(long Busy, long Steal)
{
    /// <summary>Clock ticks a second (USER_HZ), the unit of /proc/stat: 100 on Linux for every architecture we run on.</summary>
    private const double TicksPerSecond = 100;

    /// <summary>The counters now; zeros where /proc/stat cannot be read (the figures then say nothing, and the report shows none).</summary>
    public static HostCpu Read()
    {
        try
        {
            // cpu  user nice system idle iowait irq softirq steal guest guest_nice
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            long Field(int i) => i < fields.Length ? long.Parse(fields[i], CultureInfo.InvariantCulture) : 0;
            return new HostCpu(Field(1) + Field(2) + Field(3) + Field(6) + Field(7), Field(8));
        }
        catch (IOException)
        {
            return default;
        }
    }

    /// <summary>
    /// The cores the rest of the machine kept busy, on average, between <paramref name="before"/> and this reading, which
    /// <paramref name="wall"/> seconds apart saw the measured process use <paramref name="ownCpu"/> CPU seconds; and the
    /// cores the hypervisor stole. Both in cores (1.0: one core's whole time).
    /// </summary>
    public (double OtherCores, double StealCores) Since(HostCpu before, double wall, double ownCpu)
    {
        if (Busy == 0 || wall <= 0) return (double.NaN, double.NaN);
        var busy = (Busy - before.Busy) / TicksPerSecond;
        return (Math.Max(0, busy - ownCpu) / wall, (Steal - before.Steal) / TicksPerSecond / wall);
    }
}
