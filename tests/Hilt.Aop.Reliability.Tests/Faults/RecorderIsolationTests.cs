using System.Collections.Concurrent;
using System.Diagnostics;

namespace Hilt.Aop.Reliability.Tests;

/// <summary>A broken or stuck sink or redactor never reaches the caller and never silences the other sinks.</summary>
[Trait(Category.Name, Category.Faults)]
public sealed class RecorderIsolationTests
{
    [Fact]
    public void Emit_SinkThrowsOnEveryEvent_OtherSinksGetEveryEventAndFailuresAreCounted()
    {
        var throwing = new ThrowingSink();
        var collecting = new CollectingSink();
        var options = new HiltOptions().WriteTo(throwing).WriteTo(collecting);
        using var recorder = new HiltRecorder(options);

        for (var i = 0; i < 1_000; i++)
        {
            recorder.Emit(Events.Prompt($"question {i}"));
        }

        Assert.Equal(1_000, throwing.Emits);
        Assert.Equal(1_000, collecting.Events.Count);
        Assert.Equal(1_000, recorder.Diagnostics.InternalErrors);
    }

    [Fact]
    public void Emit_RedactorThrows_EventIsDroppedAndCountedNotWrittenUnredacted()
    {
        var collecting = new CollectingSink();
        var options = new HiltOptions { Redactor = new ThrowingRedactor() }.WriteTo(collecting);
        using var recorder = new HiltRecorder(options);

        recorder.Emit(Events.Prompt("my key is sk-proj-abcdefghijklmnopqrstuvwxyz0123456789"));

        Assert.Empty(collecting.Events);
        Assert.Equal(1, recorder.Diagnostics.LostEvents);
    }

    [Fact]
    public async Task DisposeAsync_SinkHangsForever_OtherSinksDrainAndDisposeReturnsWithinShutdownTimeout()
    {
        var hanging = new HangingSink();
        var draining = new DrainingSink();
        var reports = new ConcurrentQueue<HiltDiagnostic>();
        var options = new HiltOptions { ShutdownTimeout = TimeSpan.FromSeconds(1) }.WriteTo(hanging).WriteTo(draining);
        options.Diagnostics.Reported += reports.Enqueue;
        var recorder = new HiltRecorder(options);
        for (var i = 0; i < 100; i++)
        {
            recorder.Emit(Events.Prompt($"question {i}"));
        }

        try
        {
            var clock = Stopwatch.StartNew();
            var dispose = recorder.DisposeAsync().AsTask();
            var finished = await Task.WhenAny(dispose, Task.Delay(TimeSpan.FromSeconds(8))) == dispose;

            Assert.True(finished, "DisposeAsync did not return: a hung sink blocked shutdown.");
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"DisposeAsync took {clock.Elapsed}, bound is ShutdownTimeout (1 s) plus slack.");
            Assert.Equal(100, draining.Written.Count);
            Assert.Contains(reports, r => r.Kind == HiltDiagnosticKind.ShutdownIncomplete);
        }
        finally
        {
            hanging.Release();
        }
    }

    [Fact]
    public async Task FlushAsync_SinkHangsForever_CallerTokenEndsTheWait()
    {
        var hanging = new HangingSink();
        var draining = new DrainingSink();
        var options = new HiltOptions().WriteTo(hanging).WriteTo(draining);
        await using var recorder = new HiltRecorder(options);
        recorder.Emit(Events.Prompt("hello"));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var clock = Stopwatch.StartNew();
        var flush = recorder.FlushAsync(cts.Token);
        var finished = await Task.WhenAny(flush, Task.Delay(TimeSpan.FromSeconds(5))) == flush;
        hanging.Release();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => flush.WaitAsync(TimeSpan.FromSeconds(1)));

        Assert.True(finished, "FlushAsync ignored the caller's token while a sink hung.");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3));
    }

    private sealed class ThrowingRedactor : IHiltRedactor
    {
        public HiltEvent Redact(HiltEvent hiltEvent) => throw new InvalidOperationException("redactor bug");
    }
}
