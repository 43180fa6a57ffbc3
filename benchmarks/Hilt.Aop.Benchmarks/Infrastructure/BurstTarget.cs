namespace Hilt.Aop.Benchmarks;

/// <summary>One destination a burst of events is written to: how to emit one event, close (drain) it, and count what it dropped.</summary>
internal sealed record BurstTarget(string Name, Action<HiltEvent> Emit, Action Close, Func<long> Dropped);
