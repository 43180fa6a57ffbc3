namespace Hilt.Aop.Benchmarks;

/// <summary>Runs producer threads that share out a number of events between them.</summary>
internal static class ProducerThreads
{
    /// <summary>Runs <paramref name="producers"/> threads; each calls <paramref name="body"/> with its index and its share of <paramref name="events"/>.</summary>
    public static void Run(int producers, int events, Action<int, int> body)
    {
        if (producers == 1)
        {
            body(0, events);
            return;
        }

        var share = events / producers;
        using var start = new Barrier(producers);
        var threads = new Thread[producers];
        for (var p = 0; p < producers; p++)
        {
            var index = p;
            var count = p == producers - 1 ? events - (share * (producers - 1)) : share;
            threads[p] = new Thread(() =>
            {
                start.SignalAndWait();
                body(index, count);
            })
            {
                IsBackground = true,
                Name = "producer-" + index,
            };
            threads[p].Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }
    }
}
