using System.Diagnostics;
using System.Globalization;

namespace Hilt.Aop.Benchmarks;

/// <summary>
/// The <c>--enqueue-latency</c> mode: a burst of events from several producers, as fast as they can go, so the
/// writer is saturated. Prints, per destination, the caller's time inside one emit (p50, p90, p99, p99.9, max),
/// the burst's wall time, the lines that reached the file, and the peak managed heap and working set while the
/// burst ran (sampled every 5 ms). Not a BenchmarkDotNet case: one pass, printed as a Markdown table.
/// </summary>
internal static class EnqueueLatencyRun
{
    private const int ProducerCount = 4;

    public static int Run(BenchMode mode, TextWriter output)
    {
        var events = mode switch
        {
            BenchMode.Dry => 2_000,
            BenchMode.Short => 200_000,
            _ => 1_000_000,
        };
        var folder = Directory.CreateTempSubdirectory("hilt-bench-latency-");
        try
        {
            output.WriteLine($"Burst of {events:N0} events from {ProducerCount} producer threads; {Environment.ProcessorCount} logical CPUs.");
            output.WriteLine();
            output.WriteLine("| Destination | p50 µs | p90 µs | p99 µs | p99.9 µs | max µs | emit wall ms | drain wall ms | events/s | lines in file | dropped | heap before MB | peak heap MB | peak working set MB |");
            output.WriteLine("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
            foreach (var create in Targets())
            {
                var path = Path.Combine(folder.FullName, "burst-" + Guid.NewGuid().ToString("N") + ".jsonl");
                output.WriteLine(Measure(create(path), path, events));
                foreach (var file in folder.EnumerateFiles())
                {
                    file.Delete();
                }
            }

            return 0;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static IEnumerable<Func<string, BurstTarget>> Targets()
    {
        yield return path =>
        {
            // Default options: a 10,000-event queue, 100 ms wait for room, then drop (counted).
            var options = new HiltOptions().WriteToJsonl(path);
            var recorder = new HiltRecorder(options);
            return new BurstTarget("Hilt JSONL sink via HiltRecorder (default options)", recorder.Emit, recorder.Dispose, () => options.Diagnostics.LostEvents);
        };
        yield return path =>
        {
            var writer = new SerilogEventWriter(path);
            return new BurstTarget("Serilog.Sinks.File (CompactJsonFormatter, buffered)", writer.Write, writer.Dispose, () => 0);
        };
    }

    private static string Measure(BurstTarget target, string path, int events)
    {
        // The latencies array is allocated before the heap baseline; events are built inside the burst, each with its
        // own copy of the prompt or reply text as a real call's would be, and only the emit itself is timed.
        var latencies = new long[events];
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        using var sampler = new MemorySampler();

        var started = Stopwatch.GetTimestamp();
        var share = events / ProducerCount;
        ProducerThreads.Run(ProducerCount, events, (producer, count) =>
        {
            var offset = producer * share;
            var replyTo = string.Empty;
            for (var i = 0; i < count; i++)
            {
                HiltEvent hiltEvent;
                if ((i & 1) == 0)
                {
                    hiltEvent = EventFactory.Prompt(TimeProvider.System, new string(Payloads.PromptText));
                    replyTo = hiltEvent.EventId;
                }
                else
                {
                    hiltEvent = EventFactory.Completion(TimeProvider.System, replyTo, 800, new string(Payloads.CompletionText));
                }

                var before = Stopwatch.GetTimestamp();
                target.Emit(hiltEvent);
                latencies[offset + i] = Stopwatch.GetTimestamp() - before;
            }
        });
        var emitted = Stopwatch.GetTimestamp();
        target.Close();
        var drained = Stopwatch.GetTimestamp();
        var (peakHeap, peakWorkingSet) = sampler.Stop();

        Array.Sort(latencies);
        var seconds = Stopwatch.GetElapsedTime(started, drained).TotalSeconds;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"| {target.Name} | {Micros(Percentile(latencies, 0.50))} | {Micros(Percentile(latencies, 0.90))} | {Micros(Percentile(latencies, 0.99))} | {Micros(Percentile(latencies, 0.999))} | {Micros(latencies[^1])} | {Stopwatch.GetElapsedTime(started, emitted).TotalMilliseconds:N0} | {Stopwatch.GetElapsedTime(emitted, drained).TotalMilliseconds:N0} | {events / seconds:N0} | {CountLines(path):N0} | {target.Dropped():N0} | {Megabytes(heapBefore)} | {Megabytes(peakHeap)} | {Megabytes(peakWorkingSet)} |");
    }

    private static long Percentile(long[] sorted, double fraction) => sorted[Math.Min(sorted.Length - 1, (int)(sorted.Length * fraction))];

    private static string Micros(long ticks) => (ticks * 1_000_000.0 / Stopwatch.Frequency).ToString("N2", CultureInfo.InvariantCulture);

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("N1", CultureInfo.InvariantCulture);

    private static long CountLines(string path)
    {
        // The sink may roll to several files; count every file written for this burst.
        var lines = 0L;
        var buffer = new byte[1 << 16];
        var folder = Path.GetDirectoryName(path)!;
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            using var stream = File.OpenRead(file);
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                lines += buffer.AsSpan(0, read).Count((byte)'\n');
            }
        }

        return lines;
    }
}
