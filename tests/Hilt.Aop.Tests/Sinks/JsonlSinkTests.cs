using System.Text;
using Hilt.Aop.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Hilt.Aop.Tests.Sinks;

public class JsonlSinkTests
{
    [Fact]
    public async Task Emit_16ThreadsTimes10000_EveryLineParsesNoneLostOrRepeated()
    {
        using var folder = new TempFolder();
        var path = folder.File("logs/chat.jsonl");
        var recorder = new DiagnosticsRecorder();
        const int Threads = 16;
        const int PerThread = 10_000;

        await using (var sink = new JsonlSink(new JsonlSinkOptions { Path = path, FullQueueWait = TimeSpan.FromSeconds(10) }, null, recorder.Diagnostics))
        {
            var workers = Enumerable.Range(0, Threads).Select(t => Task.Run(() =>
            {
                for (var i = 0; i < PerThread; i++)
                {
                    sink.Emit(JsonlEvents.Create($"{t}-{i}", $"thread {t} line {i}\nwith a newline"));
                }
            })).ToArray();
            await Task.WhenAll(workers);
        }

        var events = JsonlEvents.ReadAll(path);
        Assert.Equal(0, recorder.Diagnostics.LostEvents);
        Assert.Equal(Threads * PerThread, events.Count);
        Assert.Equal(Threads * PerThread, events.Select(e => e.EventId).Distinct().Count());
        Assert.Equal(Threads * PerThread, File.ReadAllBytes(path).Count(b => b == (byte)'\n'));
    }

    public static TheoryData<string, string> AwkwardTexts() => new()
    {
        { "newlines", "one\ntwo\r\nthree\rfour" },
        { "tabs", "a\tb\t\tc" },
        { "quotes", "\"quoted\" and \\backslash\\" },
        { "nul", "before\u0000after" },
        { "emoji", "smile \U0001F600 family \U0001F468\u200D\U0001F469\u200D\U0001F467" },
        { "lone surrogate", "broken \uD83D here" },
        { "10 MB", new string('m', 10 * 1024 * 1024) + "\n\"end\"" },
    };

    [Theory]
    [MemberData(nameof(AwkwardTexts))]
    public async Task Emit_AwkwardText_MakesExactlyOneValidLine(string name, string text)
    {
        using var folder = new TempFolder();
        var path = folder.File("chat.jsonl");

        await using (var sink = new JsonlSink(new JsonlSinkOptions { Path = path }))
        {
            sink.Emit(JsonlEvents.Create(name, text));
        }

        var bytes = File.ReadAllBytes(path);
        Assert.Equal(1, bytes.Count(b => b == (byte)'\n'));
        Assert.Equal((byte)'\n', bytes[^1]);
        var e = Assert.Single(JsonlEvents.ReadAll(path));
        Assert.Equal(text.Replace("\uD83D ", "\uFFFD ", StringComparison.Ordinal), e.Content!.Text);
    }

    [Fact]
    public async Task Emit_ColumnsWithoutMessage_LeaveNoMessageTextInTheFile()
    {
        using var folder = new TempFolder();
        var path = folder.File("chat.jsonl");

        await using (var sink = new JsonlSink(new JsonlSinkOptions { Path = path, Columns = ["timestamp", "speaker", "tokens_in", "tokens_out"] }))
        {
            sink.Emit(JsonlEvents.Create("e1", "TOP-SECRET prompt text"));
        }

        var text = File.ReadAllText(path);
        Assert.DoesNotContain("TOP-SECRET", text, StringComparison.Ordinal);
        Assert.DoesNotContain("prompt text", text, StringComparison.Ordinal);
        Assert.Equal("""{"timestamp":"2026-12-04 19:33:24","speaker":"human: user","tokens_in":15,"tokens_out":null}""" + "\n", text);
    }

    [Fact]
    public void Constructor_UnknownColumn_IsAConfigurationErrorListingValidNames()
    {
        using var folder = new TempFolder();
        var error = Assert.Throws<ArgumentException>(() => new JsonlSink(new JsonlSinkOptions { Path = folder.File("c.jsonl"), Columns = ["timestamp", "prompt"] }));
        Assert.Contains("prompt", error.Message, StringComparison.Ordinal);
        Assert.Contains("conversation_id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_UnwritableFolder_IsAConfigurationErrorNamingThePath()
    {
        using var folder = new TempFolder();
        var blocker = folder.File("not-a-folder");
        File.WriteAllText(blocker, "a file where a folder should be");

        var error = Assert.Throws<InvalidOperationException>(() => new JsonlSink(new JsonlSinkOptions { Path = Path.Combine(blocker, "logs", "chat.jsonl") }));
        Assert.Contains(Path.Combine(blocker, "logs"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Emit_InjectedWriteFailure_CountsAndReportsLossCallerSeesNothingThenResumes()
    {
        using var folder = new TempFolder();
        var path = folder.File("chat.jsonl");
        var recorder = new DiagnosticsRecorder();
        var opener = new FaultyOpener { Fail = () => new IOException("No space left on device") };

        await using (var sink = new JsonlSink(new JsonlSinkOptions { Path = path }, null, recorder.Diagnostics, opener))
        {
            sink.Emit(JsonlEvents.Create("lost-1"));
            sink.Emit(JsonlEvents.Create("lost-2"));
            sink.Emit(JsonlEvents.Create("lost-3"));
            await sink.FlushAsync();

            Assert.Equal(3, recorder.Diagnostics.LostEvents);
            Assert.Equal(3, recorder.Sum(HiltDiagnosticKind.WriteFailed));
            Assert.Contains(recorder.Reports, r => r.Kind == HiltDiagnosticKind.WriteFailed && r.Exception is IOException);

            opener.Fail = () => new UnauthorizedAccessException("read-only");
            sink.Emit(JsonlEvents.Create("lost-4"));
            await sink.FlushAsync();
            Assert.Equal(4, recorder.Diagnostics.LostEvents);

            opener.Fail = null;
            sink.Emit(JsonlEvents.Create("kept-1"));
            sink.Emit(JsonlEvents.Create("kept-2"));
            await sink.FlushAsync();
            Assert.Contains(recorder.Reports, r => r.Kind == HiltDiagnosticKind.WriteRecovered);
        }

        Assert.Equal(["kept-1", "kept-2"], JsonlEvents.ReadAll(path).Select(e => e.EventId));
        Assert.Equal(4, recorder.Diagnostics.LostEvents);
    }

    [Fact]
    public async Task Emit_FileCannotBeOpened_LosesThatBatchThenOpensAgainOnRecovery()
    {
        using var folder = new TempFolder();
        var path = folder.File("chat.jsonl");
        var recorder = new DiagnosticsRecorder();
        var opener = new FaultyOpener { FailOpen = () => new UnauthorizedAccessException("Access to the path is denied.") };

        await using (var sink = new JsonlSink(new JsonlSinkOptions { Path = path }, null, recorder.Diagnostics, opener))
        {
            sink.Emit(JsonlEvents.Create("lost"));
            await sink.FlushAsync();
            Assert.Equal(1, recorder.Diagnostics.LostEvents);
            Assert.Equal(1, recorder.Diagnostics.WriteFailures);

            opener.FailOpen = null;
            sink.Emit(JsonlEvents.Create("kept"));
        }

        Assert.Equal(["kept"], JsonlEvents.ReadAll(path).Select(e => e.EventId));
        Assert.Equal(2, opener.Opens);
    }

    [Fact]
    public async Task Emit_FolderDeletedMidRun_RecreatesItAndWrites()
    {
        using var folder = new TempFolder();
        var logs = folder.File("logs");
        var path = Path.Combine(logs, "chat.jsonl");
        var recorder = new DiagnosticsRecorder();

        await using (var sink = new JsonlSink(new JsonlSinkOptions { Path = path }, null, recorder.Diagnostics))
        {
            sink.Emit(JsonlEvents.Create("before"));
            await sink.FlushAsync();
            Directory.Delete(logs, recursive: true);

            sink.Emit(JsonlEvents.Create("after"));
            await sink.FlushAsync();
        }

        Assert.Equal(["after"], JsonlEvents.ReadAll(path).Select(e => e.EventId));
        Assert.Equal(0, recorder.Diagnostics.LostEvents);
    }

    [Fact]
    public async Task Emit_RollDaily_StartsANewDatedFileAtUtcMidnight()
    {
        using var folder = new TempFolder();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 23, 59, 0, TimeSpan.Zero));

        await using (var sink = new JsonlSink(new JsonlSinkOptions { Path = folder.File("logs/chat.jsonl"), RollDaily = true }, time))
        {
            sink.Emit(JsonlEvents.Create("day-1"));
            await sink.FlushAsync();
            time.Advance(TimeSpan.FromMinutes(2));
            sink.Emit(JsonlEvents.Create("day-2"));
            await sink.FlushAsync();
        }

        Assert.Equal(["day-1"], JsonlEvents.ReadAll(folder.File("logs/chat-2026-12-04.jsonl")).Select(e => e.EventId));
        Assert.Equal(["day-2"], JsonlEvents.ReadAll(folder.File("logs/chat-2026-12-05.jsonl")).Select(e => e.EventId));
        Assert.False(File.Exists(folder.File("logs/chat.jsonl")));
    }

    [Fact]
    public async Task Emit_MaxFileSize_RollsToNumberedFilesUnderTheLimit()
    {
        using var folder = new TempFolder();
        var lineLength = HiltJsonl.SerializeToUtf8Bytes(JsonlEvents.Create("e-0")).Length + 1;

        await using (var sink = new JsonlSink(new JsonlSinkOptions { Path = folder.File("chat.jsonl"), MaxFileSizeBytes = (lineLength * 2) + 1 }))
        {
            for (var i = 0; i < 5; i++)
            {
                sink.Emit(JsonlEvents.Create($"e-{i}"));
                await sink.FlushAsync();
            }
        }

        Assert.Equal(["e-0", "e-1"], JsonlEvents.ReadAll(folder.File("chat.jsonl")).Select(e => e.EventId));
        Assert.Equal(["e-2", "e-3"], JsonlEvents.ReadAll(folder.File("chat_001.jsonl")).Select(e => e.EventId));
        Assert.Equal(["e-4"], JsonlEvents.ReadAll(folder.File("chat_002.jsonl")).Select(e => e.EventId));
    }

    [Fact]
    public async Task Emit_TenantTemplate_RoutesEachTenantToItsOwnFileInsideTheFolder()
    {
        using var folder = new TempFolder();
        var root = folder.File("logs");

        await using (var sink = new JsonlSink(new JsonlSinkOptions { Path = Path.Combine(root, "{tenant}", "chat.jsonl") }))
        {
            sink.Emit(JsonlEvents.Create("a1", tenant: "acme"));
            sink.Emit(JsonlEvents.Create("g1", tenant: "globex"));
            sink.Emit(JsonlEvents.Create("a2", tenant: "acme"));
            sink.Emit(JsonlEvents.Create("none"));
            sink.Emit(JsonlEvents.Create("evil", tenant: "../../etc/x"));
            sink.Emit(JsonlEvents.Create("abs", tenant: "/etc/passwd"));
        }

        Assert.Equal(["a1", "a2"], JsonlEvents.ReadAll(Path.Combine(root, "acme", "chat.jsonl")).Select(e => e.EventId));
        Assert.Equal(["g1"], JsonlEvents.ReadAll(Path.Combine(root, "globex", "chat.jsonl")).Select(e => e.EventId));
        Assert.Equal(["none"], JsonlEvents.ReadAll(Path.Combine(root, "_default", "chat.jsonl")).Select(e => e.EventId));

        // Every file is a direct tenant folder of the root: nothing escaped it.
        var files = Directory.GetFiles(folder.Path, "*", SearchOption.AllDirectories);
        Assert.Equal(5, files.Length);
        Assert.All(files, f => Assert.Equal(root, Path.GetDirectoryName(Path.GetDirectoryName(f))));
        var ids = files.SelectMany(JsonlEvents.ReadAll).Select(e => e.EventId).Order().ToArray();
        Assert.Equal(["a1", "a2", "abs", "evil", "g1", "none"], ids);
        Assert.False(File.Exists(Path.GetFullPath(Path.Combine(root, "{tenant}", "..", "..", "etc", "x", "chat.jsonl"))));
    }

    [Fact]
    public async Task DisposeAsync_DrainsEverythingQueued()
    {
        using var folder = new TempFolder();
        var path = folder.File("chat.jsonl");
        var sink = new JsonlSink(new JsonlSinkOptions { Path = path });
        for (var i = 0; i < 5_000; i++)
        {
            sink.Emit(JsonlEvents.Create($"e-{i}"));
        }

        await sink.DisposeAsync();

        Assert.Equal(5_000, JsonlEvents.ReadAll(path).Count);
    }

    [Fact]
    public void Dispose_WriterStuckPastTheTimeout_ReportsShutdownIncompleteWithTheCount()
    {
        using var folder = new TempFolder();
        var recorder = new DiagnosticsRecorder();
        using var gate = new ManualResetEventSlim(false);
        var opener = new FaultyOpener { Gate = gate };
        var sink = new JsonlSink(new JsonlSinkOptions { Path = folder.File("chat.jsonl"), ShutdownTimeout = TimeSpan.FromMilliseconds(200) }, null, recorder.Diagnostics, opener);
        try
        {
            sink.Emit(JsonlEvents.Create("stuck"));
            Assert.True(opener.WriteStarted.Wait(TimeSpan.FromSeconds(10)));
            for (var i = 0; i < 9; i++)
            {
                sink.Emit(JsonlEvents.Create($"queued-{i}"));
            }

            sink.Dispose();

            var report = Assert.Single(recorder.Reports, r => r.Kind == HiltDiagnosticKind.ShutdownIncomplete);
            Assert.Equal(10, report.Count);
            Assert.Equal(10, recorder.Diagnostics.LostEvents);
        }
        finally
        {
            gate.Set();
        }
    }

    [Fact]
    public async Task Emit_QueueFull_DropsAfterTheWaitAndCountsWithoutThrowing()
    {
        using var folder = new TempFolder();
        var path = folder.File("chat.jsonl");
        var recorder = new DiagnosticsRecorder();
        using var gate = new ManualResetEventSlim(false);
        var opener = new FaultyOpener { Gate = gate };

        await using (var sink = new JsonlSink(new JsonlSinkOptions { Path = path, QueueCapacity = 2, FullQueueWait = TimeSpan.FromMilliseconds(20) }, null, recorder.Diagnostics, opener))
        {
            sink.Emit(JsonlEvents.Create("written-0"));
            Assert.True(opener.WriteStarted.Wait(TimeSpan.FromSeconds(10)));
            sink.Emit(JsonlEvents.Create("written-1"));
            sink.Emit(JsonlEvents.Create("written-2"));
            var started = System.Diagnostics.Stopwatch.StartNew();
            for (var i = 0; i < 3; i++)
            {
                sink.Emit(JsonlEvents.Create($"dropped-{i}"));
            }

            Assert.True(started.Elapsed < TimeSpan.FromSeconds(5));
            gate.Set();
            await sink.FlushAsync();
            Assert.Equal(3, recorder.Diagnostics.LostEvents);
            Assert.Equal(3, recorder.Sum(HiltDiagnosticKind.EventsDropped));
        }

        Assert.Equal(["written-0", "written-1", "written-2"], JsonlEvents.ReadAll(path).Select(e => e.EventId));
    }

    [Fact]
    public async Task Emit_AfterDispose_IsCountedAsDroppedNotThrown()
    {
        using var folder = new TempFolder();
        var recorder = new DiagnosticsRecorder();
        var sink = new JsonlSink(new JsonlSinkOptions { Path = folder.File("chat.jsonl") }, null, recorder.Diagnostics);
        await sink.DisposeAsync();

        sink.Emit(JsonlEvents.Create("late"));
        await sink.FlushAsync();

        Assert.Equal(1, recorder.Diagnostics.LostEvents);
    }

    [Fact]
    public async Task Emit_NewFile_IsOwnerOnlyOnUnixByDefault()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var folder = new TempFolder();
        var path = folder.File("chat.jsonl");
        await using (var sink = new JsonlSink(new JsonlSinkOptions { Path = path }))
        {
            sink.Emit(JsonlEvents.Create("e"));
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public async Task Emit_FlushToDisk_StillWritesEveryLine()
    {
        using var folder = new TempFolder();
        var path = folder.File("chat.jsonl");
        await using (var sink = new JsonlSink(new JsonlSinkOptions { Path = path, FlushToDisk = true }))
        {
            sink.Emit(JsonlEvents.Create("a"));
            sink.Emit(JsonlEvents.Create("b"));
        }

        Assert.Equal(["a", "b"], JsonlEvents.ReadAll(path).Select(e => e.EventId));
    }

    [Fact]
    public async Task Emit_AppendsToAnExistingFileWithoutTouchingItsLines()
    {
        using var folder = new TempFolder();
        var path = folder.File("chat.jsonl");
        var existing = HiltJsonl.Serialize(JsonlEvents.Create("old")) + "\n";
        File.WriteAllText(path, existing, new UTF8Encoding(false));

        await using (var sink = new JsonlSink(new JsonlSinkOptions { Path = path }))
        {
            sink.Emit(JsonlEvents.Create("new"));
        }

        Assert.StartsWith(existing, File.ReadAllText(path), StringComparison.Ordinal);
        Assert.Equal(["old", "new"], JsonlEvents.ReadAll(path).Select(e => e.EventId));
    }

    [Fact]
    public async Task Emit_FileEndingInATornLine_StartsOnAFreshLine()
    {
        using var folder = new TempFolder();
        var path = folder.File("chat.jsonl");
        var whole = HiltJsonl.Serialize(JsonlEvents.Create("whole")) + "\n";
        File.WriteAllText(path, whole + """{"event_id":"torn","timest""", new UTF8Encoding(false));

        await using (var sink = new JsonlSink(new JsonlSinkOptions { Path = path }))
        {
            sink.Emit(JsonlEvents.Create("after"));
        }

        var lines = File.ReadAllLines(path);
        Assert.Equal(3, lines.Length);
        Assert.Equal("""{"event_id":"torn","timest""", lines[1]);
        Assert.Equal("after", HiltJsonl.Deserialize(lines[2]).EventId);
        var error = Assert.Throws<FormatException>(() => HiltJsonlReader.ReadFile(path));
        Assert.Contains("Line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteToJsonl_AddsASinkUsingTheOptionsClockAndDiagnostics()
    {
        using var folder = new TempFolder();
        var options = new HiltOptions { TimeProvider = new FakeTimeProvider(new DateTimeOffset(2027, 1, 2, 0, 0, 0, TimeSpan.Zero)) };

        options.WriteToJsonl(folder.File("chat.jsonl"), o => o.RollDaily = true);
        Assert.IsType<JsonlSink>(Assert.Single(options.Sinks));
        await using (var recorder = new HiltRecorder(options))
        {
            recorder.Emit(JsonlEvents.Create("via-recorder"));
        }

        Assert.Equal(["via-recorder"], JsonlEvents.ReadAll(folder.File("chat-2027-01-02.jsonl")).Select(e => e.EventId));
        Assert.Throws<ArgumentException>(() => new HiltOptions().WriteToJsonl(folder.File("x.jsonl"), o => o.Columns = []));
    }
}
