using System.Collections.Concurrent;

namespace Hilt.Aop.Reliability.Tests;

/// <summary>A well-behaved queued sink: holds events until flushed or disposed, then "writes" them.</summary>
internal sealed class DrainingSink : IHiltSink
{
    private readonly ConcurrentQueue<HiltEvent> _queue = new();
    private readonly ConcurrentQueue<HiltEvent> _written = new();

    public IReadOnlyList<HiltEvent> Written => _written.ToArray();

    public void Emit(HiltEvent hiltEvent) => _queue.Enqueue(hiltEvent);

    public Task FlushAsync(CancellationToken cancellationToken = default)
    {
        Drain();
        return Task.CompletedTask;
    }

    public void Dispose() => Drain();

    public ValueTask DisposeAsync()
    {
        Drain();
        return ValueTask.CompletedTask;
    }

    private void Drain()
    {
        while (_queue.TryDequeue(out var item))
        {
            _written.Enqueue(item);
        }
    }
}
