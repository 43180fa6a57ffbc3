using System.Collections.Concurrent;

namespace Hilt.Aop.Testing;

/// <summary>A sink that keeps every event in memory, in arrival order.</summary>
public sealed class CollectingSink : IHiltSink
{
    private readonly ConcurrentQueue<HiltEvent> _events = new();

    public IReadOnlyList<HiltEvent> Events => _events.ToArray();

    public void Emit(HiltEvent hiltEvent) => _events.Enqueue(hiltEvent);

    public Task FlushAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public void Dispose()
    {
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
