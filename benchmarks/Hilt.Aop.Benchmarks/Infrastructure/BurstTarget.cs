namespace Hilt.Aop.Benchmarks;

/// <summary>One destination a burst of events is written to: how to emit one event, and how to close (drain) it.</summary>
internal sealed record BurstTarget(string Name, Action<HiltEvent> Emit, Action Close);
