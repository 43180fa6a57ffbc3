using System.Diagnostics;
using Hilt.Aop.Testing;

namespace Hilt.Aop.Tests.Sinks;

/// <summary>A real full disk: a small tmpfs mounted for the test (needs root, as CI runs; elsewhere the test only says why it did not run).</summary>
public class JsonlDiskFullTests
{
    [Fact]
    public async Task Emit_DiskFillsUp_NoHalfLineLossesCountedAndWritingResumesWhenSpaceIsFreed()
    {
        using var folder = new TempFolder();
        var mountPoint = folder.File("small-disk");
        Directory.CreateDirectory(mountPoint);
        if (!TryRun("mount", $"-t tmpfs -o size=256k tmpfs {mountPoint}"))
        {
            Console.WriteLine("JsonlDiskFullTests: tmpfs cannot be mounted here (not root); the injected-failure tests cover the logic.");
            return;
        }

        try
        {
            // A filler file holds space that is given back later, as an operator would after a full-disk alert.
            var filler = Path.Combine(mountPoint, "filler.bin");
            await File.WriteAllBytesAsync(filler, new byte[64 * 1024]);

            var path = Path.Combine(mountPoint, "chat.jsonl");
            var diagnostics = new HiltDiagnostics();
            const int Burst = 200;
            await using (var sink = new JsonlSink(new JsonlSinkOptions { Path = path, FullQueueWait = TimeSpan.FromSeconds(10) }, null, diagnostics))
            {
                for (var i = 0; i < Burst; i++)
                {
                    sink.Emit(JsonlEvents.Create($"full-{i:D4}", new string('x', 2000)));
                    if (i % 10 == 9)
                    {
                        // Small batches, so the disk fills in the middle of one.
                        await sink.FlushAsync();
                    }
                }

                var written = HiltJsonlReader.ReadFile(path);
                Assert.False(written.HasTornLastLine);
                Assert.InRange(written.Events.Count, 1, Burst - 1);
                Assert.Equal(Burst - written.Events.Count, diagnostics.LostEvents);

                File.Delete(filler);
                for (var i = 0; i < 5; i++)
                {
                    sink.Emit(JsonlEvents.Create($"after-{i}", "small"));
                }

                await sink.FlushAsync();
            }

            var events = HiltJsonlReader.ReadFile(path).Events;
            Assert.Equal(["after-0", "after-1", "after-2", "after-3", "after-4"], events.Select(e => e.EventId).Where(id => id.StartsWith("after-", StringComparison.Ordinal)).ToArray());
            Assert.All(File.ReadAllLines(path), line => Assert.EndsWith("}", line));
        }
        finally
        {
            TryRun("umount", $"-l {mountPoint}");
        }
    }

    private static bool TryRun(string command, string arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(command, arguments) { RedirectStandardError = true, RedirectStandardOutput = true });
            if (process is null || !process.WaitForExit(10_000))
            {
                return false;
            }

            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
