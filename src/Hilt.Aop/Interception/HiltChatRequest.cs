namespace Hilt.Aop;

/// <summary>What Hilt logs about the request of one chat call, as read by a <see cref="HiltChatCallBinding"/>.</summary>
/// <remarks>Every property is optional. Instances are immutable snapshots: they hold strings and numbers, never the caller's objects.</remarks>
public sealed class HiltChatRequest
{
    private readonly IReadOnlyList<object?>? _images;

    /// <summary>Gets the text of the newest user message (multi-part messages flattened to their text parts).</summary>
    public string? PromptText { get; init; }

    /// <summary>Gets descriptions of images and files in the newest user message (kind, media type, URI or size; never their bytes).</summary>
    public IReadOnlyList<object?>? Images { get => _images; init => _images = FreeForm.Snapshot(value); }

    /// <summary>Gets the conversation key the call carries itself (an argument, a chat option), if any; it wins over every session.</summary>
    public string? ConversationKey { get; init; }

    /// <summary>Gets the model the caller asked for.</summary>
    public string? RequestModel { get; init; }

    /// <summary>Gets the provider (<c>openai</c>, <c>anthropic</c>, a service name), if the request or its client tells.</summary>
    public string? Provider { get; init; }

    /// <summary>
    /// Gets a fingerprint of the opening messages of the history (see <see cref="HiltHistoryFingerprint"/>), used to
    /// thread calls that carry no conversation key; <see langword="null"/> when there is no history to thread by.
    /// </summary>
    public long? HistoryFingerprint { get; init; }

    /// <summary>Gets the number of messages the call sends; a continuation of a conversation sends more than its previous turn.</summary>
    /// <value>The default value is 1.</value>
    public int MessageCount { get; init; } = 1;

    /// <summary>Gets the caller's cancellation token, so that its cancellation is logged as such (499).</summary>
    public CancellationToken CancellationToken { get; init; }
}
