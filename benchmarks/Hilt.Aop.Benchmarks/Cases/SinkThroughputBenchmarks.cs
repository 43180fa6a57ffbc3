using BenchmarkDotNet.Attributes;

namespace Hilt.Aop.Benchmarks;

/// <summary>
/// Events per second that reach the file: <see cref="Events"/> realistic events (prompt, completion, prompt, ...)
/// written by <see cref="Producers"/> threads, timed until the writer is closed (everything handed to the OS).
/// Each invocation writes a new file, deleted after the iteration. The ratio is against the single-thread
/// <see cref="System.Text.Json.Utf8JsonWriter"/> floor of the same run.
/// </summary>
[InvocationCount(1)]
public class SinkThroughputBenchmarks
{
    private DirectoryInfo? _folder;
    private string _path = string.Empty;
    private int _iteration;

    [ParamsSource(nameof(EventCounts))]
    public int Events { get; set; }

    [Params(1, 2, 4, 8)]
    public int Producers { get; set; }

    public static IEnumerable<int> EventCounts() => [BenchSettings.ThroughputEvents];

    /// <summary>
    /// Producers wait for queue room instead of dropping after the default 100 ms, so every event reaches the file and
    /// the rate is the writer's; the shutdown wait covers a 1 M backlog on a slow disk.
    /// </summary>
    private static void LosslessSink(JsonlSinkOptions options)
    {
        options.FullQueueWait = TimeSpan.FromMinutes(1);
        options.ShutdownTimeout = TimeSpan.FromMinutes(5);
    }

    private static void EnsureNothingLost(HiltDiagnostics diagnostics)
    {
        if (diagnostics.LostEvents + diagnostics.WriteFailures + diagnostics.InternalErrors != 0)
        {
            throw new InvalidOperationException(
                $"Not every event reached the file: {diagnostics.LostEvents} lost, {diagnostics.WriteFailures} write failures, {diagnostics.InternalErrors} internal errors.");
        }
    }

    [GlobalSetup]
    public void GlobalSetup() => _folder = Directory.CreateTempSubdirectory("hilt-bench-throughput-");

    [IterationSetup]
    public void IterationSetup() => _path = Path.Combine(_folder!.FullName, "events-" + _iteration++ + ".jsonl");

    [IterationCleanup]
    public void IterationCleanup()
    {
        foreach (var file in _folder!.EnumerateFiles())
        {
            file.Delete();
        }
    }

    [GlobalCleanup]
    public void GlobalCleanup() => _folder?.Delete(recursive: true);

    /// <summary>The floor: one thread, no queue, <see cref="System.Text.Json.Utf8JsonWriter"/> into a <see cref="FileStream"/>. Ignores <see cref="Producers"/>.</summary>
    [Benchmark(Baseline = true)]
    public void Utf8JsonWriterFloor()
    {
        using var writer = new FloorJsonWriter(_path);
        EventFactory.Produce(Events, TimeProvider.System, writer.Write);
    }

    /// <summary>The interceptor's path: <see cref="HiltRecorder.Emit(HiltEvent)"/> into the JSONL sink, closed (drained) at the end.</summary>
    [Benchmark]
    public void HiltJsonl()
    {
        var options = new HiltOptions().WriteToJsonl(_path, LosslessSink);
        var recorder = new HiltRecorder(options);
        ProducerThreads.Run(Producers, Events, (_, count) => EventFactory.Produce(count, TimeProvider.System, recorder.Emit));
        recorder.Dispose();
        EnsureNothingLost(options.Diagnostics);
    }

    /// <summary>The JSONL sink alone, without the recorder in front of it.</summary>
    [Benchmark]
    public void HiltJsonlSink()
    {
        var diagnostics = new HiltDiagnostics();
        var options = new JsonlSinkOptions { Path = _path };
        LosslessSink(options);
        var sink = new JsonlSink(options, TimeProvider.System, diagnostics);
        ProducerThreads.Run(Producers, Events, (_, count) => EventFactory.Produce(count, TimeProvider.System, sink.Emit));
        sink.Dispose();
        EnsureNothingLost(diagnostics);
    }

    /// <summary>Serilog.Sinks.File with CompactJsonFormatter, buffered, the same fields through a message template.</summary>
    [Benchmark]
    public void SerilogFile()
    {
        using var writer = new SerilogEventWriter(_path);
        ProducerThreads.Run(Producers, Events, (_, count) => EventFactory.Produce(count, TimeProvider.System, writer.Write));
    }
}
