namespace Hilt.Aop;

/// <summary>What a scope remembers of one conversation: its id, and its last logged completion.</summary>
internal sealed class ConversationState(string id)
{
    private string? _lastCompletionId;

    /// <summary>Gets the conversation id.</summary>
    public string Id { get; } = id;

    /// <summary>Gets the event id of the last completion logged in this conversation, if any.</summary>
    public string? LastCompletionId => Volatile.Read(ref _lastCompletionId);

    /// <summary>Gets or sets the message count of the latest call (guarded by the owner's lock).</summary>
    public int LastMessageCount { get; set; }

    /// <summary>Gets how many earlier conversations started with the same opening messages.</summary>
    public int Restart { get; init; }

    /// <summary>Records the completion a later prompt replies to.</summary>
    /// <param name="completionEventId">The completion's event id.</param>
    public void Completed(string completionEventId) => Volatile.Write(ref _lastCompletionId, completionEventId);
}
