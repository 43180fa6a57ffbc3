using System.Globalization;

namespace Hilt.Aop;

/// <summary>
/// Threading state of one session scope: which conversation a message history belongs to, and the
/// last completion logged in each conversation (for <c>reply_to</c> of the next prompt).
/// </summary>
/// <remarks>
/// <para>
/// A call without a conversation key is threaded by the fingerprint of its opening messages: a call that resends a
/// known history with more messages than its previous turn continues that conversation; anything else starts a new one.
/// The id of a history's first conversation is derived from the fingerprint and the session's tenant, user and name,
/// so the same conversation resent in a later scope (a new web request) gets the same id again.
/// </para>
/// <para>
/// Memory is bounded: only fingerprints are kept (never message text), and at most <see cref="Capacity"/>
/// conversations are remembered per scope; the least recently used are forgotten first (a forgotten conversation
/// that comes back keeps its id but its next prompt has no <c>reply_to</c>). Thread-safe.
/// </para>
/// </remarks>
internal sealed class ConversationThreads
{
    /// <summary>The number of conversations remembered per scope.</summary>
    public const int Capacity = 1024;

    private readonly LruMap<long, ConversationState> _byHistory = new(Capacity);
    private readonly LruMap<string, ConversationState> _byKey = new(Capacity);
    private ConversationState? _lastConversation;
    private string? _defaultConversationId;

    /// <summary>Gets the id of the conversation most recently used in this scope, if any.</summary>
    public string? LastConversationId => Volatile.Read(ref _lastConversation)?.Id;

    /// <summary>Gets the event id of the latest completion of the conversation most recently used in this scope, if any.</summary>
    public string? LastCompletionId => Volatile.Read(ref _lastConversation)?.LastCompletionId;

    /// <summary>Gets an id for events that belong to no known conversation in this scope; created once.</summary>
    public string DefaultConversationId
    {
        get
        {
            if (_defaultConversationId is null)
            {
                Interlocked.CompareExchange(ref _defaultConversationId, HiltConversationId.FromKey("scope:" + Guid.NewGuid().ToString("N")), null);
            }

            return _defaultConversationId;
        }
    }

    /// <summary>Finds or starts the conversation of a call that names its conversation key.</summary>
    /// <param name="conversationKey">The conversation key; its id is derived once per scope, not per call.</param>
    /// <returns>The conversation's state.</returns>
    public ConversationState ForKey(string conversationKey)
    {
        var state = _byKey.GetOrAdd(conversationKey, static key => new ConversationState(HiltConversationId.FromKey(key)));
        Volatile.Write(ref _lastConversation, state);
        return state;
    }

    /// <summary>Finds or starts the conversation of a call threaded by its history.</summary>
    /// <param name="fingerprint">The fingerprint of the opening messages.</param>
    /// <param name="messageCount">The number of messages the call sends.</param>
    /// <param name="session">The session, whose tenant, user and name keep equal histories of different people apart.</param>
    /// <returns>The conversation's state, and whether the call continues it (its prompt then replies to the last completion).</returns>
    public (ConversationState State, bool Continues) ForHistory(long fingerprint, int messageCount, HiltSession session)
    {
        ConversationState state;
        bool continues;
        lock (_byHistory)
        {
            if (_byHistory.TryGet(fingerprint, out var known) && (messageCount > known.LastMessageCount || (messageCount > 1 && messageCount == known.LastMessageCount)))
            {
                state = known;
                continues = true;
            }
            else
            {
                // Same opening, but not longer than before: a new conversation that happens to start the same way.
                var restart = known is null ? 0 : known.Restart + 1;
                var key = string.Create(CultureInfo.InvariantCulture, $"history:{session.Tenant}|{session.User}|{session.Name}|{fingerprint:x16}|{restart}");
                state = new ConversationState(HiltConversationId.FromKey(key)) { Restart = restart };
                _byHistory.Set(fingerprint, state);
                continues = false;
            }

            state.LastMessageCount = messageCount;
        }

        Volatile.Write(ref _lastConversation, state);
        return (state, continues);
    }

    /// <summary>Starts a conversation of one call that has neither a key nor a history.</summary>
    /// <param name="seed">A value unique to the call (its prompt's event id).</param>
    /// <returns>The conversation's state.</returns>
    public ConversationState ForOneShot(string seed)
    {
        var state = new ConversationState(HiltConversationId.FromKey("call:" + seed));
        Volatile.Write(ref _lastConversation, state);
        return state;
    }
}
