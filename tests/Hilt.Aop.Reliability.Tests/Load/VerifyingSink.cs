using System.Collections;

namespace Hilt.Aop.Reliability.Tests;

/// <summary>
/// Checks every event as it arrives, in memory allocated up front (so the load test can watch the heap): each
/// event id once, each call's prompt and completion once, and each event in the conversation of its own scope.
/// </summary>
/// <remarks>Texts are <c>p|thread|call|key</c> for prompts and <c>r|p|thread|call|key</c> for completions.</remarks>
internal sealed class VerifyingSink : IHiltSink
{
    private readonly object _gate = new();
    private readonly HashSet<Guid> _ids;
    private readonly BitArray[] _prompts;
    private readonly BitArray[] _completions;
    private long _events;
    private long _duplicates;
    private long _crossings;
    private long _unexpected;

    public VerifyingSink(int threads, int maxCallsPerThread)
    {
        _ids = new HashSet<Guid>(threads * maxCallsPerThread * 2);
        _prompts = Enumerable.Range(0, threads).Select(_ => new BitArray(maxCallsPerThread)).ToArray();
        _completions = Enumerable.Range(0, threads).Select(_ => new BitArray(maxCallsPerThread)).ToArray();
    }

    public long EventCount => Interlocked.Read(ref _events);

    public long Duplicates => Interlocked.Read(ref _duplicates);

    public long Crossings => Interlocked.Read(ref _crossings);

    public long Unexpected => Interlocked.Read(ref _unexpected);

    public int MissingFor(int thread, int calls)
    {
        var missing = 0;
        lock (_gate)
        {
            for (var i = 0; i < calls; i++)
            {
                missing += (_prompts[thread][i] ? 0 : 1) + (_completions[thread][i] ? 0 : 1);
            }
        }

        return missing;
    }

    public void Emit(HiltEvent hiltEvent)
    {
        Interlocked.Increment(ref _events);
        var text = hiltEvent.Content?.Text;
        var parts = text?.Split('|');
        var isCompletion = hiltEvent.Action == HiltActions.Completion;
        var offset = isCompletion ? 1 : 0;
        if (parts is null || parts.Length != 4 + offset || !Guid.TryParse(hiltEvent.EventId, out var id)
            || (hiltEvent.Action != HiltActions.Prompt && !isCompletion))
        {
            Interlocked.Increment(ref _unexpected);
            return;
        }

        var thread = int.Parse(parts[1 + offset], System.Globalization.CultureInfo.InvariantCulture);
        var call = int.Parse(parts[2 + offset], System.Globalization.CultureInfo.InvariantCulture);
        if (hiltEvent.SessionId != HiltConversationId.FromKey(parts[3 + offset]))
        {
            Interlocked.Increment(ref _crossings);
        }

        lock (_gate)
        {
            var seen = isCompletion ? _completions[thread] : _prompts[thread];
            if (!_ids.Add(id) || seen[call])
            {
                _duplicates++;
            }

            seen[call] = true;
        }
    }

    public Task FlushAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public void Dispose()
    {
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
