using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace Hilt.Aop.Reliability.Tests;

/// <summary>
/// Disk full, a torn write, a deleted folder, midnight rotation under load, a hung disk: the caller never sees an
/// exception or a stall beyond the bound, every loss is counted, writing resumes, and no half line is left mid-file.
/// </summary>
[Trait(Category.Name, Category.Faults)]
public sealed class JsonlFaultTests
{
    [Theory]
    [InlineData(FaultMode.DiskFull, "No space left")]
    [InlineData(FaultMode.ReadOnly, "denied")]
    public async Task Emit_WriteFailsThenClears_CallerUnharmedLossesCountedAndWritingResumes(FaultMode fault, string reported)
    {
        using var folder = new TempFolder();
        using var opener = new FaultyFileOpener();
        var reports = new ConcurrentQueue<HiltDiagnostic>();
        var diagnostics = new HiltDiagnostics();
        diagnostics.Reported += reports.Enqueue;
        var path = folder.File("logs/chat.jsonl");
        var before = Enumerable.Range(0, 100).Select(i => Events.Prompt($"before {i}")).ToList();
        var during = Enumerable.Range(0, 500).Select(i => Events.Prompt($"during {i}")).ToList();
        var after = Enumerable.Range(0, 100).Select(i => Events.Prompt($"after {i}")).ToList();
        var slowest = TimeSpan.Zero;

        await using (var sink = new JsonlSink(new JsonlSinkOptions { Path = path }, null, diagnostics, opener))
        {
            slowest = Max(slowest, EmitAll(sink, before));
            await sink.FlushAsync();
            opener.Mode = fault;
            slowest = Max(slowest, EmitAll(sink, during));
            await sink.FlushAsync();
            opener.Mode = FaultMode.None;
            slowest = Max(slowest, EmitAll(sink, after));
        }

        var written = JsonlFiles.ReadAllWhole(folder.Path).Select(e => e.EventId).ToHashSet();
        Assert.True(slowest < ReliabilityLimits.CallerStall, $"An Emit took {slowest} while writes failed.");
        Assert.True(opener.Failures > 0);
        Assert.All(before.Concat(after), e => Assert.Contains(e.EventId, written));
        Assert.Equal(before.Count + during.Count + after.Count, written.Count + diagnostics.LostEvents);
        Assert.Contains(reports, r => r.Kind == HiltDiagnosticKind.WriteFailed && r.Message.Contains(reported, StringComparison.Ordinal));
        Assert.Contains(reports, r => r.Kind == HiltDiagnosticKind.WriteRecovered);
    }

    [Fact]
    public async Task Emit_LogFolderDeleted_FolderIsCreatedAgainAndNothingIsSilentlyLost()
    {
        using var folder = new TempFolder();
        var diagnostics = new HiltDiagnostics();
        var logs = folder.File("logs");
        var afterDeletion = Enumerable.Range(0, 200).Select(i => Events.Prompt($"after deletion {i}")).ToList();

        await using (var sink = new JsonlSink(new JsonlSinkOptions { Path = Path.Combine(logs, "chat.jsonl") }, null, diagnostics))
        {
            EmitAll(sink, Enumerable.Range(0, 200).Select(i => Events.Prompt($"before deletion {i}")).ToList());
            await sink.FlushAsync();
            Directory.Delete(logs, recursive: true);
            var slowest = EmitAll(sink, afterDeletion);
            Assert.True(slowest < ReliabilityLimits.CallerStall);
        }

        var written = JsonlFiles.ReadAllWhole(logs).Select(e => e.EventId).ToHashSet();
        Assert.Equal(afterDeletion.Count, written.Count + diagnostics.LostEvents);
        Assert.All(afterDeletion, e => Assert.Contains(e.EventId, written));
    }

    [Fact]
    public async Task Emit_LogFolderDeletedRepeatedlyUnderLoad_NoExceptionEveryLineParsesAndWritingResumes()
    {
        using var folder = new TempFolder();
        var diagnostics = new HiltDiagnostics();
        var logs = folder.File("logs");
        var stop = 0;
        var emitted = 0L;
        var slowestTicks = 0L;

        await using (var sink = new JsonlSink(new JsonlSinkOptions { Path = Path.Combine(logs, "chat.jsonl") }, null, diagnostics))
        {
            var producer = Task.Run(() =>
            {
                var clock = new Stopwatch();
                while (Volatile.Read(ref stop) == 0)
                {
                    clock.Restart();
                    sink.Emit(Events.Prompt("under load"));
                    InterlockedMax(ref slowestTicks, clock.Elapsed.Ticks);
                    Interlocked.Increment(ref emitted);
                }
            });

            for (var i = 0; i < 5; i++)
            {
                await Task.Delay(40);
                try
                {
                    Directory.Delete(logs, recursive: true);
                }
                catch (DirectoryNotFoundException)
                {
                }
                catch (IOException)
                {
                    // The writer re-created a file inside while we deleted: try again next round.
                }
            }

            Volatile.Write(ref stop, 1);
            await producer;
            await sink.FlushAsync();
            var marker = Events.Prompt("after the last deletion");
            sink.Emit(marker);
            await sink.FlushAsync();
            Assert.Contains(JsonlFiles.ReadAllWhole(logs), e => e.EventId == marker.EventId);
        }

        Assert.True(Interlocked.Read(ref emitted) > 0);
        Assert.True(TimeSpan.FromTicks(slowestTicks) < ReliabilityLimits.CallerStall, $"An Emit took {TimeSpan.FromTicks(slowestTicks)}.");
    }

    [Fact]
    public async Task Emit_MidnightPassesUnderLoad_OldDayFileGetsNothingFromAfterMidnightAndNoneLost()
    {
        using var folder = new TempFolder();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 23, 59, 59, 900, TimeSpan.Zero));
        var midnight = new DateTimeOffset(2026, 12, 5, 0, 0, 0, TimeSpan.Zero);
        var diagnostics = new HiltDiagnostics();
        const int Threads = 4;
        const int PerThread = 5_000;
        var slowestTicks = 0L;

        await using (var sink = new JsonlSink(new JsonlSinkOptions { Path = folder.File("chat.jsonl"), RollDaily = true, QueueCapacity = Threads * PerThread }, clock, diagnostics))
        {
            sink.Emit(Events.Prompt("opening", at: clock.GetUtcNow()));
            await sink.FlushAsync();
            var producers = Enumerable.Range(0, Threads).Select(t => Task.Run(() =>
            {
                var watch = new Stopwatch();
                for (var i = 0; i < PerThread; i++)
                {
                    if (t == 0 && i == PerThread / 2)
                    {
                        // Cross midnight halfway through, while the other producers are still running.
                        clock.Advance(TimeSpan.FromMilliseconds(200));
                    }

                    watch.Restart();
                    sink.Emit(Events.Prompt($"{t}:{i}", at: clock.GetUtcNow()));
                    InterlockedMax(ref slowestTicks, watch.Elapsed.Ticks);
                }
            })).ToArray();

            await Task.WhenAll(producers);
        }

        var before = HiltJsonlReader.ReadFile(folder.File("chat-2026-12-04.jsonl"));
        var after = File.Exists(folder.File("chat-2026-12-05.jsonl")) ? HiltJsonlReader.ReadFile(folder.File("chat-2026-12-05.jsonl")).Events : [];
        Assert.Equal(0, diagnostics.LostEvents);
        Assert.False(before.HasTornLastLine);
        Assert.Equal(1 + (Threads * PerThread), before.Events.Count + after.Count);
        Assert.NotEmpty(after);

        // Files roll by the time of writing: the old day's file never gets an event from after midnight.
        Assert.All(before.Events, e => Assert.True(e.Timestamp < midnight, $"{e.Timestamp:O} was written to the previous day's file."));
        Assert.True(TimeSpan.FromTicks(slowestTicks) < ReliabilityLimits.CallerStall, $"An Emit took {TimeSpan.FromTicks(slowestTicks)}.");
    }

    [Fact]
    public async Task Emit_DiskHangsForever_CallerWaitsAtMostTheQueuePolicyAndOtherSinksGetEverything()
    {
        using var folder = new TempFolder();
        using var opener = new FaultyFileOpener { Mode = FaultMode.Hang };
        var reports = new ConcurrentQueue<HiltDiagnostic>();
        // The sink's own bound sits inside the recorder's, so the sink reports its shortfall before the recorder gives up on it.
        var options = new HiltOptions { ShutdownTimeout = TimeSpan.FromSeconds(2) };
        options.Diagnostics.Reported += reports.Enqueue;
        var fullQueueWait = TimeSpan.FromMilliseconds(20);
        var jsonl = new JsonlSink(new JsonlSinkOptions { Path = folder.File("chat.jsonl"), QueueCapacity = 50, FullQueueWait = fullQueueWait, ShutdownTimeout = TimeSpan.FromMilliseconds(500) }, null, options.Diagnostics, opener);
        var collecting = new CollectingSink();
        var recorder = new HiltRecorder(options.WriteTo(jsonl).WriteTo(collecting));
        var slowest = TimeSpan.Zero;
        const int Count = 150;

        try
        {
            var watch = new Stopwatch();
            for (var i = 0; i < Count; i++)
            {
                watch.Restart();
                recorder.Emit(Events.Prompt($"question {i}"));
                slowest = Max(slowest, watch.Elapsed);
            }

            var shutdown = Stopwatch.StartNew();
            await recorder.DisposeAsync();

            Assert.True(shutdown.Elapsed < TimeSpan.FromSeconds(4), $"Shutdown took {shutdown.Elapsed} with a hung disk.");
            Assert.True(slowest < fullQueueWait + ReliabilityLimits.CallerStall, $"An Emit took {slowest}; the policy allows {fullQueueWait}.");
            Assert.Equal(Count, collecting.Events.Count);
            Assert.True(options.Diagnostics.LostEvents >= Count - 50 - 5, $"Only {options.Diagnostics.LostEvents} losses were reported.");
            Assert.Contains(reports, r => r.Kind == HiltDiagnosticKind.EventsDropped);
            Assert.Contains(reports, r => r.Kind == HiltDiagnosticKind.ShutdownIncomplete);
        }
        finally
        {
            opener.Release();
        }
    }

    private static TimeSpan EmitAll(IHiltSink sink, IReadOnlyList<HiltEvent> events)
    {
        var slowest = TimeSpan.Zero;
        var watch = new Stopwatch();
        foreach (var hiltEvent in events)
        {
            watch.Restart();
            sink.Emit(hiltEvent);
            slowest = Max(slowest, watch.Elapsed);
        }

        return slowest;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
