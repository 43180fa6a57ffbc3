namespace Hilt.Aop.Benchmarks;

/// <summary>
/// The run's mode, carried in an environment variable so the benchmark processes BenchmarkDotNet starts see the
/// same sizes as the host that chose them.
/// </summary>
internal static class BenchSettings
{
    public const string ModeVariable = "HILT_BENCH_MODE";

    public static BenchMode Mode =>
        Enum.TryParse<BenchMode>(Environment.GetEnvironmentVariable(ModeVariable), ignoreCase: true, out var mode) ? mode : BenchMode.Full;

    /// <summary>Gets the number of events one throughput invocation writes: 1 M in the full run.</summary>
    public static int ThroughputEvents => Mode switch
    {
        BenchMode.Short => 100_000,
        BenchMode.Dry => 2_000,
        _ => 1_000_000,
    };

    public static void Set(BenchMode mode) => Environment.SetEnvironmentVariable(ModeVariable, mode.ToString());
}
