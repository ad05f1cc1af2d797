namespace Segmentation.Benchmarks;

/// <summary>The machine around one measured process (NaN where unknown).</summary>
/// <param name="OtherCores">The cores the rest of the machine kept busy, on average, while the process ran (<see cref="HostCpu"/>).</param>
/// <param name="StealCores">The cores the hypervisor took away, on average, meanwhile.</param>
/// <param name="ProbeSeconds">The speed probe's time just before the process started (<see cref="SpeedProbe"/>).</param>
internal readonly record struct HostLoad(double OtherCores, double StealCores, double ProbeSeconds);
