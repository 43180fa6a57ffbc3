using System.ClientModel.Primitives;
using System.Runtime.CompilerServices;

namespace Hilt.Aop.OpenAI;

/// <summary>
/// A pipeline policy that runs once per try (after the SDK's retry policy) and counts the tries of the call
/// that is being observed on the current async flow.
/// </summary>
internal sealed class RetryCountingPolicy : PipelinePolicy
{
    private readonly AsyncLocal<StrongBox<int>?> _tries = new();

    /// <summary>Starts counting the tries of a call made on this async flow.</summary>
    /// <returns>The counter, to give back to <see cref="End"/>.</returns>
    public RetryCounter Begin()
    {
        var counter = new RetryCounter(new StrongBox<int>(), _tries.Value);
        _tries.Value = counter.Tries;
        return counter;
    }

    /// <summary>Stops counting and restores the flow as it was (a synchronous caller's context must not keep the counter).</summary>
    /// <param name="counter">What <see cref="Begin"/> returned.</param>
    /// <returns>The number of retries: tries after the first.</returns>
    public int End(RetryCounter counter)
    {
        _tries.Value = counter.Previous;
        return Math.Max(0, Volatile.Read(ref counter.Tries.Value) - 1);
    }

    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        Count();
        ProcessNext(message, pipeline, currentIndex);
    }

    public override ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        Count();
        return ProcessNextAsync(message, pipeline, currentIndex);
    }

    private void Count()
    {
        if (_tries.Value is { } tries)
        {
            Interlocked.Increment(ref tries.Value);
        }
    }
}
