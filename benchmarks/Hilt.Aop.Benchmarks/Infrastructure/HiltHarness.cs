namespace Hilt.Aop.Benchmarks;

/// <summary>
/// A <see cref="HiltRecorder"/> for the per-call cases, with default options: either the JSONL sink in a fresh temp
/// folder (its background writer drains while the benchmark runs) or a <see cref="DiscardingSink"/>.
/// </summary>
/// <remarks>
/// A tight benchmark loop produces events faster than any file writer, for minutes, so the JSONL file rolls every
/// 64 MB and a timer deletes the rolled files: the disk stays bounded and the sink's work is unchanged.
/// </remarks>
internal sealed class HiltHarness : IDisposable
{
    private const long RollBytes = 64L * 1024 * 1024;

    private readonly DirectoryInfo? _folder;
    private readonly Timer? _cleaner;
    private readonly DiscardingSink? _discarding;

    private HiltHarness(bool jsonl)
    {
        var options = new HiltOptions();
        if (jsonl)
        {
            _folder = Directory.CreateTempSubdirectory("hilt-bench-calls-");
            options.WriteToJsonl(Path.Combine(_folder.FullName, "chat.jsonl"), sink => sink.MaxFileSizeBytes = RollBytes);
            _cleaner = new Timer(_ => DeleteRolledFiles(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        }
        else
        {
            _discarding = new DiscardingSink();
            options.WriteTo(_discarding);
        }

        Recorder = new HiltRecorder(options);
    }

    public HiltRecorder Recorder { get; }

    public static HiltHarness WithJsonl() => new(jsonl: true);

    public static HiltHarness WithDiscardingSink() => new(jsonl: false);

    /// <summary>
    /// Makes one call and checks that it produced the prompt and the completion, so a case can never measure a client
    /// that silently records nothing.
    /// </summary>
    public void EnsureRecords(string name, Func<Task> call)
    {
        var before = CountEvents();
        call().GetAwaiter().GetResult();
        Recorder.FlushAsync().GetAwaiter().GetResult();
        var recorded = CountEvents() - before;
        if (recorded < 2)
        {
            throw new InvalidOperationException($"{name} recorded {recorded} events for one call; expected a prompt and a completion.");
        }
    }

    public void Dispose()
    {
        _cleaner?.Dispose();
        Recorder.Dispose();
        var diagnostics = Recorder.Diagnostics;
        if (diagnostics.LostEvents + diagnostics.InternalErrors + diagnostics.WriteFailures > 0)
        {
            // Printed into BenchmarkDotNet's log: a case that dropped events measured a full queue, not the enqueue.
            Console.WriteLine($"// Hilt diagnostics: {diagnostics.LostEvents} events dropped, {diagnostics.InternalErrors} internal errors, {diagnostics.WriteFailures} write failures.");
        }

        _folder?.Delete(recursive: true);
    }

    private long CountEvents()
    {
        if (_discarding is not null)
        {
            return _discarding.Events;
        }

        var lines = 0L;
        foreach (var file in _folder!.GetFiles("*.jsonl"))
        {
            lines += File.ReadAllBytes(file.FullName).AsSpan().Count((byte)'\n');
        }

        return lines;
    }

    private void DeleteRolledFiles()
    {
        try
        {
            var files = _folder!.GetFiles("*.jsonl").OrderByDescending(f => f.LastWriteTimeUtc).ToArray();
            foreach (var file in files.Skip(1))
            {
                file.Delete();
            }
        }
        catch (IOException)
        {
            // The next tick tries again.
        }
    }
}
