namespace Hilt.Aop.Benchmarks;

/// <summary>How long and how big a run is: the full measured run, a short one for a busy 2-core machine, or a dry check.</summary>
internal enum BenchMode
{
    Full,
    Short,
    Dry,
}
