using System.Diagnostics;
using Hilt.Aop.Testing;

namespace Hilt.Aop.Tests.Sinks;

public class JsonlMultiProcessTests
{
    [Fact]
    public async Task Emit_TwoProcessesAppendingToOneFile_EveryLineParsesAndNoneIsLost()
    {
        using var folder = new TempFolder();
        var path = folder.File("shared/chat.jsonl");
        const int PerProcess = 20_000;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        using var child = StartAppender(path, PerProcess.ToString(System.Globalization.CultureInfo.InvariantCulture), "child");
        var recorder = new DiagnosticsRecorder();
        await using (var sink = new JsonlSink(new JsonlSinkOptions { Path = path, FullQueueWait = TimeSpan.FromSeconds(10) }, null, recorder.Diagnostics))
        {
            for (var i = 0; i < PerProcess; i++)
            {
                sink.Emit(JsonlEvents.Create($"parent-{i}", "parent line \"quoted\"\nsecond line"));
                if (i % 1000 == 999)
                {
                    // Small batches interleave with the child's on the file.
                    await sink.FlushAsync();
                }
            }
        }

        Assert.True(child.WaitForExit(TimeSpan.FromSeconds(60)), "The appender child did not finish.");
        Assert.Equal(0, child.ExitCode);

        var events = JsonlEvents.ReadAll(path);
        var ids = events.Select(e => e.EventId).ToHashSet();
        Assert.Equal(2 * PerProcess, events.Count);
        Assert.Equal(2 * PerProcess, ids.Count);
        Assert.Contains("child-0", ids);
        Assert.Contains($"child-{PerProcess - 1}", ids);
        Assert.Equal(0, recorder.Diagnostics.LostEvents);
    }

    [Fact]
    public void Emit_WriterProcessKilled_LeavesOnlyWholeLines()
    {
        using var folder = new TempFolder();
        var path = folder.File("killed.jsonl");

        using var child = StartAppender(path, "forever", "doomed");
        var written = 0L;
        while (written < 500)
        {
            var line = child.StandardOutput.ReadLine();
            Assert.NotNull(line);
            written = long.Parse(line, System.Globalization.CultureInfo.InvariantCulture);
        }

        child.Kill(entireProcessTree: true);
        Assert.True(child.WaitForExit(TimeSpan.FromSeconds(10)));

        var result = HiltJsonlReader.ReadFile(path);
        Assert.True(result.Events.Count >= written);
        Assert.Equal(result.Events.Count, result.Events.Select(e => e.EventId).Distinct().Count());
    }

    [Fact]
    public void Emit_ProcessExitsWithoutDisposing_StillDrainsTheQueue()
    {
        using var folder = new TempFolder();
        var path = folder.File("undisposed.jsonl");

        using var child = StartAppender(path, "undisposed:5000", "exit");
        Assert.True(child.WaitForExit(TimeSpan.FromSeconds(30)), "The appender child did not finish.");
        Assert.Equal(0, child.ExitCode);

        Assert.Equal(5000, JsonlEvents.ReadAll(path).Select(e => e.EventId).Distinct().Count());
    }

    private static Process StartAppender(string path, string count, string prefix)
    {
        // The Appender project is built beside this one: tests/<project>/bin/<configuration>/<tfm>/.
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var tfm = testOutput.Name;
        var configuration = testOutput.Parent!.Name;
        var testsFolder = testOutput.Parent.Parent!.Parent!.Parent!.FullName;
        var appender = Path.Combine(testsFolder, "Hilt.Aop.Appender", "bin", configuration, tfm, "Hilt.Aop.Appender.dll");
        Assert.True(File.Exists(appender), $"Build the Appender first: {appender} is missing.");

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(appender);
        start.ArgumentList.Add(path);
        start.ArgumentList.Add(count);
        start.ArgumentList.Add(prefix);
        return Process.Start(start)!;
    }
}
