using System.Threading.Channels;

namespace Hilt.Aop.GoogleSheets;

/// <summary>
/// Appends events as rows of a Google Sheets worksheet from one background writer: batched, retried,
/// spooled to a local file while Google cannot take them, replayed in order when it can.
/// </summary>
/// <remarks>
/// <see cref="Emit"/> only enqueues (a bounded queue; overflow is dropped and reported). After a 403, a 404,
/// a refused key or a header mismatch, this instance stops calling Google and keeps every row in the spool
/// for the next start, once the configuration is fixed.
/// </remarks>
internal sealed class GoogleSheetsSink : IHiltSink
{
    internal const string Source = "GoogleSheets";

    private readonly SheetsSinkSettings _settings;
    private readonly GoogleSheetsSinkOptions _options;
    private readonly SheetsClient _client;
    private readonly RowSpool _spool;
    private readonly HiltDiagnostics _diagnostics;
    private readonly TimeProvider _time;
    private readonly IReadOnlyList<string> _columns;
    private readonly Channel<object> _queue;
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _shutdown = new();
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _writer = Task.CompletedTask;
    private string? _worksheet;
    private bool _halted;
    private bool _failing;
    private int _outages;
    private DateTimeOffset _nextReplay;
    private int _disposed;

    internal GoogleSheetsSink(SheetsSinkSettings settings, SheetsClient client, TimeProvider timeProvider, HiltDiagnostics diagnostics)
    {
        _settings = settings;
        _options = settings.Options;
        _client = client;
        _time = timeProvider;
        _diagnostics = diagnostics;
        _columns = settings.Columns.Names;
        _spool = new RowSpool(settings.SpoolPath, _options.MaxSpoolBytes);
        _queue = Channel.CreateBounded<object>(new BoundedChannelOptions(_options.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _nextReplay = timeProvider.GetUtcNow();
    }

    /// <summary>Gets the worksheet rows go to, once known.</summary>
    internal string? Worksheet => _worksheet;

    /// <summary>Gets the spool file's path.</summary>
    internal string SpoolPath => _spool.Path;

    /// <summary>Validates the options, checks the sheet when asked, and starts the background writer.</summary>
    /// <exception cref="ArgumentException">An option is missing or invalid (sheet id, credentials, columns...).</exception>
    /// <exception cref="InvalidOperationException">Google refused the sheet or the key, or the header differs and the policy is <see cref="HeaderMismatchPolicy.Error"/>.</exception>
    internal static GoogleSheetsSink Create(GoogleSheetsSinkOptions options, TimeProvider timeProvider, HiltDiagnostics diagnostics, Func<string, string?>? environment = null)
    {
        var settings = SheetsSinkSettings.Resolve(options, environment ?? Environment.GetEnvironmentVariable);
        var tokens = ServiceAccountTokenSource.Create(settings.Key, settings.TokenUri, options.CredentialsJson is null ? nameof(options.CredentialsPath) : nameof(options.CredentialsJson));
        var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = options.RequestTimeout };
        var client = new SheetsClient(http, tokens, timeProvider, options.SheetsBaseUri, settings.SpreadsheetId, settings.Key.ClientEmail);
        var sink = new GoogleSheetsSink(settings, client, timeProvider, diagnostics);
        try
        {
            if (options.VerifyAtStartup)
            {
                sink.VerifyAtStartup();
            }
        }
        catch
        {
            client.Dispose();
            throw;
        }

        sink.Start();
        return sink;
    }

    /// <inheritdoc />
    public void Emit(HiltEvent hiltEvent)
    {
        if (hiltEvent is null)
        {
            return;
        }

        if (Volatile.Read(ref _disposed) != 0 || !_queue.Writer.TryWrite(hiltEvent))
        {
            var why = Volatile.Read(ref _disposed) != 0 ? "the sink is closed" : $"its queue is full ({_options.QueueCapacity} rows)";
            _diagnostics.Report(new HiltDiagnostic(HiltDiagnosticKind.EventsDropped, Source, $"An event was dropped because {why}.", Count: 1));
        }
    }

    /// <inheritdoc />
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var request = new FlushRequest();
        try
        {
            await _queue.Writer.WriteAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            return;
        }

        Volatile.Read(ref _wake).TrySetResult();
        await request.Completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _queue.Writer.TryComplete();
        Volatile.Read(ref _wake).TrySetResult();
        _shutdown.Cancel();

        // Past the bound, whatever is still in flight is cancelled and ends up in the spool.
        using var deadline = _time.CreateTimer(_ => Cancel(), null, _options.ShutdownTimeout, Timeout.InfiniteTimeSpan);
        try
        {
            await _writer.ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _diagnostics.InternalError(Source, ex);
        }

        _client.Dispose();
        _stop.Dispose();
        _shutdown.Dispose();
    }

    private void Cancel()
    {
        try
        {
            _stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private void VerifyAtStartup()
    {
        using var timeout = new CancellationTokenSource(_options.StartupTimeout, _time);
        try
        {
            _worksheet = Task.Run(() => PrepareAsync(timeout.Token)).GetAwaiter().GetResult();
        }
        catch (SheetsApiException ex) when (!ex.IsTransient)
        {
            throw new InvalidOperationException(ex.Message);
        }
        catch (Exception ex) when (ex is SheetsApiException or OperationCanceledException)
        {
            // Google is unreachable now: rows are spooled and the check is repeated in the background.
            _diagnostics.Report(new HiltDiagnostic(HiltDiagnosticKind.Information, Source, $"Google Sheets could not be checked at start-up; rows will be spooled until it answers. {ex.Message}"));
        }
    }

    private void Start() => _writer = Task.Run(RunAsync);

    private Task<string> PrepareAsync(CancellationToken cancellationToken) =>
        WorksheetSetup.PrepareAsync(_client, _settings.SpreadsheetId, _options.WorksheetName, _columns, _options.HeaderMismatch, cancellationToken);

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        var rows = new List<object?[]>();
        var flushes = new List<FlushRequest>();
        try
        {
            while (true)
            {
                var replayDue = _spool.HasPending && !_halted;
                var hasItems = await WaitAsync(reader, replayDue ? _nextReplay - _time.GetUtcNow() : null).ConfigureAwait(false);
                if (!hasItems && reader.Completion.IsCompleted)
                {
                    break;
                }

                if (hasItems && _options.BatchInterval > TimeSpan.Zero && !Volatile.Read(ref _wake).Task.IsCompleted)
                {
                    // Let a batch gather; a flush or shutdown cuts the wait short.
                    await Task.WhenAny(Task.Delay(_options.BatchInterval, _time, CancellationToken.None), Volatile.Read(ref _wake).Task).ConfigureAwait(false);
                }

                ResetWake();
                Drain(reader, rows, flushes);
                try
                {
                    await DeliverAsync(rows, force: flushes.Count > 0, shuttingDown: false).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    // An unexpected failure (the spool file vanished, say) must not stop the writer: keep the rows, pause, go on.
                    _diagnostics.InternalError(Source, ex);
                    SpoolRows(rows);
                    _failing = true;
                    _nextReplay = _time.GetUtcNow() + Backoff(_outages++, null);
                }

                Complete(flushes);
            }

            Drain(reader, rows, flushes);
            await DeliverAsync(rows, force: false, shuttingDown: true).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _diagnostics.InternalError(Source, ex);
            Drain(reader, rows, flushes);
            SpoolRows(rows);
        }
        finally
        {
            Complete(flushes);
            Drain(reader, rows, flushes);
            Complete(flushes);
            if (rows.Count > 0)
            {
                SpoolRows(rows);
            }

            if (_spool.HasPending)
            {
                _diagnostics.Report(new HiltDiagnostic(HiltDiagnosticKind.Information, Source, $"Rows Google Sheets has not taken yet are kept in {_spool.Path}; they are sent when the sink next starts."));
            }
        }
    }

    /// <summary>Waits for rows, a flush, shutdown, or the time to replay the spool; true when the queue has items.</summary>
    private async Task<bool> WaitAsync(ChannelReader<object> reader, TimeSpan? replayIn)
    {
        if (reader.TryPeek(out _))
        {
            return true;
        }

        if (replayIn is { } due && due <= TimeSpan.Zero)
        {
            return false;
        }

        using var cancel = new CancellationTokenSource();
        var read = reader.WaitToReadAsync(cancel.Token).AsTask();
        var tasks = new List<Task> { read, Volatile.Read(ref _wake).Task };
        if (replayIn is { } delay)
        {
            tasks.Add(Task.Delay(delay, _time, cancel.Token));
        }

        await Task.WhenAny(tasks).ConfigureAwait(false);
        cancel.Cancel();
        try
        {
            return await read.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return reader.TryPeek(out _);
        }
    }

    private void ResetWake()
    {
        var wake = Volatile.Read(ref _wake);
        if (wake.Task.IsCompleted && Volatile.Read(ref _disposed) == 0)
        {
            Interlocked.CompareExchange(ref _wake, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), wake);
        }
    }

    private void Drain(ChannelReader<object> reader, List<object?[]> rows, List<FlushRequest> flushes)
    {
        while (reader.TryRead(out var item))
        {
            if (item is HiltEvent hiltEvent)
            {
                try
                {
                    rows.Add(_settings.Columns.Project(hiltEvent));
                }
                catch (Exception ex)
                {
                    _diagnostics.InternalError(Source, ex);
                    _diagnostics.Report(new HiltDiagnostic(HiltDiagnosticKind.EventsDropped, Source, "An event could not be turned into a row.", ex, 1));
                }
            }
            else if (item is FlushRequest flush)
            {
                flushes.Add(flush);
            }
        }
    }

    private static void Complete(List<FlushRequest> flushes)
    {
        foreach (var flush in flushes)
        {
            flush.Completion.TrySetResult();
        }

        flushes.Clear();
    }

    /// <summary>Sends rows in batches, behind anything already spooled; what cannot be sent is spooled.</summary>
    private async Task DeliverAsync(List<object?[]> rows, bool force, bool shuttingDown)
    {
        if (_spool.HasPending || _halted)
        {
            // Older rows wait in the spool: new ones queue up behind them to keep the order.
            SpoolRows(rows);
            if (!_halted && !shuttingDown && (force || _time.GetUtcNow() >= _nextReplay))
            {
                await ReplayAsync().ConfigureAwait(false);
            }

            return;
        }

        var sent = 0;
        while (sent < rows.Count)
        {
            var batch = rows.GetRange(sent, Math.Min(_options.BatchSize, rows.Count - sent));
            if (!await SendAsync(batch, shuttingDown).ConfigureAwait(false))
            {
                break;
            }

            sent += batch.Count;
        }

        rows.RemoveRange(0, sent);
        SpoolRows(rows);
    }

    private async Task ReplayAsync()
    {
        while (_spool.HasPending)
        {
            var batch = _spool.Read(_options.BatchSize, _columns);
            if (batch.Skipped > 0)
            {
                _diagnostics.Report(new HiltDiagnostic(HiltDiagnosticKind.EventsDropped, Source, $"{batch.Skipped} unreadable line(s) of the spool {_spool.Path} were skipped.", Count: batch.Skipped));
            }

            if (batch.Rows.Count > 0 && !await SendAsync(batch.Rows, shuttingDown: false).ConfigureAwait(false))
            {
                return;
            }

            _spool.Commit(batch);
        }
    }

    /// <summary>Sends one batch with retries; false when it could not be sent (the caller spools it).</summary>
    private async Task<bool> SendAsync(IReadOnlyList<object?[]> batch, bool shuttingDown)
    {
        var token = _stop.Token;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                _worksheet ??= await PrepareAsync(token).ConfigureAwait(false);
                await _client.AppendAsync(_worksheet, batch, token).ConfigureAwait(false);
                if (_failing)
                {
                    _failing = false;
                    _diagnostics.Report(new HiltDiagnostic(HiltDiagnosticKind.WriteRecovered, Source, "Google Sheets takes rows again.", Count: batch.Count));
                }

                _outages = 0;
                return true;
            }
            catch (SheetsApiException ex) when (ex.IsTransient)
            {
                if (attempt >= _options.MaxRetries || shuttingDown || token.IsCancellationRequested || _shutdown.IsCancellationRequested)
                {
                    Outage(ex, batch.Count);
                    return false;
                }

                try
                {
                    // Shutdown cuts a backoff short: the rows go to the spool instead of holding up Dispose.
                    await Task.Delay(Backoff(attempt, ex.RetryAfter), _time, _shutdown.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    Outage(ex, batch.Count);
                    return false;
                }
            }
            catch (SheetsApiException ex)
            {
                // A configuration problem: retrying cannot help, so this instance stops calling Google.
                _halted = true;
                _diagnostics.Report(new HiltDiagnostic(HiltDiagnosticKind.WriteFailed, Source, $"{ex.Message} Rows are kept in {_spool.Path} and sent after a restart with the configuration fixed."));
                return false;
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return false;
            }
        }
    }

    private void Outage(SheetsApiException ex, int rows)
    {
        _failing = true;
        var wait = Backoff(_outages++, ex.RetryAfter);
        _nextReplay = _time.GetUtcNow() + wait;
        _diagnostics.Report(new HiltDiagnostic(HiltDiagnosticKind.WriteFailed, Source, $"{ex.Message} {rows} row(s) are kept in the spool and retried in {wait.TotalSeconds:0.#} s.", ex));
    }

    /// <summary>Exponential backoff with up to 20% jitter, or the server's <c>Retry-After</c>; never above the maximum.</summary>
    private TimeSpan Backoff(int attempt, TimeSpan? retryAfter)
    {
        var max = _options.MaxRetryDelay;
        if (retryAfter is { } serverSaid)
        {
            return serverSaid > max ? max : serverSaid;
        }

        var exponential = _options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 20));
        var jittered = exponential * (1 + (Random.Shared.NextDouble() * 0.2));
        return TimeSpan.FromMilliseconds(Math.Min(jittered, max.TotalMilliseconds));
    }

    private void SpoolRows(List<object?[]> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        try
        {
            var dropped = _spool.Append(_columns, rows);
            if (dropped > 0)
            {
                _diagnostics.Report(new HiltDiagnostic(HiltDiagnosticKind.EventsDropped, Source, $"The spool {_spool.Path} reached its bound of {_options.MaxSpoolBytes} bytes; {dropped} row(s) were dropped.", Count: dropped));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _diagnostics.Report(new HiltDiagnostic(HiltDiagnosticKind.EventsDropped, Source, $"The spool {_spool.Path} could not be written; {rows.Count} row(s) were lost.", ex, rows.Count));
        }

        rows.Clear();
    }
}
