using System.Diagnostics;
using Microsoft.Extensions.AI;
using Xunit.Abstractions;

namespace Hilt.Aop.Reliability.Tests;

/// <summary>
/// 8 threads call through Hilt proxies in random (sometimes nested) session scopes for a bounded time: no event lost
/// or duplicated (by event id), no conversation id crossing scopes, and a heap that stays flat after warm-up.
/// </summary>
[Trait(Category.Name, Category.Load)]
[Collection(AloneCollection.Name)]
public sealed class LoadTests(ITestOutputHelper output)
{
    private const int Threads = 8;
    private const int MaxCallsPerThread = 100_000;
    private const int KeysPerThread = 1_000;

    /// <summary>How much the managed heap may grow between the end of warm-up and the end of the run.</summary>
    private const long HeapTolerance = 24L * 1024 * 1024;

    [Fact]
    public async Task GetResponseAsync_EightThreadsInRandomScopes_NoEventLostDuplicatedOrCrossedAndHeapFlat()
    {
        var duration = ReliabilityLimits.LoadDuration;
        var sink = new VerifyingSink(Threads, MaxCallsPerThread);
        var options = new HiltOptions().WriteTo(sink);
        await using var recorder = new HiltRecorder(options);
        var calls = new int[Threads];
        var warmUpDone = new CountdownEvent(Threads);
        var measured = new ManualResetEventSlim(false);
        var stopAt = Stopwatch.StartNew();
        var warmUp = TimeSpan.FromTicks(duration.Ticks / 5);

        var workers = Enumerable.Range(0, Threads).Select(t => Task.Factory.StartNew(
            async () =>
            {
                var random = new Random(t);
                var proxy = HiltProxy.Create<IChatClient>(new EchoChatClient(), recorder);
                var warmedUp = false;
                for (var i = 0; i < MaxCallsPerThread && stopAt.Elapsed < duration; i++)
                {
                    if (!warmedUp && stopAt.Elapsed >= warmUp)
                    {
                        warmedUp = true;
                        warmUpDone.Signal();
                        measured.Wait();
                    }

                    var key = $"k{t}-{random.Next(KeysPerThread)}";
                    using (HiltScope.Begin(random.Next(4) == 0 ? $"outer{t}" : key))
                    using (HiltScope.Begin(key))
                    {
                        var response = await proxy.GetResponseAsync([new ChatMessage(ChatRole.User, $"p|{t}|{i}|{key}")]);
                        Assert.Equal($"r|p|{t}|{i}|{key}", response.Text);
                    }

                    calls[t] = i + 1;
                }

                if (!warmedUp)
                {
                    warmUpDone.Signal();
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default).Unwrap()).ToArray();

        // Heap after warm-up, with every worker paused, against the heap at the end.
        Assert.True(warmUpDone.Wait(duration + TimeSpan.FromSeconds(10)));
        var afterWarmUp = SettledHeap();
        measured.Set();
        await Task.WhenAll(workers).WaitAsync(duration + TimeSpan.FromSeconds(20));
        await recorder.FlushAsync();
        var atEnd = SettledHeap();

        var total = calls.Sum();
        output.WriteLine($"{total} calls in {stopAt.Elapsed}; heap {afterWarmUp / 1024} KiB after warm-up, {atEnd / 1024} KiB at the end.");
        Assert.True(total > Threads * 100, $"Only {total} calls ran.");
        Assert.Equal(0, sink.Unexpected);
        Assert.Equal(0, sink.Duplicates);
        Assert.Equal(0, sink.Crossings);
        Assert.Equal(2L * total, sink.EventCount);
        for (var t = 0; t < Threads; t++)
        {
            Assert.Equal(0, sink.MissingFor(t, calls[t]));
        }

        Assert.Equal(0, options.Diagnostics.LostEvents);
        Assert.Equal(0, options.Diagnostics.InternalErrors);
        Assert.True(atEnd - afterWarmUp < HeapTolerance, $"The heap grew by {(atEnd - afterWarmUp) / 1024} KiB after warm-up.");
    }

    private static long SettledHeap()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
