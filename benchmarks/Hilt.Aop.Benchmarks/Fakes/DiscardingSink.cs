namespace Hilt.Aop.Benchmarks;

/// <summary>A sink that takes every event and keeps none: isolates the caller's hot path from any writer.</summary>
internal sealed class DiscardingSink : IHiltSink
{
    private long _events;

    public long Events => Volatile.Read(ref _events);

    public void Emit(HiltEvent hiltEvent) => Interlocked.Increment(ref _events);

    public Task FlushAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public void Dispose()
    {
    }
}
