namespace Hilt.Aop.Reliability.Tests;

/// <summary>
/// A sink that keeps the letter of the contract (<see cref="Emit"/> only enqueues) but whose writer is stuck
/// forever: flushing and disposing never finish unless cancelled.
/// </summary>
internal sealed class HangingSink : IHiltSink
{
    private readonly TaskCompletionSource _never = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _queued;

    public long Queued => Interlocked.Read(ref _queued);

    public void Emit(HiltEvent hiltEvent) => Interlocked.Increment(ref _queued);

    public Task FlushAsync(CancellationToken cancellationToken = default) => _never.Task.WaitAsync(cancellationToken);

    public void Dispose() => _never.Task.Wait();

    public ValueTask DisposeAsync() => new(_never.Task);

    /// <summary>Lets anything still waiting on this sink go, so the test leaves no thread behind.</summary>
    public void Release() => _never.TrySetResult();
}
