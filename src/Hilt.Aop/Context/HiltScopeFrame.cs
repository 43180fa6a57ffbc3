namespace Hilt.Aop;

/// <summary>One level of the ambient session stack: the merged session and its threading state.</summary>
internal sealed class HiltScopeFrame
{
    private ConversationThreads? _threads;
    private string? _conversationId;

    public HiltScopeFrame(HiltSession session, HiltScopeFrame? parent, HiltScopeKind kind)
    {
        Parent = parent;
        Kind = kind;
        Own = session;
        Session = session.InheritFrom(parent?.Session);
    }

    public HiltScopeFrame? Parent { get; }

    public HiltScopeKind Kind { get; }

    /// <summary>Gets the session as given to this frame, before inheritance.</summary>
    public HiltSession Own { get; }

    /// <summary>Gets the session merged with every enclosing frame.</summary>
    public HiltSession Session { get; }

    /// <summary>Gets the conversation id of <see cref="HiltSession.ConversationKey"/>, computed once.</summary>
    public string? ConversationId =>
        Session.ConversationKey is null ? null : _conversationId ??= HiltConversationId.FromKey(Session.ConversationKey);

    /// <summary>Gets the history-based threading state of calls made in this frame without a key.</summary>
    public ConversationThreads Threads
    {
        get
        {
            if (_threads is null)
            {
                Interlocked.CompareExchange(ref _threads, new ConversationThreads(), null);
            }

            return _threads;
        }
    }
}
