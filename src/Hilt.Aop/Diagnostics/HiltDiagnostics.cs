namespace Hilt.Aop;

/// <summary>Where Hilt reports on itself: counters, plus a hook for a person or a logger.</summary>
/// <remarks>
/// Hilt never throws into an intercepted call; what goes wrong is reported here instead. The hook is
/// called on whichever thread found the problem (often a sink's background writer) and must be quick;
/// an exception it throws is swallowed. Counters are safe to read from any thread.
/// </remarks>
public sealed class HiltDiagnostics
{
    private long _lostEvents;
    private long _internalErrors;
    private long _writeFailures;

    /// <summary>Raised for every report.</summary>
    public event Action<HiltDiagnostic>? Reported;

    /// <summary>Gets the number of events that were dropped or could not be written.</summary>
    public long LostEvents => Interlocked.Read(ref _lostEvents);

    /// <summary>Gets the number of internal errors caught while observing calls.</summary>
    public long InternalErrors => Interlocked.Read(ref _internalErrors);

    /// <summary>Gets the number of failed write attempts.</summary>
    public long WriteFailures => Interlocked.Read(ref _writeFailures);

    /// <summary>Reports a diagnostic: updates the counters and calls the hook.</summary>
    /// <param name="diagnostic">The report.</param>
    public void Report(HiltDiagnostic diagnostic)
    {
        switch (diagnostic.Kind)
        {
            case HiltDiagnosticKind.EventsDropped:
                Interlocked.Add(ref _lostEvents, Math.Max(1, diagnostic.Count));
                break;
            case HiltDiagnosticKind.WriteFailed:
                Interlocked.Increment(ref _writeFailures);
                Interlocked.Add(ref _lostEvents, diagnostic.Count);
                break;
            case HiltDiagnosticKind.InternalError:
                Interlocked.Increment(ref _internalErrors);
                break;
            case HiltDiagnosticKind.ShutdownIncomplete:
                Interlocked.Add(ref _lostEvents, diagnostic.Count);
                break;
        }

        try
        {
            Reported?.Invoke(diagnostic);
        }
        catch
        {
            // A failing hook must not turn a report into a failure of its own.
        }
    }

    internal void InternalError(string source, Exception exception) =>
        Report(new HiltDiagnostic(HiltDiagnosticKind.InternalError, source, $"{source} failed: {exception.GetType().Name}", exception));
}
