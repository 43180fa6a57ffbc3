namespace Hilt.Aop.Reliability.Tests;

/// <summary>A sink that breaks its contract in every way it can: it throws from every member.</summary>
internal sealed class ThrowingSink : IHiltSink
{
    private int _emits;

    public int Emits => Volatile.Read(ref _emits);

    public void Emit(HiltEvent hiltEvent)
    {
        Interlocked.Increment(ref _emits);
        throw new IOException("No space left on device");
    }

    public Task FlushAsync(CancellationToken cancellationToken = default) => throw new IOException("No space left on device");

    public void Dispose() => throw new InvalidOperationException("dispose failed");

    public ValueTask DisposeAsync() => throw new InvalidOperationException("dispose failed");
}
