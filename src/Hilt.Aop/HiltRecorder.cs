namespace Hilt.Aop;

/// <summary>
/// The heart of a Hilt set-up: takes events from interceptors and from manual calls, fills in the session,
/// redacts, and hands them to the sinks.
/// </summary>
/// <remarks>
/// Thread-safe; create one per application. Nothing here throws into the caller's code after construction:
/// failures go to <see cref="HiltOptions.Diagnostics"/>. Disposing drains every sink at once, each within
/// <see cref="HiltOptions.ShutdownTimeout"/>, and reports what could not be written; a recorder that is never
/// disposed is disposed when the process exits (<see cref="AppDomain.ProcessExit"/>), so dispose one you drop early.
/// </remarks>
public sealed partial class HiltRecorder : IDisposable, IAsyncDisposable
{
    private readonly IHiltSink[] _sinks;
    private readonly IHiltRedactor? _redactor;
    private readonly EventHandler _onProcessExit;
    private int _disposed;

    /// <summary>Initializes a new instance of the <see cref="HiltRecorder"/> class.</summary>
    /// <param name="options">The options; read once, here.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    public HiltRecorder(HiltOptions options)
    {
        Options = Throw.IfNull(options);
        _sinks = [.. options.Sinks];
        _redactor = options.Redactor ?? CreateDefaultRedactor(options);
        DefaultFrame = new HiltScopeFrame(options.DefaultSession ?? new HiltSession(), null, HiltScopeKind.Container);

        // An application that never disposes the recorder still gets its queued events written when the process ends.
        _onProcessExit = (_, _) => Dispose();
        AppDomain.CurrentDomain.ProcessExit += _onProcessExit;
    }

    /// <summary>Gets the options this recorder was built with.</summary>
    public HiltOptions Options { get; }

    /// <summary>Gets where the recorder reports on itself.</summary>
    public HiltDiagnostics Diagnostics => Options.Diagnostics;

    /// <summary>Gets the clock.</summary>
    public TimeProvider TimeProvider => Options.TimeProvider;

    /// <summary>Gets the frame used outside any scope: the default session and its threading state.</summary>
    internal HiltScopeFrame DefaultFrame { get; }

    /// <summary>Gets the ambient frame, or the default one outside any scope.</summary>
    internal HiltScopeFrame CurrentFrame => HiltScope.Frame ?? DefaultFrame;

    /// <summary>Writes an event: redacts it and hands it to the session's sinks, or to the recorder's own.</summary>
    /// <param name="hiltEvent">The event.</param>
    /// <remarks>Never throws: a failing redactor or sink is reported to <see cref="Diagnostics"/>.</remarks>
    public void Emit(HiltEvent hiltEvent)
    {
        if (hiltEvent is null || Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        Emit(hiltEvent, HiltScope.Current?.Sinks);
    }

    /// <summary>Waits until every sink has written what it was given.</summary>
    /// <param name="cancellationToken">A token that stops the wait.</param>
    /// <returns>A task that completes when the sinks are flushed.</returns>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        foreach (var sink in _sinks)
        {
            try
            {
                await sink.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Diagnostics.InternalError(sink.GetType().Name, ex);
            }
        }
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

        AppDomain.CurrentDomain.ProcessExit -= _onProcessExit;

        // All sinks drain at once, each within the bound, so one stuck sink neither delays nor starves the others.
        var drains = new Task[_sinks.Length];
        for (var i = 0; i < _sinks.Length; i++)
        {
            drains[i] = DisposeSinkAsync(_sinks[i]);
        }

        await Task.WhenAll(drains).ConfigureAwait(false);
    }

    private async Task DisposeSinkAsync(IHiltSink sink)
    {
        try
        {
            // Real time on purpose: a fake clock in the options must not turn the shutdown bound into a hang.
            await Task.Run(() => sink.DisposeAsync().AsTask()).WaitAsync(Options.ShutdownTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            Diagnostics.Report(new HiltDiagnostic(
                HiltDiagnosticKind.ShutdownIncomplete,
                sink.GetType().Name,
                $"{sink.GetType().Name} did not finish writing within {Options.ShutdownTimeout.TotalSeconds:0.###} s; what it still held is lost.",
                ex));
        }
        catch (Exception ex)
        {
            Diagnostics.InternalError(sink.GetType().Name, ex);
        }
    }

    internal void Emit(HiltEvent hiltEvent, IReadOnlyList<IHiltSink>? sessionSinks)
    {
        var prepared = hiltEvent;
        if (_redactor is not null)
        {
            try
            {
                prepared = _redactor.Redact(hiltEvent);
            }
            catch (Exception ex)
            {
                // An event that could not be redacted is not written: privacy wins over completeness.
                Diagnostics.InternalError("redactor", ex);
                Diagnostics.Report(new HiltDiagnostic(HiltDiagnosticKind.EventsDropped, "redactor", "An event was dropped because redaction failed.", ex, 1));
                return;
            }
        }

        var sinks = sessionSinks ?? (IReadOnlyList<IHiltSink>)_sinks;
        for (var i = 0; i < sinks.Count; i++)
        {
            try
            {
                sinks[i].Emit(prepared);
            }
            catch (Exception ex)
            {
                Diagnostics.InternalError(sinks[i].GetType().Name, ex);
            }
        }
    }

    private static partial IHiltRedactor? CreateDefaultRedactor(HiltOptions options);
}
