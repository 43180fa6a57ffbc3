using System.Collections.Concurrent;
using System.Diagnostics;

namespace Hilt.Aop.Reliability.Tests;

/// <summary>Shutdown with 100,000 events still queued: all written within the bound, or the shortfall reported — never silently dropped.</summary>
[Trait(Category.Name, Category.Shutdown)]
public sealed class GracefulShutdownTests
{
    private const int Queued = 100_000;

    [Fact]
    public async Task DisposeAsync_HundredThousandQueued_AllWrittenWithinShutdownTimeout()
    {
        using var folder = new TempFolder();
        using var opener = new FaultyFileOpener { Mode = FaultMode.Hang };
        var options = new HiltOptions();
        var path = folder.File("chat.jsonl");
        var sink = new JsonlSink(new JsonlSinkOptions { Path = path, QueueCapacity = Queued }, null, options.Diagnostics, opener);
        var recorder = new HiltRecorder(options.WriteTo(sink));

        // The disk is stuck until every event is queued, so shutdown really starts with 100,000 events waiting.
        for (var i = 0; i < Queued; i++)
        {
            recorder.Emit(Events.Prompt($"queued {i}"));
        }

        opener.Mode = FaultMode.None;
        opener.Release();
        var clock = Stopwatch.StartNew();
        await recorder.DisposeAsync();
        clock.Stop();

        var written = JsonlFiles.ReadAllWhole(folder.Path);
        Assert.Equal(0, options.Diagnostics.LostEvents);
        Assert.Equal(Queued, written.Count);
        Assert.Equal(Queued, written.Select(e => e.EventId).Distinct().Count());
        Assert.True(clock.Elapsed < options.ShutdownTimeout, $"Draining took {clock.Elapsed}.");
    }

    [Fact]
    public async Task DisposeAsync_DiskTooSlowForTheBound_ShortfallIsReportedExactly()
    {
        using var folder = new TempFolder();
        using var opener = new FaultyFileOpener { Mode = FaultMode.Hang };
        var reports = new ConcurrentQueue<HiltDiagnostic>();
        var options = new HiltOptions { ShutdownTimeout = TimeSpan.FromSeconds(1) };
        options.Diagnostics.Reported += reports.Enqueue;
        var sink = new JsonlSink(new JsonlSinkOptions { Path = folder.File("chat.jsonl"), QueueCapacity = Queued, ShutdownTimeout = TimeSpan.FromMilliseconds(500) }, null, options.Diagnostics, opener);
        var recorder = new HiltRecorder(options.WriteTo(sink));
        for (var i = 0; i < Queued; i++)
        {
            recorder.Emit(Events.Prompt($"queued {i}"));
        }

        var clock = Stopwatch.StartNew();
        await recorder.DisposeAsync();
        clock.Stop();

        // The disk never came back within the bound: nothing written, and every event accounted for.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"Shutdown took {clock.Elapsed} against a bound of 0.5 s.");
        Assert.Contains(reports, r => r.Kind == HiltDiagnosticKind.ShutdownIncomplete);
        Assert.Equal(Queued, options.Diagnostics.LostEvents);
        opener.Release();
    }

    [Fact]
    public async Task ProcessExit_HundredThousandQueuedWithoutDispose_AllWrittenBeforeTheProcessEnds()
    {
        using var folder = new TempFolder();
        var path = folder.File("exit.jsonl");

        using (var child = ChildProcess.Start("exit", path, Queued.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            await child.WaitForExitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal(0, child.ExitCode);
        }

        var written = JsonlFiles.ReadAllWhole(folder.Path);
        Assert.Equal(Queued, written.Count);
    }
}
