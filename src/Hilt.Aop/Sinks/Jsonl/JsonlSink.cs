using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Hilt.Aop;

/// <summary>Appends HILT events to a JSONL file, one whole line per event, from one background writer.</summary>
/// <remarks>
/// <para>
/// <see cref="Emit"/> only puts the event in a bounded queue; one background writer thread per sink serialises the
/// events and appends them in batches of whole lines. Several sinks, threads or processes can append to the same
/// file: on Linux and macOS each batch is one <c>O_APPEND</c> write, so lines never interleave mid-line; elsewhere
/// cooperating Hilt writers take a lock around each batch.
/// </para>
/// <para>
/// Nothing here throws into the caller after construction. A full queue waits <see cref="JsonlSinkOptions.FullQueueWait"/>
/// and then drops the event; failed writes lose their batch; both are counted in <see cref="HiltDiagnostics"/> and
/// reported. Writing resumes by itself when the cause goes away (a deleted folder is created again).
/// </para>
/// <para>
/// Files are created owner-only (0600) on Unix by default, because they hold prompts and replies. A sink that is never
/// disposed still drains, within <see cref="JsonlSinkOptions.ShutdownTimeout"/>, when the process exits normally.
/// </para>
/// </remarks>
public sealed class JsonlSink : IHiltSink
{
    private const string Source = "jsonl";
    private const int MaxBatchBytes = 1024 * 1024;
    private const int MaxOpenFiles = 32;
    private const int MaxBatchItems = 4096;
    private const int ScratchSize = 16 * 1024;
    private const int KeptScratchSize = 4 * 1024 * 1024;

    private readonly JsonlPathTemplate _paths;
    private readonly ColumnSet? _columns;
    private readonly IJsonlFileOpener _opener;
    private readonly TimeProvider _timeProvider;
    private readonly HiltDiagnostics _diagnostics;
    private readonly JsonlQueue _queue;
    private readonly TimeSpan _fullQueueWait;
    private readonly TimeSpan _shutdownTimeout;
    private readonly bool _flushToDisk;
    private readonly bool _rollDaily;
    private readonly long? _maxFileSize;
    private readonly UnixFileMode? _unixFileMode;
    private readonly Thread _writer;
    private readonly TaskCompletionSource _writerDone = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Owned by the writer thread.
    private readonly Dictionary<string, JsonlFileSlot> _slots = new(StringComparer.Ordinal);
    private ArrayBufferWriter<byte> _scratch = new(ScratchSize);
    private Utf8JsonWriter _json;
    private long _pendingBytes;
    private long _writes;
    private bool _failing;

    private long _dropped;
    private int _inFlight;
    private int _disposed;
    private volatile bool _abandoned;

    /// <summary>Initializes a new instance of the <see cref="JsonlSink"/> class.</summary>
    /// <param name="options">The options; read once, here.</param>
    /// <param name="timeProvider">The clock for daily rolling; <see langword="null"/> for the system clock.</param>
    /// <param name="diagnostics">Where failures are reported; <see langword="null"/> for a private instance.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An option is invalid (an unknown or empty column list, an empty path).</exception>
    /// <exception cref="ArgumentOutOfRangeException">A size, capacity or time option is out of range.</exception>
    /// <exception cref="InvalidOperationException">The log folder cannot be created or written.</exception>
    public JsonlSink(JsonlSinkOptions options, TimeProvider? timeProvider = null, HiltDiagnostics? diagnostics = null)
        : this(options, timeProvider, diagnostics, new JsonlFileOpener())
    {
    }

    internal JsonlSink(JsonlSinkOptions options, TimeProvider? timeProvider, HiltDiagnostics? diagnostics, IJsonlFileOpener opener)
    {
        Throw.IfNull(options);
        Throw.IfNullOrWhiteSpace(options.Path, "options.Path");
        Throw.IfLessThan(options.QueueCapacity, 1, "options.QueueCapacity");
        Throw.IfLessThan(options.FullQueueWait, TimeSpan.Zero, "options.FullQueueWait");
        Throw.IfLessThan(options.ShutdownTimeout, TimeSpan.Zero, "options.ShutdownTimeout");
        if (options.MaxFileSizeBytes is { } max)
        {
            Throw.IfLessThan(max, 1L, "options.MaxFileSizeBytes");
        }

        _columns = options.Columns is null ? null : ColumnSet.Create(options.Columns, "options.Columns");
        _paths = new JsonlPathTemplate(options.Path, options.DefaultTenant);
        _opener = opener;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _diagnostics = diagnostics ?? new HiltDiagnostics();
        _fullQueueWait = options.FullQueueWait;
        _shutdownTimeout = options.ShutdownTimeout;
        _flushToDisk = options.FlushToDisk;
        _rollDaily = options.RollDaily;
        _maxFileSize = options.MaxFileSizeBytes;
        _unixFileMode = options.UnixFileMode;
        _json = new Utf8JsonWriter(_scratch, HiltJsonlWriter.Options);

        EnsureWritable(_paths.Root);

        _queue = new JsonlQueue(options.QueueCapacity);

        // A thread of its own, not a pool task: callers blocked on a full queue can starve the pool.
        _writer = new Thread(Run) { IsBackground = true, Name = "Hilt.Aop JSONL writer" };
        _writer.Start();
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    /// <inheritdoc />
    /// <remarks>Waits at most <see cref="JsonlSinkOptions.FullQueueWait"/> when the queue is full, then drops and counts the event.</remarks>
    public void Emit(HiltEvent hiltEvent)
    {
        if (hiltEvent is null)
        {
            return;
        }

        if (_queue.TryEnqueue(hiltEvent, _fullQueueWait))
        {
            return;
        }

        Interlocked.Increment(ref _dropped);
        if (Volatile.Read(ref _disposed) != 0)
        {
            // No writer left to report it.
            ReportDropped();
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// Waits at most <see cref="JsonlSinkOptions.ShutdownTimeout"/>; what is not written by then is reported as
    /// <see cref="HiltDiagnosticKind.Information"/> (it may still be written later). Never throws except on cancellation.
    /// </remarks>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.TryEnqueueMarker(written))
        {
            // Disposed: disposing drains the queue itself.
            return;
        }

        if (!await WaitAsync(written.Task, _shutdownTimeout, cancellationToken).ConfigureAwait(false))
        {
            var left = _queue.Count + Volatile.Read(ref _inFlight);
            _diagnostics.Report(new HiltDiagnostic(HiltDiagnosticKind.Information, Source, $"Flushing '{_paths.Root}' timed out after {_shutdownTimeout}; about {left} events were still waiting.", null, left));
        }
    }

    /// <inheritdoc />
    /// <remarks>Drains the queue for at most <see cref="JsonlSinkOptions.ShutdownTimeout"/> and reports what it could not write.</remarks>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        _queue.Complete();
        EndShutdown(_writer.Join(_shutdownTimeout));
    }

    /// <inheritdoc />
    /// <remarks>Drains the queue for at most <see cref="JsonlSinkOptions.ShutdownTimeout"/> and reports what it could not write.</remarks>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        _queue.Complete();
        EndShutdown(await WaitAsync(_writerDone.Task, _shutdownTimeout, CancellationToken.None).ConfigureAwait(false));
    }

    // A safety bound on real time, not a measured duration, so it does not follow a test's fake clock.
    private static async Task<bool> WaitAsync(Task task, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private static void EnsureWritable(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".hilt-write-test-{Guid.NewGuid():N}");
            new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose).Dispose();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new InvalidOperationException($"The JSONL log folder '{folder}' cannot be written: {ex.Message}", ex);
        }
    }

    private void OnProcessExit(object? sender, EventArgs e) => Dispose();

    private void EndShutdown(bool drained)
    {
        if (!drained)
        {
            _abandoned = true;
            var left = _queue.Count + Volatile.Read(ref _inFlight);
            _diagnostics.Report(new HiltDiagnostic(HiltDiagnosticKind.ShutdownIncomplete, Source, $"The JSONL sink for '{_paths.Root}' stopped after {_shutdownTimeout} with {left} events not written.", null, left));
        }

        ReportDropped();
    }

    private void Run()
    {
        var batch = new List<object>(MaxBatchItems);
        try
        {
            while (true)
            {
                try
                {
                    while (_queue.TryTake(batch, MaxBatchItems))
                    {
                        Volatile.Write(ref _inFlight, _inFlight + batch.Count(static item => item is HiltEvent));
                        foreach (var item in batch)
                        {
                            if (item is HiltEvent hiltEvent)
                            {
                                Add(hiltEvent);
                                if (_pendingBytes >= MaxBatchBytes)
                                {
                                    WritePending();
                                }
                            }
                            else if (item is TaskCompletionSource flushed)
                            {
                                WritePending();
                                flushed.TrySetResult();
                            }
                        }

                        batch.Clear();
                        WritePending();
                        ReportDropped();
                    }

                    return;
                }
                catch (Exception ex)
                {
                    // The writer must outlive any bug of its own, or the queue would fill and drop everything.
                    batch.Clear();
                    _diagnostics.InternalError(Source, ex);
                }
            }
        }
        finally
        {
            foreach (var slot in _slots.Values)
            {
                slot.Close();
            }

            _writerDone.TrySetResult();
        }
    }

    private void Add(HiltEvent hiltEvent)
    {
        string path;
        try
        {
            path = _paths.Resolve(_paths.HasTenant ? TenantOf(hiltEvent) : null);
            _scratch.ResetWrittenCount();
            _json.Reset(_scratch);
            if (_columns is null)
            {
                HiltJsonlWriter.WriteEvent(_json, hiltEvent);
            }
            else
            {
                HiltJsonlWriter.WriteProjected(_json, _columns.Names, _columns.Project(hiltEvent));
            }

            _json.Flush();
        }
        catch (Exception ex)
        {
            Volatile.Write(ref _inFlight, _inFlight - 1);
            _json.Reset(_scratch);
            _diagnostics.InternalError(Source, ex);
            _diagnostics.Report(new HiltDiagnostic(HiltDiagnosticKind.EventsDropped, Source, $"An event could not be serialised: {ex.GetType().Name}.", ex, 1));
            return;
        }

        if (!_slots.TryGetValue(path, out var slot))
        {
            slot = new JsonlFileSlot(path);
            _slots.Add(path, slot);
        }

        slot.Pending.Write(_scratch.WrittenSpan);
        slot.Pending.Write("\n"u8);
        slot.PendingCount++;
        _pendingBytes += _scratch.WrittenCount + 1;

        if (_scratch.Capacity > KeptScratchSize)
        {
            // Let go of the memory a huge message needed.
            _scratch = new ArrayBufferWriter<byte>(ScratchSize);
            _json = new Utf8JsonWriter(_scratch, HiltJsonlWriter.Options);
        }
    }

    private static string? TenantOf(HiltEvent hiltEvent) =>
        hiltEvent.GetExtension(HiltExtensionKeys.Tenant) is { } tenant
            ? Convert.ToString(tenant, CultureInfo.InvariantCulture)
            : null;

    private void WritePending()
    {
        foreach (var slot in _slots.Values)
        {
            var count = slot.PendingCount;
            if (count == 0)
            {
                continue;
            }

            try
            {
                if (!_abandoned)
                {
                    Write(slot);
                    if (_failing)
                    {
                        _failing = false;
                        _diagnostics.Report(new HiltDiagnostic(HiltDiagnosticKind.WriteRecovered, Source, $"Writing to '{slot.PhysicalPath}' works again."));
                    }
                }
            }
            catch (Exception ex)
            {
                slot.Close();
                _failing = true;
                _diagnostics.Report(new HiltDiagnostic(HiltDiagnosticKind.WriteFailed, Source, $"{count} events could not be written to '{slot.LogicalPath}': {ex.GetType().Name}: {ex.Message}", ex, count));
            }
            finally
            {
                slot.ClearPending();
                Volatile.Write(ref _inFlight, _inFlight - count);
            }
        }

        _pendingBytes = 0;
        if (_slots.Count > MaxOpenFiles)
        {
            CloseLeastRecentlyUsed();
        }
    }

    private void Write(JsonlFileSlot slot)
    {
        var lines = slot.Pending.WrittenSpan;
        var date = _rollDaily ? _timeProvider.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
        if (!string.Equals(slot.Date, date, StringComparison.Ordinal))
        {
            slot.Close();
            slot.Date = date;
            slot.Sequence = 0;
        }

        if (slot.File is not null)
        {
            var info = new FileInfo(slot.PhysicalPath!);
            if (!info.Exists)
            {
                // Deleted or moved away (a removed folder, an external log rotation): start the file again.
                slot.Close();
            }
            else if (_maxFileSize is { } max && info.Length > 0 && info.Length + lines.Length > max)
            {
                slot.Close();
                slot.Sequence++;
            }
        }

        if (slot.File is null)
        {
            Open(slot, lines.Length);
        }

        slot.File!.Append(lines);
        if (_flushToDisk)
        {
            slot.File.FlushToDisk();
        }

        slot.LastUsed = ++_writes;
    }

    private void Open(JsonlFileSlot slot, int batchLength)
    {
        while (true)
        {
            var path = JsonlPathTemplate.RollPath(slot.LogicalPath, slot.Date, slot.Sequence);
            if (_maxFileSize is { } max)
            {
                var info = new FileInfo(path);
                if (info.Exists && info.Length > 0 && info.Length + batchLength > max)
                {
                    slot.Sequence++;
                    continue;
                }
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var endsMidLine = EndsMidLine(path);
            slot.File = _opener.Open(path, OperatingSystem.IsWindows() ? null : _unixFileMode);
            slot.PhysicalPath = path;
            if (endsMidLine)
            {
                // A writer died mid-line (or a disk filled up): end that fragment so it cannot swallow our first line.
                slot.File.Append("\n"u8);
            }

            return;
        }
    }

    private static bool EndsMidLine(string path)
    {
        // A new file is the common case: no exception for it.
        if (!File.Exists(path))
        {
            return false;
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
            if (stream.Length == 0)
            {
                return false;
            }

            stream.Seek(-1, SeekOrigin.End);
            return stream.ReadByte() != '\n';
        }
        catch (FileNotFoundException)
        {
            return false;
        }
    }

    private void CloseLeastRecentlyUsed()
    {
        foreach (var slot in _slots.Values.OrderBy(s => s.LastUsed).Take(_slots.Count - (MaxOpenFiles / 2)).ToList())
        {
            slot.Close();
            _slots.Remove(slot.LogicalPath);
        }
    }

    private void ReportDropped()
    {
        var dropped = Interlocked.Exchange(ref _dropped, 0);
        if (dropped > 0)
        {
            _diagnostics.Report(new HiltDiagnostic(HiltDiagnosticKind.EventsDropped, Source, $"{dropped} events were dropped because the JSONL queue was full or the sink was closed.", null, dropped));
        }
    }
}
