namespace Hilt.Aop;

/// <summary>
/// The bounded queue between callers and the writer thread: events and flush markers, in order.
/// </summary>
/// <remarks>
/// A plain monitor rather than a channel: producers that wait for room and the writer that waits for work block
/// their own threads and never need the thread pool, so a pool starved by blocked callers cannot stall the writer.
/// Flush markers do not count against the capacity, so a flush never waits for room.
/// </remarks>
internal sealed class JsonlQueue
{
    private readonly object _gate = new();
    private readonly Queue<object> _items = new();
    private readonly int _capacity;
    private int _events;
    private int _waitingForRoom;
    private bool _completed;

    public JsonlQueue(int capacity)
    {
        _capacity = capacity;
    }

    /// <summary>Gets how many events are queued.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _events;
            }
        }
    }

    /// <summary>Queues an event, waiting at most <paramref name="wait"/> for room.</summary>
    /// <returns><see langword="false"/> when the queue stayed full or is completed.</returns>
    public bool TryEnqueue(HiltEvent hiltEvent, TimeSpan wait)
    {
        lock (_gate)
        {
            if (_events >= _capacity && !_completed)
            {
                if (wait <= TimeSpan.Zero)
                {
                    return false;
                }

                // Real time: the caller's own thread is what waits here.
                var deadline = Environment.TickCount64 + (long)Math.Ceiling(wait.TotalMilliseconds);
                _waitingForRoom++;
                try
                {
                    while (_events >= _capacity && !_completed)
                    {
                        var remaining = deadline - Environment.TickCount64;
                        if (remaining <= 0)
                        {
                            return false;
                        }

                        Monitor.Wait(_gate, (int)Math.Min(remaining, int.MaxValue));
                    }
                }
                finally
                {
                    _waitingForRoom--;
                }
            }

            if (_completed)
            {
                return false;
            }

            _items.Enqueue(hiltEvent);
            _events++;
            if (_items.Count == 1)
            {
                Monitor.PulseAll(_gate);
            }

            return true;
        }
    }

    /// <summary>Queues a flush marker behind everything queued so far.</summary>
    /// <returns><see langword="false"/> when the queue is completed.</returns>
    public bool TryEnqueueMarker(TaskCompletionSource marker)
    {
        lock (_gate)
        {
            if (_completed)
            {
                return false;
            }

            _items.Enqueue(marker);
            if (_items.Count == 1)
            {
                Monitor.PulseAll(_gate);
            }

            return true;
        }
    }

    /// <summary>Waits for work and moves up to <paramref name="max"/> items into <paramref name="batch"/>.</summary>
    /// <returns><see langword="false"/> when the queue is completed and empty: the writer is done.</returns>
    public bool TryTake(List<object> batch, int max)
    {
        lock (_gate)
        {
            while (_items.Count == 0)
            {
                if (_completed)
                {
                    return false;
                }

                Monitor.Wait(_gate);
            }

            while (batch.Count < max && _items.TryDequeue(out var item))
            {
                batch.Add(item);
                if (item is HiltEvent)
                {
                    _events--;
                }
            }

            if (_waitingForRoom > 0)
            {
                Monitor.PulseAll(_gate);
            }

            return true;
        }
    }

    /// <summary>Refuses new items; the writer drains what is queued, and waiting producers give up.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _completed = true;
            Monitor.PulseAll(_gate);
        }
    }
}
