namespace Hilt.Aop;

/// <summary>One HILT event: one line of a HILT JSONL file.</summary>
/// <remarks>
/// Instances are immutable snapshots and safe to share between threads: free-form dictionaries given to
/// them are copied, so the caller's objects are never held on to.
/// </remarks>
public sealed class HiltEvent
{
    private readonly IReadOnlyDictionary<string, object?>? _provenance;
    private readonly IReadOnlyDictionary<string, object?>? _extensions;

    /// <summary>Initializes a new instance of the <see cref="HiltEvent"/> class.</summary>
    /// <param name="eventId">The event's unique id (a UUID, lowercase with dashes).</param>
    /// <param name="timestamp">When the event happened; written in UTC.</param>
    /// <param name="sessionId">The conversation id the event belongs to.</param>
    /// <param name="actor">Who authored the event.</param>
    /// <param name="action">One of <see cref="HiltActions.All"/>.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="action"/> is not an allowed action.</exception>
    public HiltEvent(string eventId, DateTimeOffset timestamp, string sessionId, HiltActor actor, string action)
    {
        EventId = Throw.IfNull(eventId);
        Timestamp = timestamp.ToUniversalTime();
        SessionId = Throw.IfNull(sessionId);
        Actor = Throw.IfNull(actor);
        Action = Throw.IfNotOneOf(action, HiltActions.All);
    }

    /// <summary>Gets the event's unique id.</summary>
    public string EventId { get; }

    /// <summary>Gets when the event happened, in UTC.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>Gets the conversation id (the <c>session_id</c> key of the format).</summary>
    public string SessionId { get; }

    /// <summary>Gets who authored the event.</summary>
    public HiltActor Actor { get; }

    /// <summary>Gets the action: one of <see cref="HiltActions.All"/>.</summary>
    public string Action { get; }

    /// <summary>Gets the content, if any.</summary>
    public HiltContent? Content { get; init; }

    /// <summary>Gets the metrics, if any.</summary>
    public HiltMetrics? Metrics { get; init; }

    /// <summary>Gets free-form provenance, if any.</summary>
    public IReadOnlyDictionary<string, object?>? Provenance { get => _provenance; init => _provenance = FreeForm.Snapshot(value); }

    /// <summary>Gets the extension keys (see <see cref="HiltExtensionKeys"/>), if any.</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get => _extensions; init => _extensions = FreeForm.Snapshot(value); }

    /// <summary>Gets an extension value by key.</summary>
    /// <param name="key">The extension key.</param>
    /// <returns>The value, or <see langword="null"/> when the key is absent.</returns>
    public object? GetExtension(string key) =>
        _extensions is not null && _extensions.TryGetValue(key, out var value) ? value : null;

    /// <summary>Creates a copy of this event with different content.</summary>
    /// <param name="content">The new content.</param>
    /// <returns>A new event that differs only in its content.</returns>
    public HiltEvent WithContent(HiltContent? content) => new(EventId, Timestamp, SessionId, Actor, Action)
    {
        Content = content,
        Metrics = Metrics,
        Provenance = _provenance,
        Extensions = _extensions,
    };

    /// <summary>Creates a copy of this event with different extensions.</summary>
    /// <param name="extensions">The new extension keys.</param>
    /// <returns>A new event that differs only in its extensions.</returns>
    public HiltEvent WithExtensions(IReadOnlyDictionary<string, object?>? extensions) => new(EventId, Timestamp, SessionId, Actor, Action)
    {
        Content = Content,
        Metrics = Metrics,
        Provenance = _provenance,
        Extensions = extensions,
    };
}
