namespace Hilt.Aop;

/// <summary>A destination for HILT events: a file, a spreadsheet, a test collector.</summary>
/// <remarks>
/// <see cref="Emit"/> is called on the intercepted call's thread, so it must only enqueue: it must not
/// block longer than the sink's documented queue policy and should not throw (the recorder catches and
/// reports anything it throws). Implementations must be safe to call from many threads at once.
/// Disposing a sink drains what it has queued, within a bounded wait.
/// </remarks>
public interface IHiltSink : IAsyncDisposable, IDisposable
{
    /// <summary>Queues one event for writing.</summary>
    /// <param name="hiltEvent">The event, already enriched, priced and redacted.</param>
    void Emit(HiltEvent hiltEvent);

    /// <summary>Waits until every event emitted before this call has been written or given up on.</summary>
    /// <param name="cancellationToken">A token that stops the wait (not the writing).</param>
    /// <returns>A task that completes when the events are written.</returns>
    Task FlushAsync(CancellationToken cancellationToken = default);
}
